import ArgumentParser
import ClusterModel
import Foundation

/// `clustertui undo [--last | --batch ID] [--yes]`: puts back what a
/// journalled batch changed, on the cluster it was applied to.
struct UndoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo a batch of writes from the journal (default: the last one on this cluster).",
        discussion: """
            Each entity gets back the binding it had before the batch (a PUT, or a DELETE where it \
            followed the default node). An entity whose binding is no longer what the batch set is \
            skipped and reported. The undo is a batch of its own, journalled and undoable.
            """ + "\n" + CLIRun.exitCodeHelp)

    @Flag(name: .customLong("last"), help: "The newest batch applied to this cluster (the default).")
    var last = false

    @Option(name: .customLong("batch"), help: ArgumentHelp("A batch id from `clustertui journal`.", valueName: "ID"))
    var batch: String?

    @Flag(name: .customLong("yes"), help: "Do not ask before applying.")
    var yes = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if last, batch != nil { throw ValidationError("give --last or --batch, not both") }
    }

    func run() async throws {
        try await CLIRun.run {
            let records = try WriteJournal.read(path: WriteJournal.defaultPath()).records
            let batches = JournalEntries.batches(JournalEntries.entries(records))
            try await connection.withConnection { link in
                let chosen = try Self.pick(batches, id: batch, url: link.target.url)
                let live = try await LiveCluster.read(link.reader)
                let plan = PlanBuilder.undo(JournalEntries.undoable(chosen), of: chosen.id, inputs: live.inputs,
                                            stamp: LiveCluster.stamp(link.target))
                try await BatchRun.confirmAndRun(plan, on: link, yes: yes, verb: "undo with")
            }
        }
    }

    /// The batch to undo: by id, or the newest on `url`; never one of another cluster.
    static func pick(_ batches: [JournalBatch], id: String?, url: String) throws -> JournalBatch {
        if let id {
            guard let found = batches.first(where: { $0.id == id }) else {
                throw ClusterError.usage("no batch \(TextSanitizer.excerpt(id, limit: 40)) in the journal (\(WriteJournal.defaultPath()))")
            }
            guard found.url == url else {
                throw ClusterError.usage("batch \(found.id) was applied to \(TextSanitizer.visible(found.url ?? "an unknown cluster")), "
                                         + "not \(TextSanitizer.visible(url)): connect there to undo it")
            }
            return found
        }
        guard let newest = batches.last(where: { $0.url == url }) else {
            throw ClusterError.usage("the journal holds no batch applied to \(TextSanitizer.visible(url))")
        }
        return newest
    }
}
