import ClusterGrid
@testable import ClusterModel
import Foundation
import Testing
@testable import ClusterApp
@testable import ClusterState
@testable import ClusterViews

/// Issue 21: the alerts list through `update`: `A` opens it, `a`
/// acknowledges (the header's count drops, the record is kept), `z` snoozes
/// in steps, Enter goes to the node.
@Suite struct AlertsListTests {
    func saved(_ effects: [Effect]) -> [AlertQuiet]? {
        effects.lazy.compactMap { if case .saveAlertQuiet(let records) = $0 { records } else { nil } }.first
    }

    /// Guards: alerts could be seen in the header but not listed, acknowledged or snoozed.
    @Test func acknowledgeFromTheListQuietensTheHeaderAndIsKept() throws {
        var state = TestCluster.loadedState()
        #expect(state.loudAlerts == [.critical: 1], "the demo's offline node-d")
        TestCluster.press(&state, .char("A"))
        let screen = RootView.render(state).text()
        #expect(screen.contains("Alerts — a acknowledge") && screen.contains("node-d offline") && screen.contains("FIRING"), "\(screen)")
        let effects = Update.update(&state, .key(.char("a")), now: state.now)
        let records = try #require(saved(effects))
        #expect(records.map(\.id) == ["node:node-d"] && records.first?.acknowledged == true)
        #expect(state.loudAlerts.isEmpty)
        #expect(RootView.render(state).text().contains("acknowledged"))
        // Again: taken back.
        #expect(saved(Update.update(&state, .key(.char("a")), now: state.now)) == [])
        #expect(state.loudAlerts == [.critical: 1])
    }

    /// The selection never moved (`j`, ↓, End): `a` and `z` could only act on the first alert.
    @Test func theMovingKeysPickAnAlert() throws {
        var state = TestCluster.loadedState()
        for step in 1...3 { _ = Update.update(&state, .tick, now: state.now.addingTimeInterval(Double(step) * 10)) }
        let rows = state.alertRows
        try #require(rows.count >= 2, "the test cluster's offline node and its instances at risk")
        TestCluster.press(&state, .char("A"), .char("j"))
        let records = try #require(saved(Update.update(&state, .key(.char("a")), now: state.now)))
        #expect(records.map(\.id) == [rows[1].id], "\(records)")
        TestCluster.press(&state, .end)
        guard case .alerts(let list)? = state.topOverlay else { Issue.record("closed"); return }
        #expect(list.selectedID == state.alertRows.last?.id)
    }

    /// At 60 columns the list had no TEXT column: two rows read "warning demo" and nothing said what was wrong.
    @Test func aNarrowListGivesEachAlertsTextALineOfItsOwn() throws {
        var state = TestCluster.loadedState(width: 60, height: 24)
        for step in 1...3 { _ = Update.update(&state, .tick, now: state.now.addingTimeInterval(Double(step) * 10)) }
        let alert = try #require(state.alertRows.first)
        TestCluster.press(&state, .char("A"))
        let lines = RootView.render(state).lines()
        let row = try #require(lines.firstIndex { $0.contains(alert.severity.word) && $0.contains("FIRING") })
        #expect(lines[row + 1].contains(String(alert.text.prefix(20))), "\(lines.joined(separator: "\n"))")
    }

    /// An alert found at the dashboard's start read SINCE as the time since the start, for a node offline long before.
    @Test func anAlertFoundAtStartSaysAtLeast() throws {
        var state = TestCluster.loadedState()
        for step in 1...3 { _ = Update.update(&state, .tick, now: state.now.addingTimeInterval(Double(step) * 10)) }
        let atStart = try #require(state.alertRows.first { $0.atStart })
        let now = state.serverNow
        #expect(AlertsListView.sinceText(atStart, now: now, absolute: false, glyphs: .unicode).hasPrefix("≥"))
        #expect(AlertsListView.sinceText(atStart, now: now, absolute: true, glyphs: .unicode).hasPrefix("by "))
        var later = atStart
        later.atStart = false
        #expect(!AlertsListView.sinceText(later, now: now, absolute: false, glyphs: .unicode).hasPrefix("≥"))
    }

    /// With absolute times (`t`) the SINCE column cut the clock to "00:59:…".
    @Test func absoluteTimesFitTheSinceColumn() throws {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("t"), .char("A"))
        let row = try #require(RootView.render(state).text().split(separator: "\n").first { $0.contains("node-d offline") })
        let since = try #require(state.alerts.firing.first?.since)
        #expect(row.contains(Fmt.absolute(since, now: state.serverNow) + " "), "\(row)")
    }

    @Test func snoozeStepsThroughItsLengthsThenOff() throws {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("A"))
        var untils: [TimeInterval?] = []
        for _ in 0..<5 {
            let records = try #require(saved(Update.update(&state, .key(.char("z")), now: state.now)))
            untils.append(records.first?.snoozedUntil.map { ($0.timeIntervalSince(state.serverNow) / 60).rounded() })
        }
        #expect(untils == [15, 60, 240, 1440, nil])
    }

    @Test func enterOnANodeAlertSelectsTheNode() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("A"), .enter)
        #expect(state.overlays.isEmpty && state.focus == .nodes)
        #expect(state.selectedNode?.name == "node-d")
    }

    /// An acknowledged alert that fires after a restart is told in the events pane but pages nobody.
    @Test func aQuietAlertRunsNoHookAndRingsNoBell() {
        var config = AppConfig(label: "prod")
        config.notify = .bell
        config.onAlert = ["/bin/true"]
        let quiet = AlertNotice(change: .fired, kind: .node, severity: .critical, subject: "b", subjects: ["b"], text: "b offline",
                                since: TestCluster.now, atStart: true, quiet: true)
        #expect(AlertsFlow.deliveries(quiet, config).isEmpty)
        var loud = quiet
        loud.quiet = false
        #expect(AlertsFlow.deliveries(loud, config).count == 3, "the bell, the announcement (watch prints it), the hook")
        #expect(AlertsFlow.event(quiet, at: TestCluster.now).message.hasSuffix("(acknowledged or snoozed: not paged)"))
    }

    /// The test cluster on the wallboard, `width`×40.
    static func wallboard(width: Int) -> AppState {
        var config = AppConfig(label: "prod")
        config.wallboard = true
        var state = TestCluster.loadedState(config: config)
        state.width = width
        state.height = 40
        return state
    }

    /// Guards: the wallboard had no word on alerts; ALL CLEAR only when nothing is loud.
    @Test func theWallboardBandSaysWhatIsLoudOrAllClear() {
        var state = Self.wallboard(width: 120)
        var screen = RootView.render(state).text()
        #expect(screen.contains("⚠ 1 CRITICAL  node-d offline"), "\(screen)")
        #expect(!screen.contains("ALL CLEAR"))
        state.alerts.acknowledge("node:node-d")
        // Nothing else holding before it alerts (the test cluster's skew and at-risk instance would).
        state.alerts.rules.disabled = [.versionSkew, .instancesAtRisk]
        screen = RootView.render(state).text()
        #expect(screen.contains("✓ ALL CLEAR  ·  1 acknowledged or snoozed"), "\(screen)")
    }

    /// Guards a false ALL CLEAR: for the 15 s an instance at risk holds before it alerts, the band read ALL CLEAR under AT RISK 3.
    @Test func theWallboardBandSaysWhatIsAboutToAlert() {
        var state = Self.wallboard(width: 160)
        state.alerts.acknowledge("node:node-d")
        let screen = RootView.render(state).text()
        #expect(!screen.contains("ALL CLEAR"), "\(screen)")
        #expect(screen.contains("◌ 2 PENDING  1 instance at risk (alerts in 15s) · version skew"), "\(screen)")
        #expect(screen.contains("(alerts in 5m00s)  (1 acknowledged or snoozed)"), "\(screen)")
    }
}
