import ClusterModel
@testable import ClusterWrites

/// A write whose outcome was unknown, settled the runtime's way: noted in
/// `UnknownWrites`, then settled by an overview that shows it landed.
enum SettledWrites {
    static func landed(_ key: EntityKey, on node: String, mode: AssignmentMode) -> UnknownWrites.Settled {
        let unknowns = UnknownWrites()
        unknowns.note(.init(batch: "b1", seq: 1, key: key, prior: .followsDefault, requested: .explicit(node: node, mode: mode)))
        let row = Assignment(entityType: key.entityType, entityId: key.entityId, nodeName: node, mode: mode)
        return unknowns.settle(Overview(thisNodeName: node, defaultNodeName: node, nodes: [], assignments: [row]), journal: nil)[0]
    }
}
