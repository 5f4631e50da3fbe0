import ClusterModel
import ClusterWrites
import Foundation

/// The CLI's risk rules before a single write, the same as the dashboard's
/// forms (`WriteRisk`, issue 19): a target that is not in the registry,
/// offline, draining or silent, and an entity the instance list does not
/// have, are refused with one line naming the risk (exit 1) unless `--yes`.
enum WriteGuard {
    /// The entity's binding and node now, after the checks.
    static func check(_ key: EntityKey, to target: PlanBinding, on reader: any ClusterReading, yes: Bool) async throws
        -> (prior: PlanBinding, fromNode: String)
    {
        if yes {
            let overview = try await reader.overview()
            let prior = BindingIndex(overview).binding(of: key)
            return (prior, prior.node ?? overview.defaultNodeName)
        }
        let live = try await LiveCluster.read(reader)
        let prior = BindingIndex(rows: live.snapshot.assignmentsByKey).binding(of: key)
        let fromNode = prior.node ?? live.snapshot.defaultNodeName
        if let reason = risk(key, to: target, in: live) {
            throw CommandFailure(description: "refused: \(TextSanitizer.visible(reason)); nothing was sent (--yes sends it anyway)",
                                 exitCode: .failure)
        }
        return (prior, fromNode)
    }

    /// Why the write needs `--yes`, or `nil`.
    static func risk(_ key: EntityKey, to target: PlanBinding, in live: LiveCluster) -> String? {
        if case .explicit = target, let risk = targetRisk(target, in: live) { return risk.reason }
        if !live.snapshot.instances.contains(where: { $0.key == key }) {
            return "\(TextSanitizer.excerpt(key.description, limit: 80)) is not in the cluster's instance list"
        }
        return nil
    }

    /// Why the node a write sends the entity to is not healthy now, or `nil`:
    /// an explicit target by `WriteRisk`, the default node when it follows it.
    static func targetRisk(_ target: PlanBinding, in live: LiveCluster) -> (node: String, reason: String)? {
        switch target {
        case .explicit(let name, let mode):
            return WriteRisk.reason(node: live.snapshot.nodesByName[name], name: name, mode: mode, now: live.now, thresholds: .standard)
                .map { (name, $0) }
        case .followsDefault:
            let name = live.snapshot.defaultNodeName
            guard let node = live.snapshot.nodesByName[name] else {
                return (name, "the default node \(name) is not in the registry: the instance has nowhere to run")
            }
            guard node.health(now: live.now, thresholds: .standard).isDown else { return nil }
            return (name, "the default node \(name) is down: the instance has nowhere to run until it is back")
        }
    }
}
