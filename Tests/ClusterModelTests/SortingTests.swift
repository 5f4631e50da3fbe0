import Foundation
import Testing
import ClusterModel

/// Instance and node sorting: every column, both directions, deterministic ties.
@Suite struct SortingTests {
    static let nodes = [node("a"), node("off", status: .offline, age: 60)]
    static let instances = [
        inst("t1:3", type: .browser, name: "beta", node: "a", mode: .strict, explicit: true, tenantSlug: "zeta", subtitle: "s2"),
        inst("t1:1", type: .agent, name: "Alpha", node: "off", mode: .preferred, explicit: true, tenantSlug: "acme",
             subtitle: "s3"),
        inst("t1:2", type: .agent, name: "alpha", node: "a", tenantSlug: nil, tenantId: "t9", subtitle: nil),
        inst("t1:4", type: .mcp, name: "Gamma", node: "zz", mode: .strict, explicit: true, tenantSlug: "Beta",
             subtitle: "s1"),
    ]
    let s = snap(nodes: nodes, instances: instances)
    var risk: RiskContext { RiskContext(snapshot: s, now: t0) }

    func order(_ c: InstanceColumn, _ asc: Bool = true, _ idx: [Int]? = nil) -> [String] {
        s.sortedInstanceIndices(idx ?? Array(s.instances.indices), by: SortSpec(column: c, ascending: asc), risk: risk)
            .map { s.instances[$0].entityId }
    }

    @Test func textColumnsBothDirections() {
        // Ties ("Alpha" / "alpha") break by name then type then id, ascending in both directions.
        #expect(order(.name) == ["t1:1", "t1:2", "t1:3", "t1:4"])
        #expect(order(.name, false) == ["t1:4", "t1:3", "t1:1", "t1:2"])
        #expect(order(.type) == ["t1:1", "t1:2", "t1:3", "t1:4"])
        #expect(order(.type, false) == ["t1:4", "t1:3", "t1:1", "t1:2"])
        #expect(order(.subtitle) == ["t1:2", "t1:4", "t1:3", "t1:1"], "missing subtitle sorts as empty")
        #expect(order(.subtitle, false) == ["t1:1", "t1:3", "t1:4", "t1:2"])
        #expect(order(.tenant) == ["t1:1", "t1:4", "t1:2", "t1:3"], "slug else id, case-folded")
        #expect(order(.tenant, false) == ["t1:3", "t1:2", "t1:4", "t1:1"])
        #expect(order(.node) == ["t1:2", "t1:3", "t1:1", "t1:4"])
        #expect(order(.node, false) == ["t1:4", "t1:1", "t1:2", "t1:3"])
        #expect(order(.mode) == ["t1:1", "t1:2", "t1:3", "t1:4"])
        #expect(order(.mode, false) == ["t1:3", "t1:4", "t1:1", "t1:2"])
    }

    @Test func bindingAndRisk() {
        #expect(order(.binding) == ["t1:1", "t1:3", "t1:4", "t1:2"], "explicit first")
        #expect(order(.binding, false) == ["t1:2", "t1:1", "t1:3", "t1:4"])
        // t1:4 orphan, t1:1 falling back, others none.
        #expect(order(.risk) == ["t1:2", "t1:3", "t1:1", "t1:4"])
        #expect(order(.risk, false) == ["t1:4", "t1:1", "t1:2", "t1:3"])
    }

    @Test func subsetsAndBadIndices() {
        #expect(order(.name, true, [3, 0, 99, -1]) == ["t1:3", "t1:4"])
        #expect(order(.name, true, []) == [])
    }

    @Test func sortIsDeterministicUnderShuffles() {
        let many = (0..<500).map { inst("id\($0 % 50)-\($0)", name: "n\($0 % 7)", node: "a") }
        let big = snap(nodes: Self.nodes, instances: many)
        let r = RiskContext(snapshot: big, now: t0)
        let spec = SortSpec(column: InstanceColumn.name, ascending: false)
        let a = big.sortedInstanceIndices(Array(many.indices), by: spec, risk: r)
        let b = big.sortedInstanceIndices(Array(many.indices).shuffled(), by: spec, risk: r)
        #expect(a == b)
    }

    @Test func hundredThousandIndicesSort() {
        let many = (0..<100_000).map { inst("t\($0 % 100):x\($0)", name: "Name \(($0 * 7_919) % 100_000)", node: "n\($0 % 50)") }
        let big = snap(nodes: Self.nodes, instances: many)
        let r = RiskContext(snapshot: big, now: t0)
        let out = big.sortedInstanceIndices(Array(many.indices), by: SortSpec(column: .node, ascending: true), risk: r)
        #expect(out.count == 100_000)
        #expect(Set(out).count == 100_000)
        #expect(zip(out, out.dropFirst()).allSatisfy { NaturalOrder.compare(many[$0].nodeName, many[$1].nodeName) <= 0 }, "n2 before n10: natural order")
    }
}

/// Node table order.
@Suite struct NodeSortingTests {
    let s = snap(nodes: [
        node("g", status: .offline, age: nil, version: nil, pid: nil),
        node("off", status: .offline, age: 100, version: "0.10.0", startedAt: t0.addingTimeInterval(-50), pid: 30,
             hostname: "h3", url: "u3", tags: ["z"]),
        node("b", age: 20, version: "0.9.0", startedAt: t0.addingTimeInterval(-500), pid: 20, hostname: "H2", url: "u2",
             tags: ["a", "b"]),
        node("a", age: 1, role: .main, version: "0.9.0", startedAt: t0.addingTimeInterval(-10), pid: 10, hostname: "h1",
             url: "u1"),
        node("dr", status: .draining, age: 5, role: .worker, version: "0.2.0", pid: 5),
        node("st", age: 40, role: .worker, version: nil),
    ], instances: [inst("1", node: "b"), inst("2", node: "b"), inst("3", node: "dr")])

    func names(_ c: NodeColumn?, _ asc: Bool = true) -> [String] {
        s.sortedNodes(by: c.map { SortSpec(column: $0, ascending: asc) }, now: t0).map(\.name)
    }

    /// Issue 23: with 60 nodes the one dead node sorted last, off-screen even at 200×60.
    @Test func problemsFirstByDefault() {
        #expect(names(nil) == ["b", "st", "off", "dr", "a", "g"], "late, silent, offline, draining, ok, ghost")
    }

    /// A picker of targets keeps the healthy first.
    @Test func liveFirstForPickers() {
        #expect(s.sortedNodes(by: nil, now: t0, defaultOrder: .liveFirst).map(\.name) == ["a", "b", "st", "dr", "off", "g"])
    }

    @Test func eachColumn() {
        #expect(names(.status) == ["a", "b", "st", "dr", "off", "g"])
        #expect(names(.status, false) == ["g", "off", "dr", "st", "b", "a"])
        #expect(names(.name) == ["a", "b", "dr", "g", "off", "st"])
        #expect(names(.name, false) == ["st", "off", "g", "dr", "b", "a"])
        #expect(names(.role) == ["b", "g", "off", "a", "dr", "st"], "all < main < worker, ties by name")
        #expect(names(.heartbeat) == ["a", "dr", "b", "st", "off", "g"], "youngest first, unknown last")
        #expect(names(.heartbeat, false) == ["off", "st", "b", "dr", "a", "g"], "unknown last both ways")
        // A down node sorted by the uptime it no longer has (its cell reads "—"): with the unknown now.
        #expect(names(.uptime) == ["a", "b", "dr", "g", "off", "st"])
        #expect(names(.version) == ["dr", "a", "b", "off", "g", "st"], "numeric: 0.9 before 0.10")
        #expect(names(.version, false) == ["off", "a", "b", "dr", "g", "st"])
        #expect(names(.hostname) == ["a", "b", "off", "dr", "g", "st"], "case-folded")
        #expect(names(.pid) == ["dr", "a", "b", "off", "g", "st"])
        #expect(names(.pid, false) == ["off", "b", "a", "dr", "g", "st"])
        #expect(names(.url) == ["a", "b", "off", "dr", "g", "st"])
        #expect(names(.tags) == ["b", "off", "a", "dr", "g", "st"])
        #expect(names(.bound, false) == ["b", "dr", "a", "g", "off", "st"])
        #expect(names(.bound) == ["a", "g", "off", "st", "dr", "b"])
    }
}

/// Issue 19: names sorted as text put `agent-14` before `agent-7`.
@Suite struct NaturalOrderTests {
    @Test func digitRunsCompareByValue() {
        let names = ["agent-14", "agent-7", "agent-7a", "worker-10", "worker-2", "worker-02b", "a", "a1", "a01", "b"]
        #expect(names.sorted(by: NaturalOrder.precedes) == ["a", "a1", "a01", "agent-7", "agent-7a", "agent-14", "b", "worker-2", "worker-02b", "worker-10"])
        #expect(NaturalOrder.compare("x", "x") == 0)
        #expect(NaturalOrder.compare("node-9", "node-10") == -1)
        #expect(NaturalOrder.compare("99999999999999999999", "100000000000000000000") == -1, "longer than any integer type")
    }
}
