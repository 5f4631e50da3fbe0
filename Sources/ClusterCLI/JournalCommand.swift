import ArgumentParser
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// `clustertui journal [-o table|json] [--limit N]`: the write journal, newest first.
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Show the write journal: every write sent from the dashboard or the CLI, newest first.",
        discussion: """
            The journal is $XDG_STATE_HOME/clustertui/journal.jsonl (default \
            ~/.local/state/clustertui/journal.jsonl), one JSON line per intent and per outcome, \
            capped at 10 MB. An intent without an outcome means the process ended after sending.
            """)

    /// How to print the journal.
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .shortAndLong, help: "table or json.")
    var output: Format = .table

    @Option(name: .customLong("limit"), help: "At most this many writes (default 50).")
    var limit = 50

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await CLIRun.run {
            let path = WriteJournal.defaultPath()
            let contents = try WriteJournal.read(path: path)
            let entries = Array(JournalEntries.entries(contents.records).reversed().prefix(limit))
            if !contents.damaged.isEmpty {
                let lines = contents.damaged.prefix(10).map(String.init).joined(separator: ", ") + (contents.damaged.count > 10 ? ", …" : "")
                StandardError.line("clustertui: \(path): damaged line\(contents.damaged.count == 1 ? "" : "s") \(lines) (torn or edited) left out")
            }
            let text = output == .json ? try Self.json(entries) : Self.table(entries)
            StandardOutput.write(text)
        }
    }

    static func table(_ entries: [JournalEntry]) -> String {
        guard !entries.isEmpty else { return "the journal is empty\n" }
        var table = TextTable(["TIME", "BATCH", "KIND", "ENTITY", "FROM", "TO", "OUTCOME", "CLUSTER"])
        for e in entries {
            let time = Fmt.dateTime(e.time)
            table.add([time, e.batch, e.kind, e.key.description, e.prior.description, e.requested.description,
                       e.outcomeText + (e.message == nil ? "" : ": " + TextSanitizer.excerpt(e.message ?? "", limit: 60)),
                       e.context ?? e.url ?? ""])
        }
        return table.render()
    }

    /// One stable JSON object per write.
    static func json(_ entries: [JournalEntry]) throws -> String {
        try StableJSON.encode(entries.map(JournalEntryJSON.init)) + "\n"
    }
}

/// The `journal -o json` shape of one write.
struct JournalEntryJSON: Encodable {
    var time: String
    var batch: String
    var seq: Int
    var kind: String
    var context: String?
    var url: String?
    var entityType: String
    var entityId: String
    var prior: String
    var requested: String
    var outcome: String
    var message: String?

    init(_ e: JournalEntry) {
        time = WireDate.format(e.time); batch = e.batch; seq = e.seq; kind = e.kind; context = e.context; url = e.url
        entityType = e.key.entityType.rawValue; entityId = e.key.entityId; prior = e.prior.description
        requested = e.requested.description; outcome = e.outcome?.rawValue ?? "unknown"; message = e.message
    }
}
