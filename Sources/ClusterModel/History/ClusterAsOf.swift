import Foundation

/// One node as the history recorded it at a past moment (issue 22's as-of mode).
public struct AsOfNode: Sendable, Equatable {
    public var name: String
    /// The recorded state then; `unknown` when no dashboard was polling.
    public var state: HistoryState
    /// When not watched: the last state recorded before, and when it ended.
    public var lastKnown: (state: HistoryState, until: Date)?
    public var status: String?
    public var version: String?
    /// Restarts in the hour before the moment.
    public var restarts: Int
    /// Explicit bindings to it then.
    public var bound: Int

    /// The word for its state then: a node that beat on time while its registry
    /// status was `draining` is "draining", as the live table says, not "ok".
    public var stateWord: String { isDraining ? "draining" : state.word }
    var isDraining: Bool { state == .ok && status == NodeStatus.draining.rawValue }

    public static func == (a: AsOfNode, b: AsOfNode) -> Bool {
        a.name == b.name && a.state == b.state && a.lastKnown?.state == b.lastKnown?.state
            && a.lastKnown?.until == b.lastKnown?.until && a.status == b.status && a.version == b.version
            && a.restarts == b.restarts && a.bound == b.bound
    }
}

/// The cluster as recorded at `at`: the node table, its counts and the
/// explicit bindings then, worked out from the store (never a live poll).
public struct ClusterAsOf: Sendable, Equatable {
    public var at: Date
    /// Whether a dashboard was polling at that moment.
    public var watched: Bool
    /// Problems first, then by name; ghosts folded away (`ghosts`), as the live table does.
    public var nodes: [AsOfNode]
    /// Nodes that were ghosts then (offline for over a day): counted, not listed.
    public var ghosts = 0
    /// The explicit bindings then.
    public var bindings: [EntityKey: HistoryBinding]
    /// Binding changes seen after `at` (what moved since), newest first.
    public var changedSince: Int
    /// The oldest moment anything was recorded.
    public var recordedSince: Date?

    public init(at: Date, watched: Bool, nodes: [AsOfNode], bindings: [EntityKey: HistoryBinding], changedSince: Int,
                recordedSince: Date? = nil, ghosts: Int = 0) {
        self.at = at; self.watched = watched; self.nodes = nodes; self.bindings = bindings; self.ghosts = ghosts
        self.changedSince = changedSince; self.recordedSince = recordedSince
    }

    /// Nodes per state then, most severe first, each with its word (draining apart from ok).
    public var counts: [(word: String, count: Int)] {
        var byWord: [String: Int] = [:]
        for node in nodes { byWord[node.stateWord, default: 0] += 1 }
        let order = [HistoryState.down.word, HistoryState.late.word, "draining", HistoryState.ok.word, HistoryState.unknown.word]
        return order.compactMap { word in byWord[word].map { (word, $0) } }
    }

    /// Works the moment out from `records` (loaded from an hour before `at`
    /// on) and the changes seen since `at`, undone over the bindings last seen.
    public static func make(at: Date, records: HistoryRecords, changesSince: [BindingChange]) -> ClusterAsOf {
        let spans = records.spans.sorted { $0.start < $1.start }
        let watched = spans.contains { $0.start <= at && at <= $0.end }
        var bindings = records.bindings
        // By when it happened (the server's updatedAt when it said): a change made while no
        // dashboard ran is seen only later, and was undone for moments after it was made.
        for change in changesSince.sorted(by: { $0.when > $1.when }) where change.when > at {
            bindings[change.key] = change.before
        }
        var bound: [String: Int] = [:]
        for binding in bindings.values { bound[binding.node, default: 0] += 1 }
        var runsByNode: [String: [StateRun]] = [:]
        for run in records.runs { runsByNode[run.node, default: []].append(run) }
        var eventsByNode: [String: [NodeEvent]] = [:]
        for event in records.events { eventsByNode[event.node, default: []].append(event) }
        var nodes: [AsOfNode] = []
        var ghosts = 0
        for (name, runs) in runsByNode {
            let ordered = runs.sorted { $0.start < $1.start }
            guard let first = ordered.first, first.start <= at else { continue }  // not yet seen then
            let ends = ordered.map { $0.end ?? HistoryWindow.spanEnd(containing: $0.start, in: spans) }
            let covering = ordered.indices.last { ordered[$0].start <= at && at <= ends[$0] }
            let before = ordered.indices.last { ends[$0] < at }
            // Watched then and not seen: it was not in the registry. Not watched:
            // unknown, with what was last seen — unless that was over an hour before.
            if covering == nil, watched { continue }
            if covering == nil, let before, at.timeIntervalSince(ends[before]) > 3600 { continue }
            // A ghost then (or, unwatched, last seen as one) is folded, as on the live table.
            if (covering ?? before).map({ ordered[$0].state }) == .gone {
                ghosts += 1
                continue
            }
            let events = eventsByNode[name] ?? []
            nodes.append(AsOfNode(
                name: name, state: covering.map { ordered[$0].state } ?? .unknown,
                lastKnown: covering == nil ? before.map { (ordered[$0].state, ends[$0]) } : nil,
                status: fact(.status, at: at, events: events, now: records.facts[name]?.status),
                version: fact(.version, at: at, events: events, now: records.facts[name]?.version),
                restarts: events.filter { $0.kind == .restart && $0.at <= at && $0.at > at.addingTimeInterval(-3600) }.count,
                bound: bound[name] ?? 0))
        }
        nodes.sort { a, b in a.state != b.state ? a.state > b.state : NaturalOrder.precedes(a.name, b.name) }
        return ClusterAsOf(at: at, watched: watched, nodes: nodes, bindings: bindings,
                           changedSince: changesSince.filter { $0.when > at }.count, recordedSince: spans.first?.start,
                           ghosts: ghosts)
    }

    /// A status or version at `at`: the newest change before it says what it
    /// became, else the first change after it says what it was, else what is known now.
    static func fact(_ kind: NodeEvent.Kind, at: Date, events: [NodeEvent], now: String?) -> String? {
        let changes = events.filter { $0.kind == kind }.sorted { $0.at < $1.at }
        func side(_ detail: String, after: Bool) -> String? {
            let parts = detail.components(separatedBy: " → ")
            guard parts.count == 2 else { return nil }
            return after ? parts[1] : parts[0]
        }
        if let last = changes.last(where: { $0.at <= at }) { return side(last.detail, after: true) ?? now }
        if let next = changes.first(where: { $0.at > at }) { return side(next.detail, after: false) ?? now }
        return now
    }
}
