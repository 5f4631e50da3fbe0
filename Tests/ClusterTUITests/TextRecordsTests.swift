import ClusterModel
import Foundation
import Testing
import ClusterState

/// The free-text search buffer: the whole-buffer scan (many candidates),
/// the row-by-row search (few) and `FilterQuery.matches` give one answer.
@Suite struct TextRecordsTests {
    /// 30,000 rows (enough for the two-core paths) of mixed text.
    static let instances: [Instance] = {
        var rng = SplitMix64(seed: 7)
        let words = ["node", "agent", "Agent", "nodé", "名前", "🚀", "research", "n", "-", "1", "x"]
        func word() -> String { words[Int(rng.next() % UInt64(words.count))] }
        return (0..<30_000).map { i in
            Instance(entityType: .agent, entityId: "t\(i % 7):\(word())_\(i)", name: "\(word()) \(word())\(i % 13)",
                     subtitle: i % 3 == 0 ? nil : word(), tenantId: "t\(i % 7)", tenantSlug: i % 5 == 0 ? "ACME" : nil,
                     nodeName: "node-\(i % 11)")
        }
    }()
    static let records = TextRecords(instances)
    static let context = FilterContext(
        snapshot: ClusterSnapshot(
            overview: Overview(thisNodeName: "", defaultNodeName: "", nodes: [], assignments: []),
            instances: instances, instancesKnown: true, takenAt: Date()),
        risk: RiskContext(snapshot: ClusterSnapshot(
            overview: Overview(thisNodeName: "", defaultNodeName: "", nodes: [], assignments: []), takenAt: Date()), now: Date()))

    @Test(arguments: ["n", "node-1", "agent", "AGENT -node-3", "nodé", "名前 🚀", "x_29999", "_2", "acme", "zzz", "1 -1",
                      "research n", "t6:"])
    func everyStrategyGivesTheMatcherAnswer(text: String) throws {
        let query = try FilterQuery.parse(text).get()
        let needles = try #require(query.freeTextNeedles)
        let all = Array(Self.instances.indices.reversed())  // a sort order that is not row order
        let expected = all.filter { query.matches(Self.instances[$0], Self.context) }
        #expect(Self.records.filter(needles, within: all) == expected, "whole-buffer scan")
        #expect(Self.records.filterRows(needles, within: all[...]) == expected, "row by row")
        let few = Array(all.prefix(1_000))
        #expect(Self.records.filter(needles, within: few) == few.filter { query.matches(Self.instances[$0], Self.context) })
    }

    @Test func rowsContainingMarksExactlyTheRowsWithTheNeedle() {
        let needle = Array("agent".utf8)
        let marks = Self.records.rowsContaining(needle)
        for (row, i) in Self.instances.enumerated() {
            let text = [i.name, i.entityId, i.subtitle ?? "", i.tenantSlug ?? "", i.tenantId ?? "", i.nodeName]
                .map { $0.lowercased() }.joined(separator: "\u{0}")
            #expect((marks[row] == 1) == text.contains("agent"), "row \(row)")
            if (marks[row] == 1) != text.contains("agent") { break }
        }
    }

    @Test func emptyRecordsAndNeedles() {
        let none = TextRecords([])
        #expect(none.rowsContaining(Array("a".utf8)).isEmpty)
        #expect(Self.records.rowsContaining([]).allSatisfy { $0 == 1 })
    }
}
