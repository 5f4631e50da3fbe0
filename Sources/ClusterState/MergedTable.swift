import ClusterModel
import Foundation

/// Which of the merged tables is shown (issue 23).
package enum MergedKind: String, Sendable, Equatable {
    case nodes, instances

    /// The other one (`Tab`).
    package var other: MergedKind { self == .nodes ? .instances : .nodes }
}

/// The merged tables' overlay (issue 23): the node or the instance table of
/// every context at once, with a CONTEXT column, filtered with the panes'
/// language and its `ctx:` term. The row under the cursor is kept by
/// identity (`anchor`), because rows move as the clusters answer.
package struct MergedTable: Sendable, Equatable {
    package var kind: MergedKind
    package var cursor = TableCursor()
    /// The selected row's cluster and subject.
    package var anchor: PendingSelect?
    package var filter = FilterState()
    /// The order across clusters (`s`, `S`), one per table; nil keeps each
    /// cluster's own order, in config order.
    package var nodeSort: SortSpec<NodeColumn>?
    package var instanceSort: SortSpec<InstanceColumn>?

    package init(kind: MergedKind) { self.kind = kind }

    /// The shown table's order across clusters, if one is chosen.
    package var sort: MergedSort? {
        switch kind {
        case .nodes: return nodeSort.map(MergedSort.nodes)
        case .instances: return instanceSort.map(MergedSort.instances)
        }
    }

    /// Data rows the table has room for at `height` (header, title, column headers and key bar aside).
    package static func visibleRows(height: Int) -> Int { max(1, height - 4) }
}

/// A background cluster's instance list, fetched only while a merged
/// instance table or the problems view is open (issue 23: background
/// contexts poll their overview alone), every `interval` seconds, and
/// dropped when they close.
package struct FleetInstanceList: Sendable, Equatable {
    /// Seconds between two fetches of one cluster's list.
    package static let interval: TimeInterval = 30
    package var instances: [Instance]?
    /// When the list was read (its reply's `Date`, else our clock).
    package var at: Date?
    package var poll: PollTracker
    /// Its instances at risk, for the problems view (`refreshListProblems`), and what they were judged from.
    package var atRisk: [FleetProblem]?
    package var problemsKey: ProblemsKey?

    /// The overview and list moments `atRisk` was computed from.
    package struct ProblemsKey: Sendable, Equatable {
        var overviewAt: Date
        var listAt: Date?
    }

    package init(firstDue: Date) {
        poll = PollTracker(interval: Self.interval, firstDue: firstDue)
        poll.maxBackoff = 120
    }
}
