import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 21: the alert engine in the app, through `update`: a node that
/// stops beating fires one alert (events pane, header, notification bytes,
/// hook run) and one resolve when it is back; a lost connection is one
/// alert and no node alert.
@Suite struct UpdateAlertsTests {
    let start = TestCluster.now

    func node(_ name: String, beat: Date) -> Node { Node(name: name, status: .online, lastHeartbeatAt: beat, pid: 7) }

    func reply(_ nodes: [Node], digest: Int, at date: Date) -> Message {
        let overview = Overview(thisNodeName: "a", defaultNodeName: "a", nodes: nodes, assignments: [])
        let fetched = Fetched(value: overview, digest: BodyDigest(value: UInt64(digest), length: 1), serverDate: date, byteCount: 1)
        return .overviewFetched(.success(fetched), latency: 0)
    }

    /// Runs `seconds` of a cluster whose nodes beat every 2 s, `b` last at `bStops`; returns every effect.
    func run(_ state: inout AppState, from: Int, seconds: Int, bStops: Double = .infinity) -> [Effect] {
        var effects: [Effect] = []
        for k in from..<(from + seconds) {
            let now = start.addingTimeInterval(Double(k))
            let ticked = Update.update(&state, .tick, now: now)
            effects += ticked
            if ticked.contains(where: { if case .fetchOverview = $0 { true } else { false } }) {
                let beat = start.addingTimeInterval((Double(k) / 2).rounded(.down) * 2)
                let beatB = start.addingTimeInterval(min(bStops, (Double(k) / 2).rounded(.down) * 2))
                effects += Update.update(&state, reply([node("a", beat: beat), node("b", beat: beatB)], digest: k, at: now), now: now)
            }
        }
        return effects
    }

    func hooks(_ effects: [Effect]) -> [(argv: [String], stdin: String)] {
        effects.compactMap { if case .runHook(let argv, let stdin) = $0 { (argv, String(decoding: stdin, as: UTF8.self)) } else { nil } }
    }

    @Test func aNodeThatStopsFiresOnceAndResolvesOnce() throws {
        var config = AppConfig(label: "prod")
        config.notify = .osc9
        config.onAlert = ["/usr/local/bin/page-me", "--team", "ops"]
        var state = AppState(config: config, width: 140, height: 40, now: start)
        #expect(hooks(run(&state, from: 0, seconds: 30)).isEmpty, "a healthy cluster pages nobody")
        let effects = run(&state, from: 30, seconds: 20, bStops: 30)
        let runs = hooks(effects)
        #expect(runs.count == 1, "\(runs)")
        #expect(runs.first?.argv == ["/usr/local/bin/page-me", "--team", "ops", "warning", "node", "b"])
        let json = try #require(runs.first?.stdin)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["text"] as? String == "b late" && object?["state"] as? String == "fired" && object?["cluster"] as? String == "prod")
        let osc = effects.compactMap { if case .notifyTerminal(let bytes) = $0 { bytes } else { nil } }
        #expect(osc.map { String(decoding: $0, as: UTF8.self) } == ["\u{1B}]9;ClusterTUI warning: prod: b late\u{07}"])
        let screen = RootView.render(state).text()
        #expect(screen.contains("1 warning"), "\(screen)")
        #expect(state.events.contains { $0.message == "alert (warning): b late" })
        // b beats again: one resolve.
        let back = hooks(run(&state, from: 50, seconds: 10))
        #expect(back.count == 1 && back.first?.stdin.contains(#""state":"resolved""#) == true, "\(back)")
        #expect(state.loudAlerts.isEmpty)
    }

    /// Killing the server: exactly one connection alert, no node alert, however long it lasts.
    @Test func aLostConnectionIsOneAlertAndNoNodeAlert() {
        var config = AppConfig(label: "prod")
        config.onAlert = ["/bin/true"]
        var state = AppState(config: config, width: 140, height: 40, now: start)
        _ = run(&state, from: 0, seconds: 20)
        var effects: [Effect] = []
        for k in 20..<120 {
            let now = start.addingTimeInterval(Double(k))
            let ticked = Update.update(&state, .tick, now: now)
            effects += ticked
            if ticked.contains(where: { if case .fetchOverview = $0 { true } else { false } }) {
                effects += Update.update(&state, .overviewFetched(.failure(.connectionRefused("127.0.0.1:9")), latency: 0), now: now)
            }
        }
        let runs = hooks(effects)
        #expect(runs.count == 1 && runs.first?.argv.suffix(3) == ["critical", "connection", "prod"], "\(runs.map(\.argv))")
        #expect(!state.events.contains { $0.kind == .alertFired && $0.subject == "b" })
    }

    /// A default node's change was two lines in the events pane: the poll's event and its info alert.
    @Test func aDefaultNodesChangeIsOneEventLine() {
        var state = AppState(config: AppConfig(label: "prod"), width: 140, height: 40, now: start)
        _ = run(&state, from: 0, seconds: 10)
        let now = start.addingTimeInterval(10)
        let moved = Overview(thisNodeName: "a", defaultNodeName: "b", nodes: [node("a", beat: now), node("b", beat: now)], assignments: [])
        let fetched = Fetched(value: moved, digest: BodyDigest(value: 999, length: 1), serverDate: now, byteCount: 1)
        let effects = Update.update(&state, .overviewFetched(.success(fetched), latency: 0), now: now)
        let lines = state.events.filter { $0.message.contains("default node changed") }.map(\.message)
        #expect(lines == ["default node changed from a to b"], "\(lines)")
        #expect(effects.contains { if case .announceAlert = $0 { true } else { false } }, "the alert itself is still told (hooks, watch)")
    }
}
