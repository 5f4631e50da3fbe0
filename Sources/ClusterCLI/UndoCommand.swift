import ArgumentParser
import ClusterModel
import ClusterWrites
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

    @OptionGroup var options: BatchOptions
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if last, batch != nil { throw ValidationError("give --last or --batch, not both") }
    }

    func run() async throws {
        try await CLIRun.run {
            let path = WriteJournal.defaultPath()
            let contents = try WriteJournal.read(path: path)
            let named = connection.url != nil || connection.context != nil
            // With no cluster named: the newest batch of any cluster, on its own cluster.
            let wanted: String? = named ? try connection.resolve().map { ClusterIdentity.recordable($0.url) } ?? ClusterIdentity.embedded : nil
            let chosen = try Self.pick(contents, id: batch, url: wanted, path: path)
            try await PlanTargeting.options(connection, toReach: chosen.target).withConnection { link in
                let retargetedFrom = try PlanTargeting.check(link.target, against: chosen.target, what: "batch \(chosen.id)", retarget: options.retarget)
                let live = try await LiveCluster.read(link.reader)
                let plan = PlanBuilder.undo(JournalEntries.undoable(chosen), of: chosen.id, inputs: live.inputs,
                                            stamp: LiveCluster.stamp(link.target))
                try await BatchRun.confirmAndRun(plan, on: link, journal: options.journal, retargetedFrom: retargetedFrom,
                                                 yes: options.yes, verb: "undo with", live: live)
            }
        }
    }

    /// The batch to undo: by id (any cluster; the connection then must match
    /// it), or the newest on `url` (any cluster when `nil`), refusing to guess
    /// past a damaged line.
    static func pick(_ contents: JournalContents, id: String?, url: String?, path: String) throws -> JournalBatch {
        let batches = JournalEntries.batches(JournalEntries.entries(contents.records))
        if let id {
            guard let found = batches.first(where: { $0.id == id }) else {
                throw ClusterError.usage("no batch \(TextSanitizer.excerpt(id, limit: 40)) in the journal (\(path))")
            }
            return found
        }
        do {
            if let url { return try JournalEntries.newest(in: contents, url: url, path: path) }
            return try JournalEntries.newest(in: contents, url: nil, path: path)
        } catch let error as JournalError {
            throw CommandFailure(description: error.description, exitCode: .failure)
        }
    }
}
