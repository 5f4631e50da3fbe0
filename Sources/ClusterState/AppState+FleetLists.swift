import ClusterModel
import Foundation

extension AppState {
    /// The other clusters' instance lists are wanted while a merged instance
    /// table or the problems view is open (issue 23: background contexts poll
    /// their overview alone; a list is read on demand and dropped after).
    package var wantsFleetInstanceLists: Bool {
        mergedTable?.kind == .instances || overlays.find(.problems) != nil
    }

    /// The problems view's rows: as last built after a message (`refreshProblemRows`), else built now.
    package var problemRows: [FleetProblem] { derived.problems ?? ProblemRows.make(self) }

    /// Rebuilds the problems view's rows after a message while it is open
    /// (not at every frame and key: with a list read, a cluster whose default
    /// node died has thousands); the revision moves only when they changed.
    package mutating func refreshProblemRows() {
        guard overlays.find(.problems) != nil else {
            derived.problems = nil
            return
        }
        let rows = ProblemRows.make(self)
        if rows != derived.problems {
            derived.problems = rows
            derived.problemsRevision += 1
        }
    }

    /// For the problems view: each background cluster's instances at risk
    /// from its list, judged at its last overview — by name, and the ones
    /// following a default node that is down too, which the overview's
    /// explicit bindings alone cannot show. Recomputed only when that
    /// cluster's list or overview changed (called after every message).
    package mutating func refreshListProblems() {
        guard overlays.find(.problems) != nil else { return }
        for entry in fleet.entries {
            guard var list = fleet.instanceLists[entry.name], let instances = list.instances,
                  let overview = entry.overview, let at = entry.overviewAt else { continue }
            let key = FleetInstanceList.ProblemsKey(overviewAt: at, listAt: list.at)
            guard list.problemsKey != key else { continue }
            list.atRisk = Self.atRisk(instances, overview: overview, at: at, context: entry.name, thresholds: config.thresholds)
            list.problemsKey = key
            fleet.instanceLists[entry.name] = list
        }
    }

    /// `instances` at risk in a cluster whose overview is `overview` as of `at`,
    /// each with the binding that overview gives it (it is read every 10 s,
    /// the list every 30: a move since the list was read is already there).
    static func atRisk(
        _ instances: [Instance], overview: Overview, at: Date, context: String, thresholds: HeartbeatThresholds
    ) -> [FleetProblem] {
        let snapshot = ClusterSnapshot(overview: overview, instances: instances, instancesKnown: true, takenAt: at).bound()
        let risk = RiskContext(snapshot: snapshot, now: at, thresholds: thresholds)
        return snapshot.instances.compactMap { instance in
            let found = risk.risk(of: instance)
            guard found != .none else { return nil }
            let node = instance.nodeName.isEmpty ? "no node" : instance.nodeName
            return FleetProblem(context: context, subject: .instance(instance.key), name: instance.name,
                                what: "\(found.label) on \(node)", severity: found.severity)
        }
    }
}

extension ClusterSnapshot {
    /// This snapshot with its instance rows bound as its overview says (a
    /// list read before the overview's last change shows the older binding).
    func bound() -> ClusterSnapshot {
        guard let rows = bindingSource.bind(instances) else { return self }
        return ClusterSnapshot(overview: overview, instances: rows, instancesKnown: instancesKnown, takenAt: takenAt)
    }
}
