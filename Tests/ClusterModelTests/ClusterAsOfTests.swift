import Foundation
import Testing
import ClusterModel

/// Issue 22's as-of mode: the cluster worked out from the records at a past
/// moment — states then, unknown where nobody polled, versions and
/// bindings as they were, and typed moments.
@Suite struct ClusterAsOfTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func records() -> HistoryRecords {
        var r = HistoryRecords()
        r.spans = [ObservedSpan(start: t0, end: t0.addingTimeInterval(600)),
                   ObservedSpan(start: t0.addingTimeInterval(900), end: t0.addingTimeInterval(1200))]
        r.runs = [
            StateRun(node: "a", state: .ok, start: t0, end: t0.addingTimeInterval(300)),
            StateRun(node: "a", state: .down, start: t0.addingTimeInterval(300), end: t0.addingTimeInterval(600)),
            StateRun(node: "a", state: .ok, start: t0.addingTimeInterval(900)),
            StateRun(node: "b", state: .ok, start: t0, end: t0.addingTimeInterval(600)),
            StateRun(node: "b", state: .ok, start: t0.addingTimeInterval(900)),
            StateRun(node: "late-comer", state: .ok, start: t0.addingTimeInterval(1000)),
        ]
        r.events = [NodeEvent(node: "a", at: t0.addingTimeInterval(200), kind: .restart, detail: "pid 1 → 2"),
                    NodeEvent(node: "b", at: t0.addingTimeInterval(950), kind: .version, detail: "1.0 → 1.1")]
        r.facts = ["a": NodeFacts(startedAt: nil, pid: 2, version: "1.1", status: "online"),
                   "b": NodeFacts(startedAt: nil, pid: 1, version: "1.1", status: "online")]
        r.bindings = [EntityKey(.agent, "x"): HistoryBinding(node: "b", mode: "strict")]
        return r
    }

    @Test func theStatesVersionsAndBindingsOfThatMoment() {
        let moved = BindingChange(seenAt: t0.addingTimeInterval(1000), entityType: "agent", entityId: "x",
                                  before: HistoryBinding(node: "a", mode: "strict"), after: HistoryBinding(node: "b", mode: "strict"))
        let then = ClusterAsOf.make(at: t0.addingTimeInterval(400), records: records(), changesSince: [moved])
        #expect(then.watched)
        #expect(then.nodes.map(\.name) == ["a", "b"], "down first; late-comer was not there yet")
        #expect(then.nodes[0].state == .down && then.nodes[0].restarts == 1 && then.nodes[0].bound == 1)
        #expect(then.nodes[1].version == "1.0", "before its upgrade")
        #expect(then.bindings[EntityKey(.agent, "x")]?.node == "a" && then.changedSince == 1)
    }

    /// A change made while no dashboard ran (seen at the next start) was undone for the moments after it was made.
    @Test func aChangeCountsFromWhenItWasMadeNotWhenItWasSeen() {
        let moved = BindingChange(seenAt: t0.addingTimeInterval(1000), entityType: "agent", entityId: "x",
                                  before: HistoryBinding(node: "a", mode: "strict"), after: HistoryBinding(node: "b", mode: "strict"),
                                  updatedAt: t0.addingTimeInterval(300))
        let after = ClusterAsOf.make(at: t0.addingTimeInterval(400), records: records(), changesSince: [moved])
        #expect(after.bindings[EntityKey(.agent, "x")]?.node == "b" && after.changedSince == 0)
        let before = ClusterAsOf.make(at: t0.addingTimeInterval(200), records: records(), changesSince: [moved])
        #expect(before.bindings[EntityKey(.agent, "x")]?.node == "a" && before.changedSince == 1)
    }

    /// Guards "a gap in our polling is unknown": a moment nobody watched is not shown as the last state.
    @Test func aMomentNobodyWatchedIsUnknownWithTheLastKnownState() {
        let then = ClusterAsOf.make(at: t0.addingTimeInterval(700), records: records(), changesSince: [])
        #expect(!then.watched)
        #expect(then.nodes.allSatisfy { $0.state == .unknown })
        #expect(then.nodes.first { $0.name == "a" }?.lastKnown?.state == .down)
    }

    /// Look-back said "ok" for a node that was draining then (the live table says "draining").
    @Test func aDrainingNodeReadsDrainingThen() {
        var r = records()
        r.events.append(NodeEvent(node: "b", at: t0.addingTimeInterval(100), kind: .status, detail: "online → draining"))
        r.events.append(NodeEvent(node: "b", at: t0.addingTimeInterval(500), kind: .status, detail: "draining → online"))
        let then = ClusterAsOf.make(at: t0.addingTimeInterval(400), records: r, changesSince: [])
        #expect(then.nodes.first { $0.name == "b" }?.stateWord == "draining")
        #expect(then.counts.map { "\($0.count) \($0.word)" } == ["1 silent/offline", "1 draining"])
        let later = ClusterAsOf.make(at: t0.addingTimeInterval(1000), records: r, changesSince: [])
        #expect(later.nodes.first { $0.name == "b" }?.stateWord == "ok")
    }

    /// Look-back listed ghosts (offline for over a day) first as "silent/offline"; the live table folds them.
    @Test func ghostsAreFoldedAndCounted() {
        var r = records()
        r.runs.append(StateRun(node: "old-1", state: .gone, start: t0))
        r.runs.append(StateRun(node: "c", state: .down, start: t0))
        let then = ClusterAsOf.make(at: t0.addingTimeInterval(400), records: r, changesSince: [])
        #expect(then.ghosts == 1 && !then.nodes.contains { $0.name == "old-1" })
        #expect(then.nodes.map(\.name) == ["a", "c", "b"], "the freshly down lead, the ghost is not listed")
        #expect(HistoryState(health: .ghost) == .gone && HistoryState.gone < .down && HistoryState.late < .gone)
        let unwatched = ClusterAsOf.make(at: t0.addingTimeInterval(700), records: r, changesSince: [])
        #expect(unwatched.ghosts == 1, "last seen as a ghost: still folded while nobody watched")
    }

    @Test func typedMomentsAreUTCClockTimesOrAgo() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)  // 08:00:00 UTC
        #expect(TypedMoment.parse("07:59", now: now) == now.addingTimeInterval(-60))
        // A time just ahead of now was taken as yesterday's ("nothing recorded"); over an hour ahead, it is yesterday's.
        #expect(TypedMoment.parse("08:00:30", now: now) == nil && TypedMoment.problem("08:00:30", now: now).contains("ahead of now"))
        #expect(TypedMoment.parse("09:30", now: now) == now.addingTimeInterval(5400 - 86_400), "over an hour ahead: yesterday")
        // The screen's own form, `07:59Z`, was refused.
        #expect(TypedMoment.parse("07:59Z", now: now) == now.addingTimeInterval(-60) && TypedMoment.parse("07:59 UTC", now: now) != nil)
        #expect(TypedMoment.parse("-15m", now: now) == now.addingTimeInterval(-900))
        #expect(TypedMoment.parse("+5m", now: now) == nil, "the future is refused; it went 5 minutes back")
        #expect(TypedMoment.parse("25:00", now: now) == nil && TypedMoment.parse("soon", now: now) == nil)
    }
}

/// Issue 22: a node that was not in the registry at a watched moment is not listed then.
@Suite struct ClusterAsOfRegistryTests {
    /// Guards a node gone before the moment reading "not watched (was ok …)" while the moment was watched.
    @Test func aNodeGoneBeforeAWatchedMomentIsNotListed() {
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        var r = HistoryRecords()
        r.spans = [ObservedSpan(start: t0, end: t0.addingTimeInterval(600))]
        r.runs = [StateRun(node: "gone", state: .ok, start: t0, end: t0.addingTimeInterval(100)),
                  StateRun(node: "here", state: .ok, start: t0)]
        let then = ClusterAsOf.make(at: t0.addingTimeInterval(300), records: r, changesSince: [])
        #expect(then.nodes.map(\.name) == ["here"])
    }
}
