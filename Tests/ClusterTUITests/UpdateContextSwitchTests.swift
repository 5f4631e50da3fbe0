import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 11: `c` switches the dashboard to another context of the config
/// file without a restart; the old cluster's data is dropped.
@Suite struct UpdateContextSwitchTests {
    static func withContexts(readOnly: Bool = false) -> AppState {
        var config = AppConfig(label: "prod")
        config.readOnly = readOnly
        config.contexts = [ContextChoice(name: "prod", url: "https://prod:3000", hasToken: true),
                           ContextChoice(name: "staging", url: "https://staging:3000", hasToken: false)]
        config.currentContext = "prod"
        return TestCluster.loadedState(config: config)
    }

    /// Issue 11: choosing a context asks the loop to connect, and no poll starts meanwhile.
    @Test func choosingAContextConnectsAndHoldsThePolls() throws {
        var state = Self.withContexts()
        TestCluster.press(&state, .char("c"))
        guard case .contextPicker(let picker)? = state.topOverlay else { Issue.record("no picker"); return }
        #expect(picker.selected == 0, "the picker opens on the current context")
        let text = RootView.render(state).text()
        #expect(text.contains("▶ prod (current)  https://prod:3000  · token"))
        #expect(text.contains("staging  https://staging:3000  · no token"))
        let effects = TestCluster.press(&state, .down, .enter)
        #expect(effects == [.switchContext("staging")])
        #expect(state.switchingTo == "staging")
        let held = Update.update(&state, .tick, now: TestCluster.now.addingTimeInterval(60))
        #expect(!held.contains { if case .fetchOverview = $0 { true } else if case .fetchInstances = $0 { true } else { false } },
                "no poll while switching")
    }

    /// Issue 11: once connected, the old data is gone, the header names the new
    /// context, polling starts over on it, and read-only stays read-only.
    @Test func aSwitchDropsTheOldDataAndKeepsTheMode() throws {
        var state = Self.withContexts(readOnly: true)
        TestCluster.press(&state, .char("c"), .down, .enter)
        let switched = SwitchedContext(name: "staging", label: "staging", overviewInterval: nil, instancesInterval: nil)
        let effects = Update.update(&state, .contextSwitched(.success(switched)), now: state.now)
        #expect(state.snapshot == nil && state.events.isEmpty && state.overlays.isEmpty)
        #expect(state.config.label == "staging" && state.config.currentContext == "staging")
        #expect(state.config.readOnly)
        #expect(RootView.render(state).text().contains("staging"))
        #expect(effects == [.fetchOverview(previous: nil)], "the new cluster is polled at once")
    }

    /// Review of issue 21: a switch kept the first context's hook, so "prod pages nobody" was false after `c`.
    @Test func aSwitchTakesTheNewContextsAlertSettings() {
        var state = Self.withContexts()
        state.config.onAlert = ["/usr/local/bin/page-ops"]
        state.config.notify = .bell
        TestCluster.press(&state, .char("c"), .down, .enter)
        var switched = SwitchedContext(name: "staging", label: "staging", overviewInterval: nil, instancesInterval: nil)
        var settings = AlertSettings()
        settings.rules.flapCount = 7
        switched.alerting = settings
        _ = Update.update(&state, .contextSwitched(.success(switched)), now: state.now)
        #expect(state.config.onAlert.isEmpty && state.config.notify == .none && state.config.alertRules.flapCount == 7)
        #expect(state.alerts.rules.flapCount == 7, "the engine runs with the new rules")
    }

    /// A failed connection keeps the cluster on screen and says why.
    @Test func aFailedSwitchKeepsTheOldCluster() {
        var state = Self.withContexts()
        TestCluster.press(&state, .char("c"), .down, .enter)
        _ = Update.update(&state, .contextSwitched(.failure(.connectionRefused("staging:3000"))), now: state.now)
        #expect(state.snapshot != nil && state.switchingTo == nil)
        #expect(state.notice?.text.hasPrefix("could not switch: connection refused") == true)
        #expect(state.notice?.text.hasSuffix("still on prod") == true)
    }

    /// Without contexts in the config file `c` says so.
    @Test func withoutContextsCExplains() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("c"))
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text.hasPrefix("no contexts in the config file") == true)
    }
}
