import Foundation
import Testing
import ClusterModel

/// Issue 20: malformed is an error, never a fact. A wrong-typed or
/// unreadable heartbeat makes the overview malformed; a name listed twice
/// (or not valid UTF-8) is reported and is never a plan's target.
@Suite struct MalformedNodeTests {
    func overview(_ node: String) throws -> Overview {
        let json = #"{"thisNodeName":"a","defaultNodeName":"a","nodes":[\#(node)],"assignments":[]}"#
        return try JSONDecoder().decode(Overview.self, from: Data(json.utf8))
    }

    /// Issue 20: a heartbeat sent as a number decoded as "never heard from" and read `○ silent` under `● live`.
    @Test(arguments: [
        #"{"name":"a","status":"online","lastHeartbeatAt":1747562400000}"#,
        #"{"name":"a","status":"online","lastHeartbeatAt":"yesterday"}"#,
        #"{"name":"a","status":"online","lastHeartbeatAt":true}"#,
        #"{"name":"a","status":42,"lastHeartbeatAt":"2026-05-18T10:00:00.000Z"}"#,
    ])
    func aWrongTypedHealthFieldIsMalformed(_ node: String) {
        #expect(throws: DecodingError.self) { try overview(node) }
    }

    /// A `null` or absent heartbeat is a fact the server states ("never"), not a malformed reply.
    @Test func aNullHeartbeatStaysUnknown() throws {
        #expect(try overview(#"{"name":"a","status":"online","lastHeartbeatAt":null}"#).nodes[0].lastHeartbeatAt == nil)
        #expect(try overview(#"{"name":"a","status":"online"}"#).nodes[0].lastHeartbeatAt == nil)
    }

    /// Issue 20: duplicate names gave `●1 ok` above three rows; every row now counts and the name is reported.
    @Test func duplicateNamesAreCountedPerRowAndReported() {
        let nodes = ["node-a", "node-a", "node-b", "node-a"].map { Node(name: $0, status: .online, lastHeartbeatAt: t0) }
        let snapshot = ClusterSnapshot(
            overview: Overview(thisNodeName: "node-b", defaultNodeName: "node-b", nodes: nodes, assignments: []), takenAt: t0)
        #expect(snapshot.nameProblems.duplicated == ["node-a"])
        #expect(snapshot.nodeSummary(now: t0).online == 4)
        #expect(snapshot.nameProblems.excludes("node-a") && !snapshot.nameProblems.excludes("node-b"))
        #expect(NodeNameProblems([Node(name: "node-\u{FFFD}")]).undecodable == ["node-\u{FFFD}"])
    }

    /// Issue 20: a plan could send work to a name that names two nodes (BOUND 0 everywhere, no warning).
    @Test func plansNeverTargetADuplicatedName() throws {
        let nodes = [Node(name: "dup", status: .online, lastHeartbeatAt: t0), Node(name: "dup", status: .online, lastHeartbeatAt: t0),
                     Node(name: "good", status: .online, lastHeartbeatAt: t0), Node(name: "dead", status: .offline, lastHeartbeatAt: t0)]
        let rows = [Assignment(entityType: .agent, entityId: "t:1", nodeName: "dead", mode: .strict)]
        let ov = Overview(thisNodeName: "good", defaultNodeName: "good", nodes: nodes, assignments: rows)
        var health: [String: HeartbeatHealth] = [:]
        for n in nodes { health[n.name] = n.health(now: t0) }
        let inputs = PlanInputs(overview: ov, instances: [], instancesKnown: false, health: health)
        let stamp = PlanStamp(id: "p", createdAt: t0, context: "c", url: "http://x")
        let spread = try PlanBuilder.evacuate("dead", to: .spread, mode: nil, includeDefault: false, inputs: inputs, stamp: stamp)
        #expect(spread.items.map(\.to.node) == ["good"])
        #expect(throws: PlanError.self) {
            try PlanBuilder.evacuate("dead", to: .node("dup"), mode: nil, includeDefault: false, inputs: inputs, stamp: stamp)
        }
    }
}
