import Foundation
import Testing
import ClusterModel

/// The wire types decode the reference's examples verbatim and survive hostile bodies.
@Suite struct DecodingTests {
    @Test func referenceOverviewDecodes() throws {
        let o = try Fixture.decode(Overview.self, "overview-reference")
        #expect(o.thisNodeName == "node-a")
        #expect(o.defaultNodeName == "node-a")
        let n = try #require(o.nodes.first)
        #expect(n.name == "node-a")
        #expect(n.role == .all)
        #expect(n.url == "https://node-a.internal:3000")
        #expect(n.tags == [])
        #expect(n.status == .online)
        #expect(n.lastHeartbeatAt == t0)
        #expect(n.startedAt == t0.addingTimeInterval(-12 * 3600))
        #expect(n.version == "0.1.0")
        #expect(n.hostname == "ip-10-0-0-1")
        #expect(n.pid == 1234)
        let a = try #require(o.assignments.first)
        #expect(a.key == EntityKey(.browser, "tenant1:brw_42"))
        #expect(a.nodeName == "node-b")
        #expect(a.mode == .strict)
        #expect(a.updatedBy == "u_…")
        /// The reference writes "…" as a placeholder timestamp: it must decode as unknown, not fail.
        #expect(a.updatedAt == nil)
    }

    @Test func referenceInstancesDecode() throws {
        let list = try Fixture.decode(InstanceList.self, "instances-reference").instances
        #expect(list.count == 2)
        #expect(list[0].key == EntityKey(.agent, "tenant1:research-agent"))
        #expect(list[0].name == "Research Agent")
        #expect(list[0].subtitle == "research-agent")
        #expect(list[0].tenant == "acme")
        #expect(list[0].projectId == "prj_…")
        #expect(list[0].mode == .preferred)
        #expect(list[0].explicit == false)
        #expect(list[1].nodeName == "node-b")
        #expect(list[1].mode == .strict)
        #expect(list[1].explicit == true)
    }

    @Test func referenceAssignmentResponseDecodes() throws {
        let r = try Fixture.decode(SetAssignmentResponse.self, "assignment-response-reference")
        #expect(r.assignment.nodeName == "node-b")
        #expect(r.assignment.updatedAt == nil)
    }

    @Test func hostileOverviewKeepsUnknownsAndNulls() throws {
        let o = try Fixture.decode(Overview.self, "overview-hostile")
        #expect(o.nodes.count == 3)
        let main = o.nodes[0], odd = o.nodes[1], evil = o.nodes[2]
        #expect(main.lastHeartbeatAt == t0, "no fractional seconds")
        #expect(main.startedAt == t0.addingTimeInterval(0.5), "fraction and +02:00 offset")
        #expect(main.tags == ["eu", "gpu"])
        #expect(odd.role.rawValue == "observer")
        #expect(odd.status.rawValue == "quarantined")
        #expect(odd.url == nil && odd.version == nil && odd.hostname == nil && odd.pid == nil)
        #expect(odd.tags == [], "missing tags")
        #expect(odd.lastHeartbeatAt == t0, "+0530 offset without colon")
        #expect(odd.startedAt == nil, "a malformed timestamp makes only that field nil")
        #expect(evil.name == "evil\u{1B}[2J")
        #expect(evil.tags == [], "null tags")
        #expect(evil.lastHeartbeatAt == nil)
        let started = try #require(evil.startedAt)
        #expect(abs(started.timeIntervalSince(t0) - (5_399.123456789)) < 0.000_01, "nanoseconds and -01:30")
        #expect(evil.url == "https://x.example/\u{9B}31m")
        #expect(o.assignments[0].entityType.rawValue == "quantum-widget")
        #expect(!o.assignments[0].entityType.isKnown)
        #expect(o.assignments[0].mode.rawValue == "sticky")
        #expect(o.assignments[0].updatedBy == nil)
        #expect(o.assignments[0].entityId == "t9:qw/1?x#%")
        #expect(o.assignments[1].mode == .strict, "a missing mode is strict, as the server stores it")
        #expect(o.assignments[1].updatedAt == t0.addingTimeInterval(0.25))
    }

    @Test func hostileInstancesDecode() throws {
        let list = try Fixture.decode(InstanceList.self, "instances-hostile").instances
        #expect(list.count == 2)
        #expect(list[0].entityType.rawValue == "teleporter")
        #expect(list[0].name == "t9:tp_1", "a missing name falls back to the id")
        #expect(list[0].mode.rawValue == "weird")
        #expect(list[0].explicit == false)
        #expect(list[0].tenant == "")
        #expect(list[1].entityType == .jsSandbox)
        #expect(list[1].entityId == "t2:sbx 名前 🚀")
        #expect(list[1].subtitle == "line1\nline2")
    }

    @Test(arguments: [
        "2026-05-18T10:00:00.000Z", "2026-05-18T10:00:00Z", "2026-05-18T10:00:00.999Z", "1970-01-01T00:00:00.000Z",
        "2000-02-29T23:59:59.001Z", "1969-12-31T23:59:59.500Z",
    ])
    func wireDateRoundTrips(_ text: String) throws {
        let d = try #require(WireDate.parse(text))
        let again = try #require(WireDate.parse(WireDate.format(d)))
        #expect(abs(again.timeIntervalSince(d)) < 0.000_5)
        #expect(WireDate.format(d).hasSuffix("Z"))
    }

    @Test func wireDateFormatIsTheServerForm() {
        #expect(WireDate.format(t0) == "2026-05-18T10:00:00.000Z")
        #expect(WireDate.format(t0.addingTimeInterval(0.25)) == "2026-05-18T10:00:00.250Z")
    }

    @Test(arguments: ["…", "", "2026-05-18", "2026-05-18T10:00:00", "2026-13-18T10:00:00Z", "2026-05-18T10:00:00.Z",
                      "2026-05-18T10:00:00Zjunk", "yesterday", "2026-05-18T10:00:00+5"])
    func wireDateRejectsMalformed(_ text: String) {
        #expect(WireDate.parse(text) == nil)
    }

    @Test func nodeEncodesAndDecodesBack() throws {
        let o = try Fixture.decode(Overview.self, "overview-reference")
        let data = try JSONEncoder().encode(o.nodes)
        let back = try JSONDecoder().decode([Node].self, from: data)
        #expect(back == o.nodes)
    }
}
