import Foundation
import Testing
import ClusterModel

/// Node and instance summaries for the header.
@Suite struct SummaryTests {
    @Test func nodeCountsAndVersionSkew() {
        let s = snap(nodes: [
            node("a", version: "1.2.0"), node("b", version: "1.2.0"), node("c", age: 20, version: "1.1.0"),
            node("d", age: 40, version: "1.2.0"), node("e", status: .draining, version: nil),
            node("f", status: .offline, age: 100, version: "1.1.0"),
            node("g", status: .offline, age: 200_000, version: "0.9.0"), node("h", status: .offline, age: nil, version: "0.9.0"),
        ]).nodeSummary(now: t0)
        #expect(s.online == 2 && s.late == 1 && s.stale == 1 && s.draining == 1 && s.offline == 1 && s.ghosts == 2)
        #expect(s.total == 8)
        #expect(s.versions == [VersionCount(version: "1.2.0", count: 3), VersionCount(version: "1.1.0", count: 2)],
                "ghosts and unknown versions ignored")
        #expect(s.dominantVersion == "1.2.0")
        #expect(s.hasVersionSkew)
        #expect(s.isSkewed(node("c", version: "1.1.0")))
        #expect(!s.isSkewed(node("a", version: "1.2.0")))
        #expect(!s.isSkewed(node("g", version: "0.9.0")), "ghosts are never skewed")
        #expect(!s.isSkewed(node("e", version: nil)))
    }

    @Test func noSkewWithOneVersion() {
        let s = snap(nodes: [node("a"), node("b"), node("g", status: .offline, age: nil, version: "0.1")]).nodeSummary(now: t0)
        #expect(!s.hasVersionSkew)
        #expect(!s.isSkewed(node("x", version: "2.0")))
    }

    @Test func versionTiesSortByName() {
        let s = snap(nodes: [node("a", version: "b"), node("b", version: "a")]).nodeSummary(now: t0)
        #expect(s.versions.map(\.version) == ["a", "b"])
    }

    @Test func instanceCounts() {
        let s = snap(
            nodes: [node("a"), node("off", status: .offline, age: 40)],
            instances: [
                inst("1", type: .agent, node: "a"), inst("2", type: .agent, node: "a", mode: .strict, explicit: true),
                inst("3", type: .browser, node: "off", mode: .strict, explicit: true),
                inst("4", type: .browser, node: "off", mode: .preferred, explicit: true),
                inst("5", type: .mcp, node: "zz", mode: .strict, explicit: true),
            ])
        let sum = s.instanceSummary(RiskContext(snapshot: s, now: t0))
        #expect(sum.total == 5 && sum.explicit == 4 && sum.defaulted == 1 && sum.atRisk == 3)
        #expect(sum.byRisk == [.none: 2, .blocked: 1, .fallingBack: 1, .orphan: 1, .defaultDown: 0])
        #expect(sum.byType == [.agent: 2, .browser: 2, .mcp: 1])
    }
}
