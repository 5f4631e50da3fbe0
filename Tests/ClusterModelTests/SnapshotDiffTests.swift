import Foundation
import Testing
@testable import ClusterModel

/// Snapshot diffs produce every event kind once, and collapse mass changes.
@Suite struct SnapshotDiffTests {
    let t1 = t0.addingTimeInterval(10)

    func kinds(_ e: [ClusterEvent]) -> [ClusterEventKind] { e.map(\.kind) }

    @Test func nodeEvents() {
        let old = snap(nodes: [
            node("a"), node("gone"), node("s", status: .online), node("l", age: 0), node("st", age: 20),
            node("r", startedAt: t0, pid: 1), node("p", pid: 1), node("v", version: "1.0"),
        ], at: t0)
        let new = snap(nodes: [
            node("a", at: t1), node("new", at: t1), node("s", status: .offline, age: 0, at: t1), node("l", age: 20, at: t1),
            node("st", age: 0, at: t1), node("r", startedAt: t1, pid: 1, at: t1), node("p", pid: 2, at: t1),
            node("v", version: "1.1", at: t1),
        ], at: t1)
        let e = SnapshotDiff.events(from: old, to: new)
        #expect(Set(kinds(e)) == [.nodeAdded, .nodeRemoved, .statusChanged, .heartbeatLate, .heartbeatRecovered,
                                  .restarted, .versionChanged])
        #expect(e.allSatisfy { $0.time == t1 })
        #expect(e.first { $0.kind == .nodeAdded }?.subject == "new")
        #expect(e.first { $0.kind == .nodeRemoved }?.subject == "gone")
        let status = e.first { $0.kind == .statusChanged }
        #expect(status?.subject == "s" && status?.severity == .warning)
        #expect(status?.message == "node s online → offline")
        #expect(e.filter { $0.kind == .restarted }.map(\.subject).sorted() == ["p", "r"])
        #expect(e.first { $0.kind == .versionChanged }?.message == "node v version 1.0 → 1.1")
    }

    @Test func staleIsEvaluatedAtEachSnapshotTime() {
        // Same heartbeat timestamp; only the clock moved: 25 s old (late) then 35 s old (stale).
        let hb = t0.addingTimeInterval(-25)
        let n = Node(name: "x", status: .online, lastHeartbeatAt: hb)
        let e = SnapshotDiff.events(from: snap(nodes: [n], at: t0), to: snap(nodes: [n], at: t1))
        #expect(kinds(e) == [.heartbeatStale])
        #expect(e.first?.severity == .warning)
        #expect(e.first?.message.contains("35s") == true)
    }

    @Test func nullStartOrPidIsNoRestart() {
        let e = SnapshotDiff.events(from: snap(nodes: [node("x", startedAt: nil, pid: nil)]),
                                    to: snap(nodes: [node("x", startedAt: t0, pid: 9)]))
        #expect(e.isEmpty)
    }

    @Test func defaultNodeChange() {
        let e = SnapshotDiff.events(from: snap(nodes: [node("a"), node("b")], defaultNode: "a"),
                                    to: snap(nodes: [node("a"), node("b")], defaultNode: "b"))
        #expect(kinds(e) == [.defaultNodeChanged])
        #expect(e.first?.message == "default node changed from a to b")
    }

    @Test func assignmentEventsCarryWho() {
        func row(_ id: String, _ node: String, _ mode: AssignmentMode = .strict, by: String? = "u_1") -> Assignment {
            Assignment(entityType: .browser, entityId: id, nodeName: node, mode: mode, updatedBy: by)
        }
        let old = snap(nodes: [node("a")], assignments: [row("keep", "a"), row("move", "a"), row("drop", "a", by: "u_9")])
        let new = snap(nodes: [node("a")], assignments: [
            row("keep", "a"), row("move", "b", .preferred, by: "u_2"), row("add", "a", by: nil),
        ])
        let e = SnapshotDiff.events(from: old, to: new)
        #expect(kinds(e) == [.assignmentAdded, .assignmentChanged, .assignmentRemoved])
        #expect(e[0].message == "browser:add bound to a (strict) by unknown")
        #expect(e[1].message == "browser:move a (strict) → b (preferred) by u_2")
        #expect(e[1].subject == "browser:move")
        #expect(e[2].message.contains("by u_9"))
    }

    @Test func instancesOnlyWhenBothKnown() {
        let a = [inst("1", node: "a"), inst("2", node: "a")]
        let b = [inst("2", node: "a"), inst("3", node: "a")]
        let e = SnapshotDiff.events(from: snap(nodes: [node("a")], instances: a), to: snap(nodes: [node("a")], instances: b))
        #expect(kinds(e) == [.instanceAdded, .instanceRemoved])
        #expect(e[0].subject == "agent:3" && e[1].subject == "agent:1")
        let unknown = SnapshotDiff.events(from: snap(nodes: [node("a")], instances: [], known: false),
                                          to: snap(nodes: [node("a")], instances: b))
        #expect(unknown.isEmpty, "the first instance list is not 2 additions")
    }

    /// Only the middle differs: the common prefix and suffix must not hide the change.
    @Test func middleChangeIsFound() {
        let a = ["1", "2", "3", "4"].map { inst($0, node: "a") }
        let b = ["1", "5", "3", "4"].map { inst($0, node: "a") }
        let e = SnapshotDiff.events(from: snap(nodes: [node("a")], instances: a), to: snap(nodes: [node("a")], instances: b))
        #expect(e.map(\.subject) == ["agent:5", "agent:2"])
        #expect(kinds(e) == [.instanceAdded, .instanceRemoved])
    }

    @Test func reorderedInstancesAreNoChange() {
        let a = [inst("1", node: "a"), inst("2", node: "a")]
        #expect(SnapshotDiff.events(from: snap(nodes: [node("a")], instances: a),
                                    to: snap(nodes: [node("a")], instances: a.reversed())).isEmpty)
    }

    /// A new tenant's 1,234 instances must not flood the event log with 1,234 lines.
    @Test func massChangeCollapsesToOneEvent() {
        let many = (0..<1_234).map { inst("n\($0)", node: "a") }
        let ten = (0..<10).map { inst("t\($0)", node: "a") }
        let e = SnapshotDiff.events(from: snap(nodes: [node("a")], instances: ten),
                                    to: snap(nodes: [node("a")], instances: ten + many))
        #expect(e.count == 1)
        #expect(e.first?.kind == .instanceAdded)
        #expect(e.first?.message == "1,234 instances added")
        let removed = SnapshotDiff.events(from: snap(nodes: [node("a")], instances: ten + many),
                                          to: snap(nodes: [node("a")], instances: []))
        #expect(removed.map(\.message) == ["1,244 instances removed"])
        let exactlyTen = SnapshotDiff.events(from: snap(nodes: [node("a")], instances: []),
                                             to: snap(nodes: [node("a")], instances: ten))
        #expect(exactlyTen.count == 10, "the cap is inclusive")
    }

    @Test func identicalSnapshotsGiveNothing() {
        let s = snap(nodes: [node("a"), node("b", status: .offline, age: 50)], instances: [inst("1", node: "a")])
        #expect(SnapshotDiff.events(from: s, to: s).isEmpty)
    }

    @Test func largeDiffIsLinear() {
        let nodes = (0..<1_000).map { node("n\($0)") }
        let old = (0..<100_000).map { inst("i\($0)", node: "n\($0 % 1_000)") }
        var new = old
        new.removeFirst(5)
        // Speed is the benchmark's business (poll_changed_ms_s2); here: right answer at scale.
        let events = SnapshotDiff.events(from: snap(nodes: nodes, instances: old), to: snap(nodes: nodes, instances: new))
        #expect(events.map(\.subject) == (0..<5).map { "agent:i\($0)" })
        #expect(events.allSatisfy { $0.message.contains("removed") })
    }

    @Test func groupedNumbers() {
        #expect(Grouped.string(0) == "0")
        #expect(Grouped.string(999) == "999")
        #expect(Grouped.string(1_000) == "1,000")
        #expect(Grouped.string(1_234_567) == "1,234,567")
    }
}

/// Issue 11: "heartbeat late" was drawn in the ok colour; each event carries the tone of what it reports.
@Suite struct EventToneTests {
    @Test func eachEventHasTheToneOfWhatItReports() {
        let t = Date(timeIntervalSince1970: 1_779_098_400)
        func event(_ kind: ClusterEventKind, _ severity: EventSeverity) -> ClusterEvent {
            ClusterEvent(time: t, kind: kind, severity: severity, subject: "n", message: "m")
        }
        #expect(event(.heartbeatLate, .notice).tone == .attention)
        #expect(event(.heartbeatStale, .warning).tone == .bad)
        #expect(event(.heartbeatRecovered, .info).tone == .good)
        #expect(event(.statusChanged, .warning).tone == .bad, "→ offline")
        #expect(event(.statusChanged, .info).tone == .good, "→ online")
        #expect(event(.statusChanged, .notice).tone == .attention, "→ draining")
        #expect(event(.assignmentChanged, .notice).tone == .neutral)
    }

    /// The diff itself: a node going late, then recovering, gives attention then good.
    @Test func theDiffGivesLateThenRecovered() {
        let t = Date(timeIntervalSince1970: 1_779_098_400)
        let ok = Node(name: "a", status: .online, lastHeartbeatAt: t)
        let overview = { (n: Node) in Overview(thisNodeName: "a", defaultNodeName: "a", nodes: [n], assignments: []) }
        let s0 = ClusterSnapshot(overview: overview(ok), takenAt: t)
        let s1 = ClusterSnapshot(overview: overview(ok), takenAt: t.addingTimeInterval(20))
        var fresh = ok
        fresh.lastHeartbeatAt = t.addingTimeInterval(21)
        let s2 = ClusterSnapshot(overview: overview(fresh), takenAt: t.addingTimeInterval(22))
        #expect(SnapshotDiff.events(from: s0, to: s1).map(\.tone) == [.attention])
        #expect(SnapshotDiff.events(from: s1, to: s2).map(\.tone) == [.good])
    }
}
