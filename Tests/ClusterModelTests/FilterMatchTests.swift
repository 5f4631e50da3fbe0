import Foundation
import Testing
import ClusterModel

/// Filter terms against instances and nodes, and the search index agreeing with a full scan.
@Suite struct FilterMatchTests {
    static let nodes = [
        node("main-1", role: .main, version: "1.2.0", hostname: "ip-10-0-0-5", url: "http://10.0.0.5:3000", tags: ["eu", "GPU"]),
        node("worker-2", age: 40, role: .worker, version: "1.1.0"),
        node("drain-3", status: .draining, role: .worker),
        node("ghost-4", status: .offline, age: nil, role: .worker),
        node("ghost-5", status: .offline, age: nil, role: .worker),
    ]
    static let instances = [
        inst("t1:research-agent", type: .agent, name: "Research Agent", node: "main-1", subtitle: "research-agent"),
        inst("t1:brw_42", type: .browser, name: "research-browser", node: "worker-2", mode: .strict, explicit: true),
        inst("t2:sbx", type: .jsSandbox, name: "サンドボックス 🚀", node: "drain-3", mode: .preferred, explicit: true,
             tenantSlug: "Beta", tenantId: "t2"),
        inst("t3:x", type: .mcp, name: "Orphan", node: "vanished", mode: .strict, explicit: true, tenantSlug: nil, tenantId: "t3"),
        inst("t1:inf", type: .inferenceServer, name: "LLM", node: "ghost-4", mode: .preferred, explicit: true),
    ]
    let s = snap(nodes: nodes, instances: instances, this: "main-1", defaultNode: "main-1")
    var ctx: FilterContext { FilterContext(snapshot: s, risk: RiskContext(snapshot: s, now: t0)) }

    func ids(_ text: String) throws -> [String] {
        let q = try FilterQuery.parse(text).get()
        let scan = s.instances.filter { q.matches($0, ctx) }.map(\.entityId)
        let indexed = InstanceSearchIndex(instances: s.instances).filter(q, ctx).map { s.instances[$0].entityId }
        #expect(scan == indexed, "index and scan disagree for \(text)")
        return scan
    }

    func nodeNames(_ text: String) throws -> [String] {
        let q = try FilterQuery.parse(text).get()
        return s.nodes.filter { q.matches($0, ctx) }.map(\.name)
    }

    @Test func freeText() throws {
        #expect(try ids("research") == ["t1:research-agent", "t1:brw_42"])
        #expect(try ids("RESEARCH agent") == ["t1:research-agent"], "AND, case-insensitive")
        #expect(try ids("brw_42") == ["t1:brw_42"], "entity id")
        #expect(try ids("t1:brw") == ["t1:brw_42"], "an id with a colon is free text")
        #expect(try ids("beta") == ["t2:sbx"], "tenant slug, folded")
        #expect(try ids("t3") == ["t3:x"], "tenant id")
        #expect(try ids("vanish") == ["t3:x"], "node name")
        #expect(try ids("ボックス") == ["t2:sbx"], "CJK")
        #expect(try ids("🚀") == ["t2:sbx"])
        #expect(try ids("\"research agent\"") == ["t1:research-agent"])
        #expect(try ids("agentt1") == [], "terms never span two fields (name, then id)")
    }

    @Test func fieldTerms() throws {
        #expect(try ids("type:brow") == ["t1:brw_42"])
        #expect(try ids("type:js-") == ["t2:sbx"])
        #expect(try ids("node:ghost") == ["t1:inf"])
        #expect(try ids("tenant:bet") == ["t2:sbx"])
        #expect(try ids("tenant:t3") == ["t3:x"])
        #expect(try ids("tenant:research") == [], "tenant: looks at the tenant only")
        #expect(try ids("node:agent") == [] && ids("type:research") == [])
        #expect(try ids("mode:strict") == ["t1:brw_42", "t3:x"])
        #expect(try ids("mode:stric") == [], "mode is exact")
        #expect(try ids("status:draining") == ["t2:sbx"])
        #expect(try ids("status:online") == ["t1:research-agent", "t1:brw_42"])
        #expect(try ids("status:stale") == ["t1:brw_42"], "health names work too")
        #expect(try ids("status:ghost") == ["t1:inf"])
        #expect(try ids("role:worker") == ["t1:brw_42", "t2:sbx", "t1:inf"])
        #expect(try ids("role:MAIN") == ["t1:research-agent"])
    }

    @Test func isFlags() throws {
        #expect(try ids("is:explicit") == ["t1:brw_42", "t2:sbx", "t3:x", "t1:inf"])
        #expect(try ids("is:default") == ["t1:research-agent"])
        #expect(try ids("is:this") == ["t1:research-agent"])
        #expect(try ids("is:risk") == ["t1:brw_42", "t3:x", "t1:inf"])
    }

    @Test func negation() throws {
        #expect(try ids("-is:risk") == ["t1:research-agent", "t2:sbx"])
        #expect(try ids("-research") == ["t2:sbx", "t3:x", "t1:inf"])
        #expect(try ids("-role:worker") == ["t1:research-agent", "t3:x"], "an unknown node has no role")
        #expect(try ids("research -type:agent") == ["t1:brw_42"])
    }

    @Test func nodeTerms() throws {
        #expect(try nodeNames("gpu") == ["main-1"], "tags")
        #expect(try nodeNames("10.0.0.5") == ["main-1"], "hostname and url")
        #expect(try nodeNames("http://10.0") == ["main-1"], "a URL is free text, not a field")
        #expect(try nodeNames("1.1.0") == ["worker-2"], "version")
        #expect(try nodeNames("node:ghost") == ["ghost-4", "ghost-5"])
        #expect(try nodeNames("status:offline") == ["ghost-4", "ghost-5"])
        #expect(try nodeNames("-status:ghost") == ["main-1", "worker-2", "drain-3"])
        #expect(try nodeNames("role:main") == ["main-1"])
        #expect(try nodeNames("is:this") == ["main-1"])
        #expect(try nodeNames("is:default") == ["main-1"])
        #expect(try nodeNames("is:risk") == ["worker-2", "ghost-4"], "down nodes; ghosts only with work bound")
        #expect(try nodeNames("type:agent tenant:x mode:strict is:explicit") == s.nodes.map(\.name),
                "instance-only terms do not filter nodes")
        #expect(try nodeNames("-type:agent") == s.nodes.map(\.name))
    }

    @Test func emptyQueryMatchesAll() throws {
        #expect(try ids("") == s.instances.map(\.entityId))
        #expect(try nodeNames("").count == 5)
    }
}
