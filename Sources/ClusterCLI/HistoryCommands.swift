import ArgumentParser
import ClusterHistory
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// `clustertui history NODE [--since 1h] [-o table|json]` (issue 22): a
/// node's recorded runs, unwatched stretches, restarts and changes.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a node's recorded history: healthy and late runs, restarts, status changes.",
        discussion: """
            Reads what dashboards recorded for this cluster under $XDG_STATE_HOME/clustertui/history \
            (default ~/.local/state/clustertui/history); it makes no request. Stretches no dashboard \
            watched read "not watched", never healthy.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The node's name, as the node table shows it.")
    var node: String

    @OptionGroup var window: HistoryReadOptions

    func run() async throws {
        try await CLIRun.run {
            let (store, url) = try HistoryFiles.open(connection)
            let now = Date()
            let from = window.from(now)
            let records = try store.load(since: from, node: node, changes: 0)
            guard records.facts[node] != nil else {
                // As `get node` says it: exit 1, one line.
                StandardError.line("clustertui: no node \(TextSanitizer.excerpt(node)) in the history of \(url)")
                throw ExitCode(ClusterError.ExitCode.failure.rawValue)
            }
            let entries = NodeTimeline.entries(node: node, records: records, since: from, now: now)
            switch window.output {
            case .json: StandardOutput.write(try StableJSON.encode(entries.map(TimelineJSON.init)) + "\n")
            case .table:
                guard !entries.isEmpty else {
                    return StandardOutput.write("nothing recorded for \(TextSanitizer.visible(node)) since \(HistoryFiles.time(from))\n")
                }
                var table = TextTable(["FROM", "UNTIL", "WHAT", "DETAIL"])
                for e in entries {
                    table.add([HistoryFiles.time(e.start), e.end.map(HistoryFiles.time) ?? "", e.what, e.detail])
                }
                StandardOutput.write(table.render())
            }
        }
    }
}

/// `clustertui changes [--since 1h] [--by WHO] [-o table|json]` (issue 22):
/// binding changes the dashboards saw, newest first, with who made them.
struct ChangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Show recorded binding changes: when, who, entity, from → to; newest first.",
        discussion: """
            Reads what dashboards recorded for this cluster (no request). BATCH names the write \
            journal's batch when the change was made from this machine.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Only changes made by a user whose id contains WHO; 'me' for this machine's own (those with a BATCH).")
    var by: String?

    @OptionGroup var window: HistoryReadOptions

    func run() async throws {
        try await CLIRun.run {
            let (store, _) = try HistoryFiles.open(connection)
            let from = window.from(Date())
            let changes = try store.changes(since: from, by: by)
            switch window.output {
            case .json: StandardOutput.write(try StableJSON.encode(changes.map(ChangeJSON.init)) + "\n")
            case .table:
                guard !changes.isEmpty else {
                    return StandardOutput.write("no binding changes recorded since \(HistoryFiles.time(from))\n")
                }
                var table = TextTable(["SEEN", "UPDATED", "BY", "ENTITY", "FROM", "TO", "BATCH"])
                for c in changes {
                    table.add([HistoryFiles.time(c.seenAt), c.updatedAt.map(HistoryFiles.time) ?? "", c.updatedBy ?? "",
                               c.key.description, c.before?.description ?? "(default)", c.after?.description ?? "(default)",
                               c.batch.map { "ours \($0)" } ?? ""])
                }
                StandardOutput.write(table.render())
            }
        }
    }
}

/// How `history` and `changes` print.
enum HistoryOutput: String, ExpressibleByArgument, CaseIterable { case table, json }

/// What `history` and `changes` share: how far back, and how to print.
struct HistoryReadOptions: ParsableArguments {
    @Option(help: "How far back: 90s, 10m, 1h, 7d (default 1h).")
    var since = "1h"

    @Option(name: .shortAndLong, help: "table or json.")
    var output: HistoryOutput = .table

    func validate() throws {
        if TypedDuration.parse(since) == nil { throw ValidationError("--since takes a duration such as 90s, 10m, 1h or 7d") }
    }

    /// The oldest moment asked for, seen from `now`.
    func from(_ now: Date) -> Date { now.addingTimeInterval(-(TypedDuration.parse(since) ?? 3600)) }
}

/// Finding the recorded store for the cluster the flags name.
enum HistoryFiles {
    static func open(_ connection: ConnectionOptions) throws -> (HistoryStore, String) {
        guard let target = try connection.resolve() else {
            throw ClusterError.usage("the embedded demo is a new cluster every run: its history is not kept (give --url or --context)")
        }
        let url = ClusterIdentity.recordable(target.url)
        let path = HistoryStore.path(for: url, in: HistoryStore.defaultDirectory())
        guard FileManager.default.fileExists(atPath: path) else {
            throw ClusterError.usage("no history recorded for \(url) yet: the dashboard records it while it runs")
        }
        return (try HistoryStore(path: path, create: false), url)
    }

    /// `2026-12-06 14:02:10`, UTC, as the journal prints times.
    static func time(_ date: Date) -> String {
        Fmt.dateTime(date)
    }
}

/// One timeline line in `-o json`.
struct TimelineJSON: Encodable {
    var from: String
    var until: String?
    var what: String
    var detail: String
    init(_ e: TimelineEntry) {
        from = WireDate.format(e.start); until = e.end.map(WireDate.format); what = e.what; detail = e.detail
    }
}

/// One binding change in `-o json`.
struct ChangeJSON: Encodable {
    var seenAt: String
    var updatedAt: String?
    var updatedBy: String?
    var entityType: String
    var entityId: String
    var before: HistoryBinding?
    var after: HistoryBinding?
    var batch: String?
    init(_ c: BindingChange) {
        seenAt = WireDate.format(c.seenAt); updatedAt = c.updatedAt.map(WireDate.format); updatedBy = c.updatedBy
        entityType = c.entityType; entityId = c.entityId; before = c.before; after = c.after; batch = c.batch
    }
}
