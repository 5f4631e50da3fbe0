import Foundation
import Testing
import ClusterModel

/// Issue 21: acknowledgements and snoozes, and what survives a restart.
@Suite struct AlertQuietTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func look(_ at: TimeInterval, _ healths: [String: HeartbeatHealth], atRisk: Int? = 0, stale: String? = nil) -> AlertInput {
        var input = AlertInput(cluster: "prod", now: t0.addingTimeInterval(at), staleBecause: stale)
        input.nodes = healths.sorted { $0.key < $1.key }.map { (Node(name: $0.key, pid: 1), $0.value) }
        input.defaultNode = "a"
        input.atRisk = atRisk
        return input
    }

    /// Guards: a restarted dashboard paged again for an alert the operator had acknowledged.
    @Test func anAcknowledgedAlertStaysQuietAfterARestart() {
        var before = AlertEngine()
        _ = before.evaluate(look(0, ["a": .ok, "b": .offline]))
        before.acknowledge("node:b")
        let kept = before.quietRecords
        #expect(kept.map(\.id) == ["node:b"] && kept.first?.severity == .critical && kept.first?.acknowledged == true)

        var after = AlertEngine()
        after.restore(kept)
        let notices = after.evaluate(look(100, ["a": .ok, "b": .offline]))
        #expect(notices.map(\.change) == [.fired] && notices.first?.quiet == true, "told, but quiet: \(notices)")
        #expect(after.loudCounts(now: t0.addingTimeInterval(100)).isEmpty)
        #expect(after.quietRecords == kept, "still kept for the next start")
    }

    /// An acknowledgement of a lesser alert does not silence a worse one after a restart.
    @Test func aWorseAlertAfterARestartPagesAgain() {
        var after = AlertEngine()
        after.restore([AlertQuiet(id: "node:b", kind: .node, severity: .warning, acknowledged: true, snoozedUntil: nil)])
        let notices = after.evaluate(look(0, ["a": .ok, "b": .offline]))
        #expect(notices.first?.quiet == false)
        #expect(after.loudCounts(now: t0) == [.critical: 1])
    }

    /// A kept acknowledgement whose alert resolved while nobody watched is dropped at the first fresh look.
    @Test func aKeptAcknowledgementOfAResolvedAlertIsDropped() {
        var after = AlertEngine()
        after.restore([AlertQuiet(id: "node:b", kind: .node, severity: .critical, acknowledged: true, snoozedUntil: nil)])
        _ = after.evaluate(look(0, [:], atRisk: nil, stale: "connection refused"))
        #expect(after.quietRecords.count == 1, "stale data says nothing about node b: kept")
        _ = after.evaluate(look(5, ["a": .ok, "b": .ok]))
        #expect(after.quietRecords.isEmpty)
        // …so the next time b goes down, it pages.
        #expect(after.evaluate(look(10, ["a": .ok, "b": .offline])).first?.quiet == false)
    }

    /// A snooze that runs out on an alert still firing is loud again and told once; resolving drops the record.
    @Test func aSnoozeEndsLoudAndResolvingForgetsIt() {
        var engine = AlertEngine()
        _ = engine.evaluate(look(0, ["a": .ok, "b": .late]))
        engine.snooze("node:b", until: t0.addingTimeInterval(60))
        #expect(engine.evaluate(look(30, ["a": .ok, "b": .late])).isEmpty)
        #expect(engine.loudCounts(now: t0.addingTimeInterval(30)).isEmpty)
        let ended = engine.evaluate(look(61, ["a": .ok, "b": .late]))
        #expect(ended.map(\.change) == [.snoozeEnded] && ended.first?.text == "still: b late" && ended.first?.quiet == false)
        #expect(engine.evaluate(look(62, ["a": .ok, "b": .late])).isEmpty, "told once")
        engine.acknowledge("node:b")
        #expect(engine.quietRecords.count == 1)
        _ = engine.evaluate(look(70, ["a": .ok, "b": .ok]))
        #expect(engine.quietRecords.isEmpty)
    }
}
