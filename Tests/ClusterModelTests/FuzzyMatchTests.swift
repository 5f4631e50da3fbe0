import Testing
import ClusterModel

/// Issue 24: the palette's fuzzy matching finds what an operator means first.
@Suite struct FuzzyMatchTests {
    private func score(_ query: String, _ text: String) -> Int? {
        FuzzyMatch.score(FuzzyMatch.folded(query), in: FuzzyMatch.folded(text))
    }

    private func ranked(_ query: String, _ texts: [String]) -> [String] {
        texts.compactMap { t in score(query, t).map { (t, $0) } }.sorted { $0.1 > $1.1 }.map(\.0)
    }

    /// Letters in order anywhere match; out of order or missing do not.
    @Test func subsequenceMatchesOnly() {
        #expect(score("wk3", "worker-03") != nil)
        #expect(score("WK3", "worker-03") != nil, "case is ignored")
        #expect(score("3kw", "worker-03") == nil)
        #expect(score("wkx", "worker-03") == nil)
        #expect(score("", "anything") == 0)
    }

    /// An exact fragment beats scattered letters; word starts beat letters inside words.
    @Test func rankingPrefersFragmentsAndWordStarts() {
        #expect(ranked("03", ["worker-30", "worker-03", "db-0x3"]).first == "worker-03")
        #expect(ranked("ma", ["format", "mark-all", "mark"]).prefix(2).sorted() == ["mark", "mark-all"])
        #expect(ranked("mk", ["smoke", "mark-all"]) == ["mark-all", "smoke"], "word starts beat letters inside a word")
        #expect(ranked("rb", ["rubber-band", "herb"]).first == "herb", "an exact fragment beats word starts")
        #expect(ranked("node-b", ["node-a node-b", "node-b"]).first == "node-b", "shorter wins at equal fit")
    }
}
