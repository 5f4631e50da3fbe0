import ClusterModel
import Foundation

/// The problems view's overlay (issue 23): the row under the cursor.
package struct ProblemsList: Sendable, Equatable {
    package var selected = 0
    package init(selected: Int = 0) { self.selected = selected }
}

/// What to select once a cluster opened from the problems view has loaded.
package struct PendingSelect: Sendable, Equatable {
    package var context: String
    package var subject: FleetProblem.Subject

    package init(context: String, subject: FleetProblem.Subject) { self.context = context; self.subject = subject }
}

/// Every cluster's problems, most severe first: the open cluster's from
/// its full data (its instance rows' risk), the others' from their last
/// good overview (nodes, and explicit bindings at risk).
package enum ProblemRows {
    package static func make(_ state: AppState) -> [FleetProblem] {
        var problems: [FleetProblem] = []
        let current = state.config.currentContext ?? state.config.label
        if let snapshot = state.snapshot {
            problems += FleetProblems.fromOverview(snapshot.overview, context: current, now: state.observedAt,
                                                   thresholds: state.thresholds, withBindings: !snapshot.instancesKnown)
            if snapshot.instancesKnown { problems += atRiskInstances(state, snapshot, context: current) }
        }
        for entry in state.fleet.entries where entry.name != current {
            guard let overview = entry.overview else { continue }
            problems += FleetProblems.fromOverview(overview, context: entry.name, now: entry.overviewAt ?? state.now,
                                                   thresholds: state.config.thresholds)
        }
        return problems.sorted(by: FleetProblem.precedes)
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
