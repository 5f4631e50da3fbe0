import Foundation
import Testing
import ClusterModel

/// The search index: `within` refinement equals a full scan, and `narrows` is conservative.
@Suite struct SearchIndexTests {
    static let nodes = (0..<20).map { i in
        node("node-\(i)", status: i % 7 == 0 ? .offline : .online, age: i % 5 == 0 ? 45 : 1, role: i % 3 == 0 ? .main : .worker)
    }
    static let instances: [Instance] = (0..<3_000).map { i in
        let types = EntityType.known
        return inst("tenant\(i % 13):e_\(i)", type: types[i % types.count], name: "Entity \(i) Ünïcode",
                    node: i % 97 == 0 ? "missing" : "node-\(i % 20)", mode: i % 2 == 0 ? .strict : .preferred,
                    explicit: i % 3 != 0, tenantSlug: "slug\(i % 13)", tenantId: "tenant\(i % 13)")
    }
    let s = snap(nodes: nodes, instances: instances, this: "node-1", defaultNode: "node-0")
    var ctx: FilterContext { FilterContext(snapshot: s, risk: RiskContext(snapshot: s, now: t0)) }

    func q(_ text: String) throws -> FilterQuery { try FilterQuery.parse(text).get() }

    @Test(arguments: [
        ("1", "12"), ("e_", "e_1 is:risk"), ("node:node-1", "node:node-1 -mode:strict"), ("ünï", "ÜNÏCODE tenant:slug1"),
        ("", "type:agent"), ("is:explicit", "is:explicit status:online role:worker"), ("entity", "entity -is:this"),
        ("node:node", "node:node-19"), ("tenant:slug", "tenant:slug12 is:default"),
    ])
    func withinEqualsFullScan(_ pair: (String, String)) throws {
        let index = InstanceSearchIndex(instances: s.instances)
        let old = try q(pair.0), new = try q(pair.1)
        #expect(FilterQuery.narrows(new, old))
        let first = index.filter(old, ctx)
        let refined = index.filter(new, ctx, within: first)
        let full = index.filter(new, ctx)
        let scan = s.instances.indices.filter { new.matches(s.instances[$0], ctx) }
        #expect(refined == full)
        #expect(full == scan)
        #expect(!full.isEmpty || pair.1.contains("-"), "the case should select something")
    }

    @Test func narrowsIsConservative() throws {
        #expect(FilterQuery.narrows(try q("abc"), try q("ab")))
        #expect(FilterQuery.narrows(try q("x abc"), try q("ab")))
        #expect(!FilterQuery.narrows(try q("ab"), try q("abc")), "shorter text widens")
        #expect(!FilterQuery.narrows(try q("-abc"), try q("-ab")), "negations must be unchanged")
        #expect(FilterQuery.narrows(try q("-ab x"), try q("-ab")))
        #expect(!FilterQuery.narrows(try q("mode:strict2"), try q("mode:strict")), "exact fields must be equal")
        #expect(!FilterQuery.narrows(try q("node:abc"), try q("abc")), "a field term is not free text")
        #expect(FilterQuery.narrows(try q("node:abc"), try q("node:ab")))
        #expect(!FilterQuery.narrows(try q(""), try q("a")))
        #expect(FilterQuery.narrows(try q("anything"), try q("")))
    }

    @Test func withinKeepsCallerOrderAndDropsBadIndices() throws {
        let index = InstanceSearchIndex(instances: s.instances)
        let got = index.filter(try q("e_1"), ctx, within: [2_999, 10, 1, -4, 99_999, 100])
        #expect(got == [10, 1, 100])
        #expect(index.filter(FilterQuery(), ctx, within: [5, -1, 3]) == [5, 3])
        #expect(index.count == 3_000)
    }

    @Test func emptyIndex() throws {
        let index = InstanceSearchIndex(instances: [])
        #expect(index.filter(try q("x is:risk status:online"), ctx).isEmpty)
    }

    /// The index agrees with the plain matcher at 100,000 instances (speed: keystroke_p99_ms_s2 in the benchmark).
    @Test func hundredThousandInstancesFilterLikeThePlainMatcher() throws {
        let big = (0..<100_000).map { i in
            inst("tenant\(i % 50):id_\(i)", name: "Instance number \(i)", node: "node-\(i % 20)",
                 subtitle: "sub-\(i)")
        }
        let bs = snap(nodes: Self.nodes, instances: big, this: "node-1", defaultNode: "node-0")
        let c = FilterContext(snapshot: bs, risk: RiskContext(snapshot: bs, now: t0))
        let index = InstanceSearchIndex(instances: big)
        let query = try q("number 9 -node:node-3 tenant1")
        let result = index.filter(query, c)
        #expect(!result.isEmpty)
        #expect(result == big.indices.filter { query.matches(big[$0], c) })
    }
}
