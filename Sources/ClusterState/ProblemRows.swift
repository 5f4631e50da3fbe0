import ClusterModel
import Foundation

/// The problems view's overlay (issue 23): the row under the cursor, kept
/// by identity (`anchor`) because the rows re-sort as clusters change.
package struct ProblemsList: Sendable, Equatable {
    package var selected = 0
    package var anchor: FleetProblem?
    package init(selected: Int = 0) { self.selected = selected }

    /// The selected row's index in `rows`: the anchored row where it still is, else `selected` clamped.
    package func index(in rows: [FleetProblem]) -> Int {
        if let anchor, let i = rows.firstIndex(where: { $0.isSameRow(anchor) }) { return i }
        return min(selected, max(0, rows.count - 1))
    }
}

/// What to select once a cluster opened from the problems view has loaded.
package struct PendingSelect: Sendable, Equatable {
    package var context: String
    package var subject: FleetProblem.Subject

    package init(context: String, subject: FleetProblem.Subject) { self.context = context; self.subject = subject }
}

/// Every cluster's problems, most severe first: the open cluster's from
/// its full data (its instance rows' risk), the others' from their last
/// good overview (nodes, and explicit bindings at risk until their
/// instance list, read while this view is open, names every one at risk).
package enum ProblemRows {
    package static func make(_ state: AppState) -> [FleetProblem] {
        var problems: [FleetProblem] = []
        let current = state.config.currentContext ?? state.config.label
        // A cluster that cannot be read is the first problem; what it showed last is marked as old.
        var stale: Set<String> = []
        for row in FleetRows.make(state) {
            guard let what = unreadable(row.state, now: state.now) else { continue }
            stale.insert(row.name)
            problems.append(FleetProblem(context: row.name, subject: .cluster, name: row.name, what: what,
                                         severity: FleetProblem.clusterSeverity))
        }
        // Without contexts in the config file the open cluster has no fleet row: its state is asked directly.
        if state.config.contexts.isEmpty, let what = unreadable(FleetRows.openClusterState(state), now: state.now) {
            stale.insert(current)
            problems.append(FleetProblem(context: current, subject: .cluster, name: current, what: what,
                                         severity: FleetProblem.clusterSeverity))
        }
        var inside: [FleetProblem] = []
        if let snapshot = state.snapshot {
            inside += FleetProblems.fromOverview(snapshot.overview, context: current, now: state.observedAt,
                                                 thresholds: state.thresholds, withBindings: !snapshot.instancesKnown)
            if snapshot.instancesKnown { inside += atRiskInstances(state, snapshot, context: current) }
        }
        for entry in state.fleet.entries where entry.name != current {
            guard let overview = entry.overview else { continue }
            // Its list, once read for this view, names every instance at risk; until then, the overview's explicit bindings.
            let list = state.fleet.instanceLists[entry.name]
            let listed = list?.atRisk
            inside += FleetProblems.fromOverview(overview, context: entry.name, now: entry.overviewAt ?? state.now,
                                                 thresholds: state.config.thresholds, withBindings: listed == nil)
            // A list whose re-read fails: its rows are an older list's (bound as the overview says).
            let oldList = list?.poll.lastError != nil && !stale.contains(entry.name)
            inside += (listed ?? []).map { problem in
                var problem = problem
                if oldList { problem.what += " (old list)" }
                return problem
            }
        }
        for var problem in inside {
            if stale.contains(problem.context) { problem.what += " (old data)" }
            problems.append(problem)
        }
        return problems.sorted(by: FleetProblem.precedes)
    }

    /// "stale 2m", "unreachable", "unauthorised"…; `nil` while live or not asked yet.
    private static func unreadable(_ state: ContextState, now: Date) -> String? {
        switch state {
        case .live, .connecting: nil
        case .stale(let since, _): "stale for " + Fmt.age(since, now: now, absolute: false)
        case .down(let error): ContextState.cause(error)
        }
    }

    /// The open cluster's instances at risk, from the risk table (no string work per row).
    private static func atRiskInstances(_ state: AppState, _ snapshot: ClusterSnapshot, context: String) -> [FleetProblem] {
        guard let prepared = state.derived.prepared, state.derived.preparedMatches(snapshot.instances) else { return [] }
        let table = state.derived.riskTable
        var out: [FleetProblem] = []
        for row in 0..<prepared.instances.count {
            let slot = Int(prepared.nodeOrdinal[row]) * 4 + Int(prepared.bindingBits[row])
            guard slot < table.count, table[slot] > 0, let risk = Risk.allCases.first(where: { $0.severity == Int(table[slot]) })
            else { continue }
            let instance = prepared.instances[row]
            let node = instance.nodeName.isEmpty ? "no node" : instance.nodeName
            out.append(FleetProblem(context: context, subject: .instance(instance.key), name: instance.name,
                                    what: "\(risk.label) on \(node)", severity: risk.severity))
        }
        return out
    }
}
