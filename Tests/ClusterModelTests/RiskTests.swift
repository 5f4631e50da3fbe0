import Foundation
import Testing
import ClusterModel

/// Each risk rule, its boundaries and the precedence orphan > blocked > fallingBack > defaultDown.
@Suite struct RiskTests {
    /// a: ok (default), dr: draining, st: stale (online but silent), off: offline, gh: ghost, late: late.
    let nodes = [
        node("a"), node("dr", status: .draining, age: 5), node("st", age: 31), node("off", status: .offline, age: 60),
        node("gh", status: .offline, age: 100_000), node("late", age: 20),
    ]

    func risk(_ i: Instance, defaultNode: String = "a") -> Risk {
        RiskContext(snapshot: snap(nodes: nodes, defaultNode: defaultNode), now: t0).risk(of: i)
    }

    @Test func strictBindings() {
        #expect(risk(inst("x", node: "a", mode: .strict, explicit: true)) == .none)
        #expect(risk(inst("x", node: "late", mode: .strict, explicit: true)) == .none, "late is not down yet")
        #expect(risk(inst("x", node: "dr", mode: .strict, explicit: true)) == .blocked)
        #expect(risk(inst("x", node: "st", mode: .strict, explicit: true)) == .blocked)
        #expect(risk(inst("x", node: "off", mode: .strict, explicit: true)) == .blocked)
        #expect(risk(inst("x", node: "gh", mode: .strict, explicit: true)) == .blocked)
        #expect(risk(inst("x", node: "off", mode: AssignmentMode("sticky"), explicit: true)) == .blocked,
                "an unknown mode is strict on the server")
    }

    @Test func preferredBindings() {
        #expect(risk(inst("x", node: "a", mode: .preferred, explicit: true)) == .none)
        #expect(risk(inst("x", node: "dr", mode: .preferred, explicit: true)) == .none, "draining is not down")
        #expect(risk(inst("x", node: "st", mode: .preferred, explicit: true)) == .fallingBack)
        #expect(risk(inst("x", node: "off", mode: .preferred, explicit: true)) == .fallingBack)
    }

    /// The fleet's lower bound left out preferred bindings falling back: a background cluster with one read "fine".
    @Test func theOverviewsLowerBoundCountsEveryExplicitBindingAtRisk() {
        func row(_ id: String, _ node: String, _ mode: AssignmentMode) -> Assignment {
            Assignment(entityType: .agent, entityId: id, nodeName: node, mode: mode)
        }
        let overview = Overview(thisNodeName: "a", defaultNodeName: "a", nodes: nodes, assignments: [
            row("ok", "a", .strict), row("blocked", "dr", .strict), row("falling", "off", .preferred),
            row("orphan", "nowhere", .preferred), row("draining-preferred", "dr", .preferred),
        ])
        #expect(FleetFigures(overview: overview, now: t0).atRiskFromOverview == 3)
    }

    @Test func orphanBeatsEverything() {
        #expect(risk(inst("x", node: "nowhere", mode: .strict, explicit: true)) == .orphan)
        #expect(risk(inst("x", node: "nowhere", mode: .preferred, explicit: true), defaultNode: "off") == .orphan)
        #expect(risk(inst("x", node: "", mode: .strict, explicit: true)) == .orphan)
    }

    @Test func defaultedInstances() {
        #expect(risk(inst("x", node: "a")) == .none)
        #expect(risk(inst("x", node: "off"), defaultNode: "off") == .defaultDown)
        #expect(risk(inst("x", node: "missing"), defaultNode: "missing") == .defaultDown)
        #expect(risk(inst("x", node: "dr"), defaultNode: "dr") == .none, "a draining default still runs work")
        #expect(risk(inst("x", node: ""), defaultNode: "st") == .defaultDown, "no node named: the overview's default")
        #expect(risk(inst("x", node: ""), defaultNode: "a") == .none)
    }

    @Test func precedenceOrder() {
        #expect(Risk.allCases.sorted() == [.none, .defaultDown, .fallingBack, .blocked, .orphan])
        #expect(Risk.none.label == "")
        #expect(Risk.defaultDown.label == "DEFAULT DOWN")
        #expect(Risk.fallingBack.label == "FALLBACK")
        #expect(Risk.allCases.allSatisfy { $0.explanation.hasSuffix(".") })
    }

    @Test func contextExposesHealth() {
        let ctx = RiskContext(snapshot: snap(nodes: nodes), now: t0)
        #expect(ctx.health(ofNode: "st") == .stale)
        #expect(ctx.health(ofNode: "gh") == .ghost)
        #expect(ctx.health(ofNode: "zz") == nil)
        #expect(ctx.now == t0)
    }

    @Test func danglingAssignments() {
        let rows = [Assignment(entityType: .agent, entityId: "t1:a", nodeName: "a", mode: .strict),
                    Assignment(entityType: .agent, entityId: "t1:gone", nodeName: "a", mode: .strict)]
        let s = snap(nodes: nodes, instances: [inst("t1:a", node: "a", explicit: true)], assignments: rows)
        #expect(s.danglingAssignments().map(\.entityId) == ["t1:gone"])
        let unknown = snap(nodes: nodes, assignments: rows, known: false)
        #expect(unknown.danglingAssignments().isEmpty, "meaningless before the instance list arrived")
    }
}
