import ClusterModel
import Foundation

/// What the views need that is computed from the snapshot, the clock, the
/// filter and the sort: visible rows, risk, summaries. Recomputed only when
/// one of its inputs changed, never per frame.
package struct Derived: Sendable {
    package var risk: RiskContext?
    package var filterContext: FilterContext?
    package var nodeSummary: NodeSummary?
    package var instanceSummary: InstanceSummary?
    /// The nodes shown, filtered and sorted (ghosts only when shown).
    package var nodes: [Node] = []
    /// Every node in the current node sort, before filtering (reused per keystroke).
    package var sortedNodes: [Node]?
    /// Ghost records hidden by the fold.
    package var hiddenGhosts = 0
    /// Indices into `snapshot.instances` of the rows shown, filtered and sorted.
    package var instanceRows: [Int] = []
    /// Indices matching the filter, before sorting (refined as the query narrows).
    package var filtered: [Int]?
    package var filteredBy: FilterQuery?
    /// Recent answers of the filter over `sortedAll`, so that Backspace back
    /// to a query already typed costs a lookup, not a scan of every row.
    package var recentFilters = RecentFilters()
    /// The instance list made ready for sorting and searching (off the UI
    /// thread when it came from a poll); replaced with every new list.
    package var prepared: PreparedInstances?
    /// Every row in the current sort order, reused by each keystroke of a
    /// filter (the index filters *within* it, so nothing is sorted per key).
    package var sortedAll: [Int]?
    /// What `sortedAll` was sorted by: the spec and, for risk, the risk table.
    package var sortedAllSpec: SortSpec<InstanceColumn>?
    package var sortedAllRisk: [Int8] = []
    /// Severity per (node, binding) of `prepared`, at the last recompute.
    package var riskTable: [Int8] = []
    /// The wallboard's figures, at-risk rows and nodes (wallboard mode only).
    package var wallboard: WallboardModel?
    /// Node healths last used, to notice when a tick changed any of them.
    package var healthSignature: [String: HeartbeatHealth] = [:]
    /// The node filter and ghost fold that `nodes` was last made with.
    package var nodesShownFor: NodesShownFor?
    /// Counts the recomputes that may have changed rows or counts (`FrameStamp`).
    package var revision = 0
    /// The merged tables' rows (issue 23), while one is open; rebuilt by `refreshMerged`.
    package var merged: MergedModel?
    /// Counts the merged model's rebuilds (`FrameStamp`).
    package var mergedRevision = 0
    /// The problems view's rows while it is open (issue 23), rebuilt after a message by `refreshProblemRows`.
    package var problems: [FleetProblem]?
    package var problemsRevision = 0
}

/// What decides which of the sorted nodes are shown, besides the nodes.
package struct NodesShownFor: Equatable, Sendable {
    package var query: FilterQuery?
    package var showGhosts: Bool
}

/// Which inputs changed, so `recompute` does only the work they require.
package struct DerivedChange: OptionSet, Sendable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }
    package static let instances = DerivedChange(rawValue: 1)
    package static let overview = DerivedChange(rawValue: 2)
    package static let clock = DerivedChange(rawValue: 4)
    package static let filter = DerivedChange(rawValue: 8)
    package static let sort = DerivedChange(rawValue: 16)
    package static let all: DerivedChange = [.instances, .overview, .clock, .filter, .sort]
}

extension AppState {
    /// Brings `derived` up to date after the inputs in `change` moved.
    package mutating func recompute(_ change: DerivedChange) {
        guard let snapshot else { return }
        // As of the last good poll while disconnected: frozen, not ageing.
        let serverNow = self.observedAt
        let thresholds = self.thresholds
        var change = change
        if change.contains(.instances) || !derived.preparedMatches(snapshot.instances) {
            if !derived.preparedMatches(snapshot.instances) {
                derived.prepared = PreparedInstances.prepare(snapshot.instances, withIndex: false)
            }
            derived.filtered = nil
            derived.sortedAll = nil
            change.insert(.instances)
        }
        // A keystroke in a filter or a new instance list moves no node, no
        // health and no node count (issue 14: rebuilding them was most of a
        // list swap's and a keystroke's time at S2): keep the risk context
        // of the last clock or overview change; the next tick renews it.
        if change.isSubset(of: [.filter, .instances]), let risk = derived.risk, derived.nodeSummary != nil {
            derived.revision += 1
            recomputeRows(snapshot, risk: risk, change: change)
            return
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
        derived.nodeSummary = snapshot.nodeSummary(now: serverNow, thresholds: thresholds)
        derived.revision += 1
        recomputeRows(snapshot, risk: risk, change: change)
    }

    /// Everything after risk: the filter context, the risk table and
    /// instance counts, the node and instance rows, the wallboard.
    private mutating func recomputeRows(_ snapshot: ClusterSnapshot, risk: RiskContext, change: DerivedChange) {
        let context = FilterContext(snapshot: snapshot, risk: risk, flapping: history?.flapping ?? [],
                                    context: config.currentContext ?? config.label)
        derived.filterContext = context
        // A filter keystroke leaves the list and the risk as they were: so are the table and counts.
        if change != .filter || derived.instanceSummary == nil {
            let previousTable = derived.riskTable
            derived.riskTable = derived.prepared?.riskTable(risk) ?? []
            if change.contains(.instances) || derived.riskTable != previousTable || derived.instanceSummary == nil {
                derived.instanceSummary = derived.prepared?.summary(riskTable: derived.riskTable)
                    ?? snapshot.instanceSummary(risk)
            }
        }
        recomputeNodes(snapshot, context: context, change: change)
        recomputeInstances(snapshot, context: context, risk: risk, change: change)
        if config.wallboard { derived.wallboard = computeWallboard() }
        clampCursors()
    }

    private mutating func recomputeNodes(_ snapshot: ClusterSnapshot, context: FilterContext, change: DerivedChange) {
        // A keystroke in the filter or a new instance list (unless sorted by
        // bound count) moves no node: reuse the last sorted order (sorting
        // 1,000 nodes was ~40 % of a keystroke at S2).
        let sorted: [Node]
        let nodesMoved = change.contains(.overview) || change.contains(.clock) || change.contains(.sort)
            || (change.contains(.instances) && nodePane.sort?.column == .bound)
        let shownFor = NodesShownFor(query: nodePane.filter.query, showGhosts: showGhosts)
        // Nor does the shown subset change, unless the node filter or the fold
        // did, or the node filter reads bound instances (`is:risk`).
        if !nodesMoved, derived.sortedNodes != nil, derived.nodesShownFor == shownFor,
           !(change.contains(.instances) && nodePane.filter.isActive) {
            return
        }
        derived.nodesShownFor = shownFor
        if !nodesMoved, let cached = derived.sortedNodes {
            sorted = cached
        } else {
            sorted = snapshot.sortedNodes(by: nodePane.sort, now: serverNow, thresholds: thresholds,
                                          flapping: history?.flapping ?? [])
            derived.sortedNodes = sorted
        }
        var shown: [Node] = []
        shown.reserveCapacity(sorted.count)
        var ghosts = 0
        for node in sorted {
            if let q = nodePane.filter.query, !q.isEmpty, !q.matches(node, context) { continue }
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
        let before = derived.sortedAll
        let all = sortedAllRows(snapshot, risk: risk)
        guard let query = instancePane.filter.query, !query.isEmpty else {
            derived.filtered = nil
            derived.filteredBy = nil
            derived.instanceRows = all
            return
        }
        // An overview or health change leaves a query that reads only the
        // instance rows (text, tenant, type, mode, node, is:explicit) with
        // the same answer over the same order: keep it, scan nothing.
        if !change.contains(.instances), !change.contains(.filter), !change.contains(.sort),
           derived.filteredBy == query, let kept = derived.filtered, query.readsOnlyInstanceRows,
           let before, before.sharesStorage(with: all) {
            derived.instanceRows = kept
            return
        }
        derived.recentFilters.keepValid(over: all, rowsOnly: change == .filter, sameList: !change.contains(.instances))
        if let known = derived.recentFilters.rows(for: query, over: all, rowCount: snapshot.instances.count) {
            derived.filtered = known
            derived.filteredBy = query
            derived.instanceRows = known
            return
        }
        var candidates = all
        if change == .filter, let previous = derived.filtered, let old = derived.filteredBy,
                  FilterQuery.narrows(query, old) {
            candidates = previous
        }
        let matched: [Int]
        if let needles = query.freeTextNeedles, let text = derived.prepared?.text {
            matched = text.filter(needles, within: candidates)
        } else {
            if derived.prepared?.index == nil {
                // Built lazily: a list nobody filters by field never pays for its index.
                derived.prepared?.index = InstanceSearchIndex(instances: snapshot.instances)
            }
            guard let index = derived.prepared?.index else { return }
            matched = Self.inHalves(candidates) { index.filter(query, context, within: Array($0)) }
        }
        // Filtering within the sorted order keeps it: no sort per keystroke.
        derived.recentFilters.remember(query, matched, over: all)
        derived.filtered = matched
        derived.filteredBy = query
        derived.instanceRows = matched
    }

    /// All rows in the current sort order, re-sorted only when the list, the
    /// sort or (for the risk column) some node's risk changed.
    private mutating func sortedAllRows(_ snapshot: ClusterSnapshot, risk: RiskContext) -> [Int] {
        let riskMatters = instancePane.sort.column == .risk
        if let cached = derived.sortedAll, derived.sortedAllSpec == instancePane.sort,
           !riskMatters || derived.sortedAllRisk == derived.riskTable {
            return cached
        }
        let sorted = derived.prepared?.bucketOrder(instancePane.sort, riskTable: derived.riskTable)
            ?? snapshot.sortedInstanceIndices(Array(snapshot.instances.indices), by: instancePane.sort, risk: risk)
        derived.sortedAll = sorted
        derived.sortedAllSpec = instancePane.sort
        derived.sortedAllRisk = derived.riskTable
        return sorted
    }

    /// The instance under the cursor in the instances pane.
    package var selectedInstance: Instance? {
        guard let snapshot, instancePane.cursor.selected < derived.instanceRows.count else { return nil }
        let index = derived.instanceRows[instancePane.cursor.selected]
        return index < snapshot.instances.count ? snapshot.instances[index] : nil
    }

    /// The node under the cursor in the nodes pane.
    package var selectedNode: Node? {
        nodePane.cursor.selected < derived.nodes.count ? derived.nodes[nodePane.cursor.selected] : nil
    }
}

extension Derived {
    /// Whether `prepared` was made from exactly this array (same storage), so
    /// a list swapped in by `update` is never paired with a stale preparation.
    package func preparedMatches(_ instances: [Instance]) -> Bool {
        prepared?.instances.sharesStorage(with: instances) ?? false
    }
}

extension AppState {
    /// A filter over `candidates` on both cores: two halves filtered at once
    /// and joined in order (the result equals one call over the whole).
    package static func inHalves(_ candidates: [Int], _ filter: @Sendable (ArraySlice<Int>) -> [Int]) -> [Int] {
        guard candidates.count >= 20_000 else { return filter(candidates[...]) }
        let mid = candidates.count / 2
        let box = FilterHalves()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let found = filter(half == 0 ? candidates[..<mid] : candidates[mid...])
            if half == 0 { box.first = found } else { box.second = found }
        }
        return box.first + box.second
    }
}

/// The two halves of `inHalves`, each written by one iteration.
private final class FilterHalves: @unchecked Sendable {
    package var first: [Int] = []
    package var second: [Int] = []
}

extension FilterQuery {
    /// True when every term reads only fields of the instance row itself, so
    /// the answer cannot change with the overview or the clock.
    package var readsOnlyInstanceRows: Bool {
        terms.allSatisfy { term in
            switch term.field {
            case nil, .tenant, .type, .mode, .node: return true
            case .is: return term.flag == .explicit || term.flag == .default
            case .status, .role, .ctx: return false
            }
        }
    }
}
