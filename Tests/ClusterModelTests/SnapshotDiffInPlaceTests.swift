import Foundation
import Testing
@testable import ClusterModel

/// The hash-free node diff (same names, same order, no name twice) finds
/// exactly the events the by-name diff finds, and steps aside otherwise.
@Suite struct SnapshotDiffInPlaceTests {
    /// Both paths over the same pair; `inPlace` is nil when the fast path declined.
    func bothPaths(_ old: ClusterSnapshot, _ new: ClusterSnapshot) -> (inPlace: [ClusterEvent]?, byName: [ClusterEvent]) {
        var fast = SnapshotDiff.Builder(time: new.takenAt)
        let took = SnapshotDiff.diffNodesInPlace(old, new, .standard, &fast)
        var slow = SnapshotDiff.Builder(time: new.takenAt)
        SnapshotDiff.diffNodesByName(old, new, .standard, &slow)
        return (took ? fast.finish() : nil, slow.finish())
    }

    func randomNode(_ name: String, _ rng: inout SeededRandom, at now: Date) -> Node {
        let statuses: [NodeStatus] = [.online, .offline, .draining]
        return node(name, status: statuses[rng.next(3)], age: [0, 5, 25, 70, 4000, nil][rng.next(6)],
                    version: ["1.0.0", "1.1.0", nil][rng.next(3)], startedAt: rng.next(4) == 0 ? nil : t0.addingTimeInterval(Double(rng.next(3))),
                    pid: rng.next(4) == 0 ? nil : 100 + rng.next(3), at: now)
    }

    @Test func agreesWithTheByNameDiffOnRandomPairs() {
        var rng = SeededRandom(seed: 0xD1FF)
        var fastPathRuns = 0, roundsWithEvents = 0
        for round in 0..<300 {
            let names = (0..<(1 + rng.next(40))).map { "n\($0)" }
            let t1 = t0.addingTimeInterval(Double(rng.next(60)))
            let old = snap(nodes: names.map { randomNode($0, &rng, at: t0) })
            let new = snap(nodes: names.map { randomNode($0, &rng, at: t1) }, at: t1)
            let (inPlace, byName) = bothPaths(old, new)
            #expect(inPlace != nil, "round \(round): same names in the same order must take the fast path")
            #expect(inPlace.map { $0.map(\.message) } == byName.map(\.message), "round \(round)")
            #expect(inPlace.map { $0.map(\.kind) } == byName.map(\.kind), "round \(round)")
            if inPlace != nil { fastPathRuns += 1 }
            if !byName.isEmpty { roundsWithEvents += 1 }
        }
        #expect(fastPathRuns == 300)
        #expect(roundsWithEvents > 250, "the pairs must differ for the comparison to mean anything")
    }

    @Test func declinesWhenNamesMoveRepeatOrDiffer() {
        let a = node("a"), b = node("b"), c = node("c")
        let base = snap(nodes: [a, b])
        #expect(bothPaths(base, snap(nodes: [b, a])).inPlace == nil, "reordered")
        #expect(bothPaths(base, snap(nodes: [a, c])).inPlace == nil, "renamed")
        #expect(bothPaths(base, snap(nodes: [a, b, c])).inPlace == nil, "added")
        #expect(bothPaths(snap(nodes: [a, a]), snap(nodes: [a, a])).inPlace == nil, "a name twice")
        // And the full diff still reports what changed.
        let events = SnapshotDiff.events(from: base, to: snap(nodes: [a, c]))
        #expect(Set(events.map(\.kind)) == [.nodeAdded, .nodeRemoved])
    }
}
