import Foundation
import Testing
import ClusterModel

/// Issue 22: the history window, pure — runs, restarts, unknown stretches,
/// flapping, binding changes, and what a restarted dashboard reads back.
@Suite struct HistoryWindowTests {
    /// A whole minute, so strip cells line up with the test's seconds.
    let t0 = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 60))

    func sample(_ at: TimeInterval, _ nodes: [(String, HeartbeatHealth, Int)], assignments: [Assignment] = [],
                generation: Int = 0) -> HistorySample {
        let wire = nodes.map { name, _, pid in
            Node(name: name, lastHeartbeatAt: t0.addingTimeInterval(at - 1), startedAt: t0.addingTimeInterval(-3600 + Double(pid)), pid: pid)
        }
        return HistorySample(at: t0.addingTimeInterval(at), pollEvery: 2, nodes: wire,
                             health: Dictionary(nodes.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first }),
                             assignments: assignments, bindingGeneration: generation)
    }

    /// A node beating every 3 s read "heartbeat every 10s" in `history` for as long as its run lasted (the period assumed when it began).
    @Test func anOpenRunTakesThePeriodLearnedSinceItBegan() {
        var window = HistoryWindow()
        _ = window.apply(sample(0, [("a", .ok, 1)]))
        #expect(window.runs["a"]?.last?.period == 10)
        var learnt = sample(2, [("a", .ok, 1)])
        learnt.thresholds.learned["a"] = LearnedHeartbeat(period: 3, steps: 5)
        let writes = window.apply(learnt)
        #expect(window.runs["a"]?.count == 1 && window.runs["a"]?.last?.period == 3)
        #expect(writes.relearnedRuns.map(\.period) == [3])
        var again = sample(4, [("a", .ok, 1)])
        again.thresholds.learned["a"] = LearnedHeartbeat(period: 3.1, steps: 6)
        #expect(window.apply(again).relearnedRuns.isEmpty, "a small drift is not written on every poll")
    }

    @Test func aHealthyNodeIsOneRunAndItsStripReadsOk() {
        var window = HistoryWindow()
        for s in stride(from: 0.0, through: 120, by: 2) { _ = window.apply(sample(s, [("a", .ok, 1)])) }
        #expect(window.runs["a"]?.count == 1)
        let digest = window.digest(now: t0.addingTimeInterval(120))
        let strip = digest.nodes["a"]!.strip
        #expect(strip.suffix(3) == [.ok, .ok, .ok])
        #expect(strip.first == .unknown, "before the first poll nothing is known")
        #expect(digest.nodes["a"]!.restarts == 0 && !digest.nodes["a"]!.flapping)
    }

    @Test func aRestartIsAnEventAndAStripCell() {
        var window = HistoryWindow()
        _ = window.apply(sample(0, [("a", .ok, 1)]))
        let writes = window.apply(sample(2, [("a", .ok, 2)]))
        #expect(writes.events.map(\.kind) == [.restart])
        #expect(writes.events.first?.detail == "pid 1 → 2")
        let digest = window.digest(now: t0.addingTimeInterval(30))
        #expect(digest.nodes["a"]!.strip.last == .restart)
        #expect(digest.nodes["a"]!.restarts == 1)
    }

    /// Guards "stale data is never recorded as fresh": a gap in our polling reads unknown, not ok.
    @Test func aMinuteWithoutPollsIsUnknownNotHealthy() {
        var window = HistoryWindow()
        for s in stride(from: 0.0, through: 60, by: 2) { _ = window.apply(sample(s, [("a", .ok, 1)])) }
        let gap = window.apply(sample(130, [("a", .ok, 1)]))
        #expect(gap.closedRuns.count == 1, "the run ends where the polls stopped")
        for s in stride(from: 132.0, through: 200, by: 2) { _ = window.apply(sample(s, [("a", .ok, 1)])) }
        let strip = window.digest(now: t0.addingTimeInterval(200)).nodes["a"]!.strip
        // Cells: [0,60) ok, [60,120) never polled: unknown, [120,180) 10 s unwatched: ok, [180,240) ok.
        #expect(strip[strip.count - 3] == .unknown)
        #expect(strip[strip.count - 4] == .ok)
        #expect(strip.last == .ok)
        #expect(window.spans.count == 2)
    }

    @Test func lateAndDownAreRunsAndTheWorstWinsACell() {
        var window = HistoryWindow()
        _ = window.apply(sample(0, [("a", .ok, 1)]))
        _ = window.apply(sample(2, [("a", .late, 1)]))
        _ = window.apply(sample(4, [("a", .stale, 1)]))
        _ = window.apply(sample(6, [("a", .ok, 1)]))
        #expect(window.runs["a"]!.map(\.state) == [.ok, .late, .down, .ok])
        #expect(window.digest(now: t0.addingTimeInterval(8)).nodes["a"]!.strip.last == .down)
    }

    @Test func threeRestartsInTenMinutesIsFlapping() {
        var window = HistoryWindow()
        for (i, s) in [0.0, 2, 4, 6].enumerated() { _ = window.apply(sample(s, [("a", .ok, i + 1), ("b", .ok, 1)])) }
        let digest = window.digest(now: t0.addingTimeInterval(8))
        #expect(digest.nodes["a"]!.flapping && digest.flapping == ["a"])
        #expect(!digest.nodes["b"]!.flapping)
        // Ten minutes later, the same restarts no longer count.
        for s in stride(from: 8.0, through: 700, by: 2) { _ = window.apply(sample(s, [("a", .ok, 4), ("b", .ok, 1)])) }
        #expect(window.digest(now: t0.addingTimeInterval(700)).flapping.isEmpty)
    }

    @Test func bindingChangesAreSeenWithWhoAndTheFirstPollOnlySeeds() {
        var window = HistoryWindow()
        let before = Assignment(entityType: EntityType("browser"), entityId: "b1", nodeName: "a", mode: .strict, updatedBy: "ann")
        let seeded = window.apply(sample(0, [("a", .ok, 1)], assignments: [before], generation: 1))
        #expect(seeded.changes.isEmpty && seeded.bindings.count == 1)
        var moved = before
        moved.nodeName = "b"; moved.updatedBy = "bob"; moved.updatedAt = t0.addingTimeInterval(1)
        let writes = window.apply(sample(2, [("a", .ok, 1)], assignments: [moved], generation: 2),
                                  ownBatch: { _ in "batch-1" })
        #expect(writes.changes.count == 1)
        let change = writes.changes[0]
        #expect(change.before == HistoryBinding(node: "a", mode: "strict") && change.after == HistoryBinding(node: "b", mode: "strict"))
        #expect(change.updatedBy == "bob" && change.batch == "batch-1")
        let removed = window.apply(sample(4, [("a", .ok, 1)], assignments: [], generation: 3))
        #expect(removed.changes.first?.after == nil && removed.changes.first?.before?.node == "b")
        #expect(window.digest(now: t0.addingTimeInterval(4)).changes.count == 2, "newest first, both kept")
    }

    /// Guards the restart of the dashboard: the window read back shows the last hour at once.
    @Test func aWindowReadBackFromRecordsDrawsTheSameStrip() {
        var window = HistoryWindow()
        var records = HistoryRecords()
        for (i, s) in stride(from: 0.0, through: 100, by: 2).enumerated() {
            let writes = window.apply(sample(s, [("a", .ok, i < 20 ? 1 : 2)]))
            if let span = writes.span { records.spans.removeAll { $0.start == span.start }; records.spans.append(span) }
            records.runs.append(contentsOf: writes.openedRuns)
            records.events.append(contentsOf: writes.events)
            records.facts.merge(writes.facts) { $1 }
        }
        var back = HistoryWindow(records: records)
        _ = back.apply(sample(100, [("a", .ok, 2)]))
        let now = t0.addingTimeInterval(100)
        #expect(back.digest(now: now).nodes["a"]!.strip == window.digest(now: now).nodes["a"]!.strip)
        #expect(back.digest(now: now).nodes["a"]!.restarts == 1)
    }

    @Test func theTimelineSaysNotWatchedBetweenSpans() {
        var records = HistoryRecords()
        records.spans = [ObservedSpan(start: t0, end: t0.addingTimeInterval(60)),
                         ObservedSpan(start: t0.addingTimeInterval(120), end: t0.addingTimeInterval(180))]
        records.runs = [StateRun(node: "a", state: .ok, start: t0, end: t0.addingTimeInterval(60), period: 10),
                        StateRun(node: "a", state: .late, start: t0.addingTimeInterval(120))]
        records.events = [NodeEvent(node: "a", at: t0.addingTimeInterval(121), kind: .restart, detail: "pid 1 → 2")]
        let entries = NodeTimeline.entries(node: "a", records: records, since: t0, now: t0.addingTimeInterval(200))
        #expect(entries.map(\.what) == ["ok", "not watched", "late", "restart"])
        #expect(entries[1].start == t0.addingTimeInterval(60) && entries[1].end == t0.addingTimeInterval(120))
        #expect(entries[2].end == t0.addingTimeInterval(180), "an open run ends at its span's last poll")
    }

    @Test func theChangeFilterReadsByChangedAndWords() throws {
        let now = t0.addingTimeInterval(3600)
        let recent = BindingChange(seenAt: now.addingTimeInterval(-60), entityType: "browser", entityId: "b1",
                                   before: nil, after: HistoryBinding(node: "w2", mode: "strict"), updatedBy: "Bob")
        let old = BindingChange(seenAt: now.addingTimeInterval(-7200), entityType: "ocr", entityId: "o1",
                                before: nil, after: nil, updatedBy: "ann", batch: "x")
        func matches(_ text: String) throws -> [String] {
            let filter = try ChangeFilter.parse(text).get()
            return [recent, old].filter { filter.matches($0, now: now) }.map(\.entityId)
        }
        #expect(try matches("by:bob") == ["b1"])
        #expect(try matches("changed:<10m") == ["b1"])
        #expect(try matches("changed:>1h") == ["o1"])
        #expect(try matches("by:me") == ["o1"])
        #expect(try matches("w2") == ["b1"])
        #expect(try matches("-by:bob") == ["o1"])
        #expect((try? ChangeFilter.parse("changed:soon").get()) == nil)
        #expect(TypedDuration.parse("1h") == 3600 && TypedDuration.parse("90s") == 90 && TypedDuration.parse("x") == nil)
    }

    /// The trend keeps the worst poll of each minute, and a minute without polls stays empty.
    @Test func theTrendKeepsEachMinutesWorstPoll() {
        var window = HistoryWindow()
        var first = sample(0, [("a", .ok, 1), ("b", .ok, 1)])
        first.atRisk = 0
        _ = window.apply(first)
        var second = sample(2, [("a", .ok, 1), ("b", .late, 1)])
        second.atRisk = 3
        let writes = window.apply(second)
        #expect(writes.trend == TrendPoint(minute: Int(t0.timeIntervalSince1970 / 60), ok: 1, late: 1, down: 0, atRisk: 3))
        _ = window.apply(sample(4, [("a", .ok, 1), ("b", .ok, 1)]))
        let trend = window.digest(now: t0.addingTimeInterval(70)).trend
        #expect(trend.count == 60 && trend[58]?.late == 1 && trend[58]?.ok == 1 && trend[59] == nil)
        #expect(Sparkline.draw([0, 1, 2, nil, 4], levels: ["_", "a", "b", "c", "d"]) == "_bc d")
    }
}


/// Issue 22 review fixes: what the first reading of the window got wrong.
@Suite struct HistoryWindowEdgeTests {
    let t0 = HistoryWindowTests().t0

    func sample(_ at: TimeInterval, _ nodes: [(String, HeartbeatHealth, Int)]) -> HistorySample {
        HistoryWindowTests().sample(at, nodes)
    }

    /// Guards a node gone from the registry reading "ok" for as long as the span lasts.
    @Test func aNodeThatLeavesTheRegistryEndsItsRun() {
        var window = HistoryWindow()
        _ = window.apply(sample(0, [("a", .ok, 1), ("b", .ok, 1)]))
        let writes = window.apply(sample(2, [("a", .ok, 1)]))
        #expect(writes.closedRuns.map(\.node) == ["b"] && writes.closedRuns.first?.end == t0.addingTimeInterval(2))
        #expect(window.digest(now: t0.addingTimeInterval(4)).nodes["b"] == nil)
    }

    /// Guards false restarts from a name listed twice (its pids alternate).
    @Test func aNameListedTwiceRecordsNoRestarts() {
        var window = HistoryWindow()
        for (i, s) in [0.0, 2, 4, 6].enumerated() {
            let writes = window.apply(sample(s, [("a", .ok, 1 + i % 2), ("a", .ok, 2 - i % 2), ("b", .ok, 1)]))
            #expect(writes.events.isEmpty)
        }
        #expect(window.digest(now: t0.addingTimeInterval(8)).flapping.isEmpty)
    }

    /// Guards "waiting for data" being recorded as a healthy run.
    @Test func waitingForDataContinuesTheRunItInterrupts() {
        var window = HistoryWindow()
        _ = window.apply(sample(0, [("a", .late, 1)]))
        _ = window.apply(sample(2, [("a", .waiting, 1)]))
        #expect(window.runs["a"]!.map(\.state) == [.late])
    }

    /// Guards two dashboards' overlapping spans counting a second twice (a half-watched minute read ok).
    @Test func overlappingSpansAreCountedOnce() {
        let spans = [ObservedSpan(start: t0, end: t0.addingTimeInterval(30)),
                     ObservedSpan(start: t0.addingTimeInterval(10), end: t0.addingTimeInterval(25)),
                     ObservedSpan(start: t0.addingTimeInterval(40), end: t0.addingTimeInterval(50))]
        #expect(HistoryWindow.union(spans) == [ObservedSpan(start: t0, end: t0.addingTimeInterval(30)),
                                               ObservedSpan(start: t0.addingTimeInterval(40), end: t0.addingTimeInterval(50))])
    }

    /// Guards a stopped dashboard's runs staying open (read later as lasting a whole later span).
    @Test func stoppingClosesTheOpenRunsAtTheLastPoll() {
        var window = HistoryWindow()
        _ = window.apply(sample(0, [("a", .ok, 1)]))
        _ = window.apply(sample(2, [("a", .ok, 1)]))
        let writes = window.closeOpenRuns()
        #expect(writes.closedRuns.map(\.end) == [t0.addingTimeInterval(2)])
    }

    /// Guards the strip freezing on the last states seen while the polls fail.
    @Test func withoutPollsTheNewestCellsTurnUnknown() {
        var window = HistoryWindow()
        for s in stride(from: 0.0, through: 58, by: 2) { _ = window.apply(sample(s, [("a", .ok, 1)])) }
        #expect(window.digest(now: t0.addingTimeInterval(59)).nodes["a"]!.strip.last == .ok)
        let later = window.digest(now: t0.addingTimeInterval(150)).nodes["a"]!.strip
        #expect(later.suffix(2) == [.unknown, .unknown] && later[later.count - 3] == .ok)
    }
}
