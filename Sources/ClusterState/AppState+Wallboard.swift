import ClusterGrid
import ClusterModel
import Foundation

/// One figure of the wallboard's summary band: a count, its label, the colour
/// band it is drawn in, and a short note under it.
package struct WallboardFigure: Sendable, Equatable {
    package var label: String
    /// The label on a narrow screen.
    package var shortLabel: String
    /// `nil` while unknown (instances not loaded yet): drawn as `-`.
    package var value: Int?
    package var role: StyleRole
    package var note: String
}

/// An at-risk instance as the wallboard lists it.
package struct WallboardRiskRow: Sendable, Equatable {
    package var type: String
    package var name: String
    package var node: String
    package var nodeHealth: HeartbeatHealth?
    package var risk: Risk
}

/// The wallboard's view model, computed once per change in `Derived`
/// (issue 12: the at-risk rows walked and sorted every instance per frame,
/// and the figures were computed twice per frame).
package struct WallboardModel: Sendable, Equatable {
    package var figures: [WallboardFigure] = []
    package var riskRows: [WallboardRiskRow] = []
    package var nodes: [Node] = []
}

/// What the wallboard shows. The `compute…` functions build the model from
/// `derived` and the snapshot; views read the `wallboard…` accessors.
extension AppState {
    /// The figures, as computed at the last change.
    package var wallboardFigures: [WallboardFigure] { derived.wallboard?.figures ?? computeWallboardFigures() }
    package var wallboardRiskRows: [WallboardRiskRow] { derived.wallboard?.riskRows ?? [] }
    package var wallboardNodes: [Node] { derived.wallboard?.nodes ?? [] }

    /// Builds the model (called by `recompute`, only in wallboard mode).
    package func computeWallboard() -> WallboardModel {
        WallboardModel(figures: computeWallboardFigures(), riskRows: computeWallboardRiskRows(), nodes: computeWallboardNodes())
    }

    /// The overview poll is failing: the data on screen is the last known.
    package var wallboardDisconnected: Bool { overviewPoll.lastError != nil }

    /// Live nodes (ghosts left out), in the dashboard's "problems first" order.
    package func computeWallboardNodes() -> [Node] {
        derived.nodes.filter { derived.healthSignature[$0.name] != .ghost }
    }

    /// Every at-risk instance, worst first, then by type and name.
    package func computeWallboardRiskRows() -> [WallboardRiskRow] {
        guard let snapshot, let risk = derived.risk else { return [] }
        var rows: [WallboardRiskRow] = []
        for instance in snapshot.instances {
            let r = risk.risk(of: instance)
            guard r != .none else { continue }
            rows.append(WallboardRiskRow(
                type: instance.entityType.rawValue, name: instance.name, node: instance.nodeName,
                nodeHealth: risk.health(ofNode: instance.nodeName), risk: r))
        }
        return rows.sorted {
            if $0.risk != $1.risk { return $0.risk > $1.risk }
            if $0.type != $1.type { return $0.type < $1.type }
            return $0.name < $1.name
        }
    }

    /// The four figures of the summary band: online, draining, offline (stale
    /// included: silent nodes are as good as down), at-risk instances.
    package func computeWallboardFigures() -> [WallboardFigure] {
        let nodes = derived.nodeSummary ?? NodeSummary()
        let online = nodes.online + nodes.late + nodes.waiting + nodes.ahead
        let offline = nodes.offline + nodes.stale
        let instancesKnown = snapshot?.instancesKnown == true && derived.instanceSummary != nil
        let atRisk = instancesKnown ? derived.instanceSummary?.atRisk : nil
        var offlineNote = nodes.stale > 0 ? "\(nodes.stale) silent" : ""
        if nodes.offline > 0 { offlineNote += (offlineNote.isEmpty ? "" : " · ") + "\(nodes.offline) offline" }
        let total = derived.instanceSummary?.total ?? 0
        return [
            WallboardFigure(label: "ONLINE", shortLabel: "UP", value: online, role: online > 0 ? .ok : .error,
                            note: nodes.late > 0 ? "\(nodes.late) late" : "of \(nodes.live) nodes"),
            WallboardFigure(label: "DRAINING", shortLabel: "DRAIN", value: nodes.draining, role: nodes.draining > 0 ? .draining : .dim,
                            note: nodes.draining > 0 ? "no new work" : ""),
            WallboardFigure(label: "OFFLINE", shortLabel: "DOWN", value: offline, role: offline > 0 ? .offline : .dim, note: offlineNote),
            WallboardFigure(label: "AT RISK", shortLabel: "RISK", value: atRisk, role: (atRisk ?? 0) > 0 ? .risk : .dim,
                            note: instancesKnown ? "of \(Fmt.count(total)) instances" : instancesPoll.lastError != nil ? "list not read" : "loading…"),
        ]
    }

    /// The wallboard page shown now out of `count`: derived from the clock so
    /// `update` stays pure and pages advance with the per-second redraw.
    package func wallboardPage(of count: Int) -> Int {
        guard count > 1 else { return 0 }
        let cycle = max(1, config.cycle)
        let slot = Int((now.timeIntervalSince1970 / cycle).rounded(.down))
        return ((slot % count) + count) % count
    }
}
