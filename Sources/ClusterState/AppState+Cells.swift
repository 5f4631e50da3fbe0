import ClusterModel
import Foundation

extension AppState {
    /// One node row's cell inputs: its judged health (computed once per
    /// change in `derived`, never per cell), marks, clock lag and counts.
    /// `thresholds` is `self.thresholds`, taken once per frame by the caller.
    package func nodeCell(_ node: Node, glyphs: Glyphs, thresholds: HeartbeatThresholds) -> NodeCell {
        let now = observedAt
        let health = derived.healthSignature[node.name] ?? node.health(now: now, thresholds: thresholds)
        var cell = NodeCell(node: node, health: health, now: now, glyphs: glyphs)
        cell.clockLag = thresholds.clockLag(of: node.name)
        cell.absoluteTimes = absoluteTimes
        cell.skewed = derived.nodeSummary?.isSkewed(node) ?? false
        cell.history = history?.nodes[node.name]
        if let snapshot { cell.mark(from: snapshot) }
        return cell
    }

    /// One instance row's cell inputs: its risk and its node's health.
    package func instanceCell(_ instance: Instance, glyphs: Glyphs) -> InstanceCell {
        let risk = derived.risk
        return InstanceCell(instance: instance, risk: risk?.risk(of: instance) ?? .none,
                            nodeHealth: risk?.health(ofNode: instance.nodeName), glyphs: glyphs,
                            updatedBy: instance.explicit ? snapshot?.assignmentsByKey[instance.key]?.updatedBy : nil)
    }
}
