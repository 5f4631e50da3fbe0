import Foundation
import Testing
import ClusterModel

/// Issue 21: the alert engine, pure: fire after the hold, one alert per
/// subject until it resolves, rising severity, grouping, nothing from stale
/// data, "at start" for what was already wrong.
@Suite struct AlertEngineTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func look(_ at: TimeInterval, _ healths: [String: HeartbeatHealth], atRisk: Int? = 0, stale: String? = nil,
              defaultNode: String = "a", pids: [String: Int] = [:]) -> AlertInput {
        var input = AlertInput(cluster: "prod", now: t0.addingTimeInterval(at), staleBecause: stale)
        input.nodes = healths.sorted { $0.key < $1.key }.map { (Node(name: $0.key, pid: pids[$0.key] ?? 1), $0.value) }
        input.defaultNode = defaultNode
        input.atRisk = atRisk
        return input
    }

    @Test func aNodeThatDiesFiresOnceRisesAndResolves() {
        var engine = AlertEngine()
        #expect(engine.evaluate(look(0, ["a": .ok, "b": .ok])).isEmpty)
        let late = engine.evaluate(look(2, ["a": .ok, "b": .late]))
        #expect(late.map(\.change) == [.fired] && late.first?.text == "b late" && late.first?.severity == .warning)
        #expect(engine.evaluate(look(4, ["a": .ok, "b": .late])).isEmpty, "deduped until resolved")
        let silent = engine.evaluate(look(6, ["a": .ok, "b": .stale]))
        #expect(silent.map(\.change) == [.escalated] && silent.first?.text == "b silent" && silent.first?.severity == .critical)
        #expect(engine.loudCounts(now: t0) == [.critical: 1])
        let back = engine.evaluate(look(8, ["a": .ok, "b": .ok]))
        #expect(back.map(\.change) == [.resolved] && back.first?.text == "b is back")
        #expect(engine.alerts.isEmpty)
    }

    /// Killing the server: one connection alert, no node alert; node alerts resume only from fresh data.
    @Test func staleDataGivesOneConnectionAlertAndFreezesTheRest() {
        var engine = AlertEngine()
        _ = engine.evaluate(look(0, ["a": .ok, "b": .late]))
        let lost = engine.evaluate(look(5, [:], atRisk: nil, stale: "connection refused"))
        #expect(lost.count == 1 && lost.first?.kind == .connection && lost.first?.text == "connection lost: connection refused")
        #expect(engine.evaluate(look(30, [:], atRisk: nil, stale: "connection refused")).isEmpty)
        #expect(engine.alerts["node:b"]?.isFiring == true, "frozen, not resolved by stale data")
        let fresh = engine.evaluate(look(32, ["a": .ok, "b": .ok]))
        #expect(Set(fresh.map(\.text)) == ["connection recovered", "b is back"])
    }

    /// Nothing fires from stale data: a pending alert whose hold ends while stale waits for fresh data.
    @Test func aHoldEndingWhileStaleDoesNotFire() {
        var engine = AlertEngine()
        _ = engine.evaluate(look(0, ["a": .ok]))
        #expect(engine.evaluate(look(1, ["a": .ok], atRisk: 4)).isEmpty, "held for 15 s")
        let stale = engine.evaluate(look(20, [:], atRisk: nil, stale: "timed out"))
        #expect(stale.map(\.kind) == [.connection])
        let fresh = engine.evaluate(look(22, ["a": .ok], atRisk: 4))
        #expect(fresh.contains { $0.kind == .instancesAtRisk && $0.text == "4 instances at risk" })
    }

    @Test func problemsPresentAtStartSaySo() {
        var engine = AlertEngine()
        let first = engine.evaluate(look(0, ["a": .ok, "b": .offline], atRisk: nil))
        #expect(first.map(\.text) == ["at start: b offline"])
        // The instance list comes in later: its problems were there at start too, and wait for their hold.
        #expect(engine.evaluate(look(2, ["a": .ok, "b": .offline], atRisk: 3)).isEmpty)
        let held = engine.evaluate(look(17, ["a": .ok, "b": .offline], atRisk: 3))
        #expect(held.map(\.text) == ["at start: 3 instances at risk"])
        #expect(first.allSatisfy { $0.atStart } && held.allSatisfy { $0.atStart })
    }

    /// A mass failure is one notice, never one per node.
    @Test func aMassFailureIsOneNotice() {
        var engine = AlertEngine()
        var healths = Dictionary(uniqueKeysWithValues: (0..<37).map { ("w-\($0)", HeartbeatHealth.ok) })
        healths["a"] = .ok
        _ = engine.evaluate(look(0, healths))
        for i in 0..<37 { healths["w-\(i)"] = .stale }
        let notices = engine.evaluate(look(10, healths))
        #expect(notices.count == 1)
        #expect(notices.first?.text.hasPrefix("37 nodes silent on prod: ") == true, "\(notices)")
        #expect(notices.first?.subjects.count == 37)
        #expect(engine.firing.count == 37, "the list still has each node")
    }

    @Test func acknowledgedAndSnoozedAlertsAreQuiet() throws {
        var engine = AlertEngine()
        _ = engine.evaluate(look(0, ["a": .ok]))
        _ = engine.evaluate(look(1, ["a": .ok, "b": .late, "c": .offline]))
        engine.acknowledge("node:b")
        engine.snooze("node:c", until: t0.addingTimeInterval(60))
        #expect(engine.loudCounts(now: t0.addingTimeInterval(30)).isEmpty)
        #expect(engine.loudCounts(now: t0.addingTimeInterval(61)) == [.critical: 1])
        // A rise un-acknowledges: worse news pages again.
        let rose = engine.evaluate(look(2, ["a": .ok, "b": .stale, "c": .offline]))
        #expect(rose.map(\.change) == [.escalated])
        #expect(engine.alerts["node:b"]?.acknowledged == false)
    }

    @Test func flappingNodesAreFound() {
        var engine = AlertEngine()
        var notices: [AlertNotice] = []
        for i in 0..<5 { notices += engine.evaluate(look(Double(i) * 30, ["a": .ok, "b": .ok], pids: ["b": 100 + i])) }
        #expect(notices.contains { $0.kind == .flapping && $0.text.hasPrefix("b restarted or changed status 3 times") }, "\(notices)")
    }

    @Test func aDefaultNodeChangeIsToldOnce() {
        var engine = AlertEngine()
        _ = engine.evaluate(look(0, ["a": .ok, "b": .ok]))
        let changed = engine.evaluate(look(2, ["a": .ok, "b": .ok], defaultNode: "b"))
        #expect(changed.map(\.text) == ["default node changed: a → b"] && changed.first?.severity == .info)
        #expect(engine.evaluate(look(4, ["a": .ok, "b": .ok], defaultNode: "b")).isEmpty)
    }
}
