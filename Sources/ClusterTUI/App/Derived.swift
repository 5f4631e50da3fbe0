import ClusterModel
import Foundation

/// What the views need that is computed from the snapshot, the clock, the
/// filter and the sort: visible rows, risk, summaries. Recomputed only when
/// one of its inputs changed, never per frame.
struct Derived: Sendable {
    var risk: RiskContext?
    var filterContext: FilterContext?
    var nodeSummary: NodeSummary?
    var instanceSummary: InstanceSummary?
    /// The nodes shown, filtered and sorted (ghosts only when shown).
    var nodes: [Node] = []
    /// Ghost records hidden by the fold.
    var hiddenGhosts = 0
    /// Indices into `snapshot.instances` of the rows shown, filtered and sorted.
    var instanceRows: [Int] = []
    /// Indices matching the filter, before sorting (refined as the query narrows).
    var filtered: [Int]?
    var filteredBy: FilterQuery?
    var searchIndex: InstanceSearchIndex?
    /// Node healths last used, to notice when a tick changed any of them.
    var healthSignature: [String: HeartbeatHealth] = [:]
}

/// Which inputs changed, so `recompute` does only the work they require.
struct DerivedChange: OptionSet, Sendable {
    let rawValue: Int
    static let instances = DerivedChange(rawValue: 1)
    static let overview = DerivedChange(rawValue: 2)
    static let clock = DerivedChange(rawValue: 4)
    static let filter = DerivedChange(rawValue: 8)
    static let sort = DerivedChange(rawValue: 16)
    static let all: DerivedChange = [.instances, .overview, .clock, .filter, .sort]
}

extension AppState {
    /// Brings `derived` up to date after the inputs in `change` moved.
    mutating func recompute(_ change: DerivedChange) {
        guard let snapshot else { return }
        let serverNow = self.serverNow
        let thresholds = config.thresholds
        var change = change
        if change.contains(.instances) || derived.searchIndex == nil {
            derived.searchIndex = InstanceSearchIndex(instances: snapshot.instances)
            derived.filtered = nil
        }
        let risk = RiskContext(snapshot: snapshot, now: serverNow, thresholds: thresholds)
        var signature: [String: HeartbeatHealth] = [:]
        signature.reserveCapacity(snapshot.nodes.count)
        for node in snapshot.nodes { signature[node.name] = risk.health(ofNode: node.name) }
        let healthChanged = signature != derived.healthSignature
        if change == .clock && !healthChanged {
            // Ages ticked but no health moved: rows, risk and counts stand.
            derived.risk = risk
            return
        }
        if healthChanged { change.insert(.overview) }
        derived.healthSignature = signature
        derived.risk = risk
        let context = FilterContext(snapshot: snapshot, risk: risk)
        derived.filterContext = context
        derived.nodeSummary = snapshot.nodeSummary(now: serverNow, thresholds: thresholds)
        if change.contains(.instances) || change.contains(.overview) {
            derived.instanceSummary = snapshot.instanceSummary(risk)
        }
        recomputeNodes(snapshot, context: context)
        recomputeInstances(snapshot, context: context, risk: risk, change: change)
        clampCursors()
    }

    private mutating func recomputeNodes(_ snapshot: ClusterSnapshot, context: FilterContext) {
        let sorted = snapshot.sortedNodes(by: nodeSort, now: serverNow, thresholds: config.thresholds)
        var shown: [Node] = []
        shown.reserveCapacity(sorted.count)
        var ghosts = 0
        for node in sorted {
            if let q = filter.query, !q.isEmpty, !q.matches(node, context) { continue }
            if !showGhosts, derived.healthSignature[node.name] == .ghost {
                ghosts += 1
                continue
            }
            shown.append(node)
        }
        derived.nodes = shown
        derived.hiddenGhosts = ghosts
    }

    private mutating func recomputeInstances(
        _ snapshot: ClusterSnapshot, context: FilterContext, risk: RiskContext, change: DerivedChange
    ) {
        guard let index = derived.searchIndex else { return }
        var matched: [Int]
        guard let query = filter.query, !query.isEmpty else {
            derived.filtered = nil
            derived.filteredBy = nil
            derived.instanceRows = snapshot.sortedInstanceIndices(Array(snapshot.instances.indices), by: instanceSort, risk: risk)
            return
        }
        if change == .filter, let previous = derived.filtered, let old = derived.filteredBy,
                  FilterQuery.narrows(query, old) {
            matched = index.filter(query, context, within: previous)
        } else {
            matched = index.filter(query, context, within: nil)
        }
        derived.filtered = matched
        derived.filteredBy = query
        matched = snapshot.sortedInstanceIndices(matched, by: instanceSort, risk: risk)
        derived.instanceRows = matched
    }

    /// Keeps every cursor inside its list after the lists changed.
    mutating func clampCursors() {
        let layout = Layout(state: self)
        nodeCursor.clamp(count: derived.nodes.count, rows: layout.nodeRows)
        instanceCursor.clamp(count: derived.instanceRows.count, rows: layout.instanceRows)
        eventCursor.clamp(count: events.count, rows: layout.eventRows)
    }

    /// The instance under the cursor in the instances pane.
    var selectedInstance: Instance? {
        guard let snapshot, instanceCursor.selected < derived.instanceRows.count else { return nil }
        let index = derived.instanceRows[instanceCursor.selected]
        return index < snapshot.instances.count ? snapshot.instances[index] : nil
    }

    /// The node under the cursor in the nodes pane.
    var selectedNode: Node? {
        nodeCursor.selected < derived.nodes.count ? derived.nodes[nodeCursor.selected] : nil
    }
}
