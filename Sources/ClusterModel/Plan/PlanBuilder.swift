import Foundation

/// Where a plan sends its entities: one node, or spread across healthy nodes.
public enum PlanTarget: Hashable, Sendable {
    case node(String)
    /// Least-bound healthy node first; never an offline, draining or silent node.
    case spread
}

/// What the planner knows about the cluster at one moment: the overview,
/// the instance list (empty until known) and every node's health.
public struct PlanInputs: Sendable {
    public var overview: Overview
    public var instances: [Instance]
    public var instancesKnown: Bool
    /// Health of every registered node by name, at the plan's moment.
    public var health: [String: HeartbeatHealth]
    let bindings: BindingIndex

    public init(overview: Overview, instances: [Instance], instancesKnown: Bool, health: [String: HeartbeatHealth]) {
        self.init(overview: overview, instances: instances, instancesKnown: instancesKnown, health: health,
                  bindings: BindingIndex(overview))
    }

    /// From a dashboard snapshot and the risk context of the same moment.
    public init(snapshot: ClusterSnapshot, risk: RiskContext) {
        self.init(overview: snapshot.overview, instances: snapshot.instances, instancesKnown: snapshot.instancesKnown,
                  health: risk.nodeHealth, bindings: BindingIndex(rows: snapshot.assignmentsByKey))
    }

    private init(
        overview: Overview, instances: [Instance], instancesKnown: Bool, health: [String: HeartbeatHealth], bindings: BindingIndex
    ) {
        self.overview = overview; self.instances = instances; self.instancesKnown = instancesKnown
        self.health = health; self.bindings = bindings
    }

    var defaultNode: String { overview.defaultNodeName }
}

/// Who made a plan, when and against which cluster: the parts of a
/// `MovePlan` the planner does not decide.
public struct PlanStamp: Sendable {
    public var id: String
    public var createdAt: Date
    public var context: String?
    public var url: String?
    public init(id: String, createdAt: Date, context: String?, url: String?) {
        self.id = id; self.createdAt = createdAt; self.context = context; self.url = url
    }
}

/// Why no plan could be made.
public struct PlanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Builds the plans of bulk rebind, evacuate and undo (issue 10). Pure:
/// the same inputs give the same plan, in the dashboard and the CLI.
public enum PlanBuilder {
    /// Rebinds `keys` (in this order) to `target`; `mode` nil keeps each
    /// entity's mode (`preferred` for one that followed the default).
    public static func rebind(
        _ keys: [EntityKey], to target: PlanTarget, mode: AssignmentMode?, inputs: PlanInputs, stamp: PlanStamp
    ) throws(PlanError) -> MovePlan {
        let names = nameIndex(inputs)
        let movers = keys.map { key -> Mover in
            let row = inputs.bindings.row(of: key)
            let fromNode = row?.nodeName ?? names[key]?.nodeName ?? inputs.defaultNode
            return Mover(key: key, name: names[key]?.name ?? key.entityId, from: PlanBinding(row), fromNode: fromNode,
                         mode: mode ?? row.map { PlanBinding.storedMode($0.mode) } ?? .preferred)
        }
        let what = targetText(target) + (mode.map { ", \($0)" } ?? "")
        let summary = "rebind \(keys.count) \(keys.count == 1 ? "entity" : "entities") to \(what)"
        return try plan(movers, target: target, excluding: nil, kind: .rebind, summary: summary, inputs: inputs, stamp: stamp)
    }

    /// Moves every entity explicitly bound to `node` elsewhere, keeping each
    /// one's mode unless `mode` is given; `includeDefault` also pins the
    /// entities that follow `node` as the default node.
    public static func evacuate(
        _ node: String, to target: PlanTarget, mode: AssignmentMode?, includeDefault: Bool,
        inputs: PlanInputs, stamp: PlanStamp
    ) throws(PlanError) -> MovePlan {
        if case .node(let name) = target, name == node { throw PlanError("cannot evacuate \(node) onto itself: pick another node") }
        let names = nameIndex(inputs)
        var movers = inputs.overview.assignments.filter { $0.nodeName == node }.sorted { $0.key < $1.key }.map { row in
            Mover(key: row.key, name: names[row.key]?.name ?? row.entityId, from: PlanBinding(row), fromNode: node,
                  mode: mode ?? PlanBinding.storedMode(row.mode))
        }
        let followers = inputs.instances.filter { !$0.explicit && $0.nodeName == node && inputs.bindings.row(of: $0.key) == nil }
        // A misspelt name planned "0 moves, nothing to move" and exit 0. A name the registry
        // lost but bindings still name is a node to evacuate all the same.
        if movers.isEmpty, followers.isEmpty, !inputs.overview.nodes.contains(where: { $0.name == node }) {
            throw PlanError("no node \(TextSanitizer.excerpt(node)) in the cluster, and nothing is bound to that name")
        }
        if includeDefault {
            movers += followers.sorted { $0.key < $1.key }.map {
                Mover(key: $0.key, name: $0.name, from: .followsDefault, fromNode: node, mode: mode ?? .preferred)
            }
        }
        var summary = "evacuate \(node) to \(targetText(target))" + (mode.map { ", \($0)" } ?? "")
        if includeDefault { summary += ", pinning the entities that follow it as default" }
        var plan = try plan(movers, target: target, excluding: node, kind: .evacuate, summary: summary, inputs: inputs, stamp: stamp)
        if !includeDefault, !followers.isEmpty {
            plan.notes.append(
                "\(followers.count) \(followers.count == 1 ? "entity follows" : "entities follow") \(node) as the default node "
                    + "and \(followers.count == 1 ? "stays" : "stay") (the include-default option pins them elsewhere)")
        }
        return plan
    }

    /// The inverse of journalled writes: each entity back from what the
    /// batch set (`requested`) to what it had before (`prior`).
    public static func undo(
        _ writes: [(key: EntityKey, prior: PlanBinding, requested: PlanBinding)], of batch: String,
        inputs: PlanInputs, stamp: PlanStamp
    ) -> MovePlan {
        let names = nameIndex(inputs)
        let items = writes.map { w in
            PlanItem(key: w.key, name: names[w.key]?.name ?? w.key.entityId, from: w.requested,
                     fromNode: w.requested.node ?? inputs.defaultNode, to: w.prior)
        }
        let plan = MovePlan(id: stamp.id, kind: .undo, summary: "undo batch \(batch) (\(items.count) \(items.count == 1 ? "write" : "writes"))",
                            createdAt: stamp.createdAt, context: stamp.context, url: stamp.url, items: items)
        return plan.annotated(inputs)
    }

    /// An entity about to move, before its target is chosen.
    private struct Mover {
        var key: EntityKey
        var name: String
        var from: PlanBinding
        var fromNode: String
        var mode: AssignmentMode
    }

    private static func plan(
        _ movers: [Mover], target: PlanTarget, excluding: String?, kind: MovePlan.Kind, summary: String,
        inputs: PlanInputs, stamp: PlanStamp
    ) throws(PlanError) -> MovePlan {
        var chooser = try TargetChooser(target, excluding: excluding, movers: movers.map(\.fromNode), inputs: inputs)
        var items: [PlanItem] = []
        items.reserveCapacity(movers.count)
        var unchanged = 0
        for mover in movers {
            let to = PlanBinding.explicit(node: chooser.next(), mode: mover.mode)
            if to.matches(mover.from) { unchanged += 1; continue }
            items.append(PlanItem(key: mover.key, name: mover.name, from: mover.from, fromNode: mover.fromNode, to: to))
        }
        let plan = MovePlan(id: stamp.id, kind: kind, summary: summary, createdAt: stamp.createdAt, context: stamp.context,
                            url: stamp.url, items: items, unchanged: unchanged)
        return plan.annotated(inputs)
    }

    private static func targetText(_ target: PlanTarget) -> String {
        switch target {
        case .node(let name): name
        case .spread: "healthy nodes (spread)"
        }
    }

    private static func nameIndex(_ inputs: PlanInputs) -> [EntityKey: Instance] {
        var index: [EntityKey: Instance] = [:]
        index.reserveCapacity(inputs.instances.count)
        for i in inputs.instances where index[i.key] == nil { index[i.key] = i }
        return index
    }
}
