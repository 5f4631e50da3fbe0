import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterRuntime
import ClusterState
import ClusterViews

/// Issue 23: clusters polled in the background alert too — a line in the
/// events pane named with the context, the notification and hook, and a
/// count in the fleet's ALERTS column; resolved when they recover.
@Suite struct FleetAlertsTests {
    static func announced(_ effects: [Effect]) -> [AlertHookMessage] {
        effects.compactMap { if case .announceAlert(let message) = $0 { message } else { nil } }
    }

    /// An unreachable background cluster fires its connection alert, named with its context.
    @Test func unreachableBackgroundClusterAlerts() {
        var state = TestCluster.withContexts(["alpha", "beta"])
        TestCluster.press(&state, .char("F"))
        let effects = Update.update(&state, .fleetOverview(context: "beta", .failure(.connectionRefused("beta:1")), latency: 0.01), now: state.now)
        #expect(Self.announced(effects).map(\.cluster) == ["beta"])
        #expect(state.events.last?.subject.hasPrefix("beta · ") == true, "\(state.events.last?.subject ?? "")")
        #expect(FleetRows.make(state).first { $0.name == "beta" }?.alerts == 1)
        // It answers again: resolved, and the column goes back to 0.
        let later = state.now.addingTimeInterval(11)
        var healthy = TestCluster.overview
        healthy.nodes = healthy.nodes.filter { $0.name == "node-a" }
        healthy.assignments = []
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(healthy)), latency: 0.01), now: later)
        #expect(state.events.last?.kind == .alertResolved)
        #expect(FleetRows.make(state).first { $0.name == "beta" }?.alerts == 0)
    }

    /// A background cluster's alert read in the events pane as the open cluster's ("worker-02 late"), and the events log gave it the open cluster's URL.
    @Test func aBackgroundAlertNamesItsClusterInThePaneAndTheLog() throws {
        var state = TestCluster.withContexts(["alpha", "beta"])
        TestCluster.press(&state, .char("F"))
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(TestCluster.overview)), latency: 0.01), now: state.now)
        TestCluster.press(&state, .escape)
        let text = RootView.render(state).text()
        #expect(text.contains("beta · alert (critical)"), "\(text)")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-events-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try EventsLog(path: path)
        log.catchUp(state, cluster: "https://alpha")
        log.flush()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let beta = try #require(lines.first { $0.contains("\"context\":\"beta\"") }, "\(lines)")
        #expect(beta.contains("\"cluster\":\"https://beta\"") && !beta.contains("https://alpha"), "\(beta)")
        #expect(lines.contains { !$0.contains("\"context\"") && $0.contains("\"cluster\":\"https://alpha\"") }, "the open cluster's own events")
    }

    /// A dead node on a background cluster alerts, without anyone opening it.
    @Test func deadNodeOnABackgroundClusterAlerts() {
        var state = TestCluster.withContexts(["alpha", "beta"])
        TestCluster.press(&state, .char("F"))
        let effects = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(TestCluster.overview)), latency: 0.01),
                                    now: state.now)
        #expect(Self.announced(effects).contains { $0.cluster == "beta" && $0.kind == "node" }, "\(Self.announced(effects))")
    }

    /// Opening a cluster whose alerts the background engine told once told them again "at start" (review, issue 23).
    @Test func openingATroubledClusterDoesNotTellItsAlertsAgain() {
        var state = TestCluster.withContexts(["alpha", "beta"])
        TestCluster.press(&state, .char("F"))
        let fired = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(TestCluster.overview)), latency: 0.01),
                                  now: state.now)
        #expect(!Self.announced(fired).isEmpty)
        _ = Update.update(&state, .contextSwitched(.success(SwitchedContext(name: "beta", label: "beta"))), now: state.now)
        let later = state.now.addingTimeInterval(1)
        let opened = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview, digest: 3)), latency: 0.01), now: later)
        #expect(Self.announced(opened).filter { $0.kind == "node" }.isEmpty, "\(Self.announced(opened))")
        // A late background reply for the cluster now open is dropped, not run through a second engine.
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(TestCluster.overview)), latency: 0.01), now: later)
        #expect(state.fleetAlerts["beta"] == nil)
    }

    /// The cluster left behind never keeps an at-risk alert the background cannot judge (review, issue 23).
    @Test func leftClusterDropsItsAtRiskAlert() {
        var state = TestCluster.withContexts(["alpha", "beta"])
        for step in 0..<3 { _ = Update.update(&state, .tick, now: state.now.addingTimeInterval(Double(step) * 10)) }
        #expect(state.alerts.alerts.values.contains { $0.kind == .instancesAtRisk }, "the test cluster has instances at risk")
        _ = Update.update(&state, .contextSwitched(.success(SwitchedContext(name: "beta", label: "beta"))), now: state.now)
        #expect(state.fleetAlerts["alpha"]?.alerts.values.contains { $0.kind == .instancesAtRisk } == false)
    }

    /// An acknowledged at-risk alert paged again after `c` away and back, and its acknowledgements file was emptied.
    @Test func anAcknowledgementSurvivesASwitchAwayAndBack() throws {
        var state = TestCluster.withContexts(["alpha", "beta"])
        for step in 0..<3 { _ = Update.update(&state, .tick, now: state.now.addingTimeInterval(Double(step) * 10)) }
        let atRisk = try #require(state.alerts.alerts.values.first { $0.kind == .instancesAtRisk })
        let acknowledged = state.alerts.acknowledge(atRisk.id)
        #expect(acknowledged)
        let kept = state.alerts.quietRecords
        _ = Update.update(&state, .contextSwitched(.success(SwitchedContext(name: "beta", label: "beta"))), now: state.now)
        var back = SwitchedContext(name: "alpha", label: "alpha")
        back.quietAlerts = kept  // what the store gives back
        _ = Update.update(&state, .contextSwitched(.success(back)), now: state.now)
        var effects: [Effect] = []
        let t = state.now.addingTimeInterval(1)
        effects += Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview, digest: 5)), latency: 0.01), now: t)
        effects += Update.update(&state, .tick, now: t)
        effects += Update.update(&state, TestCluster.listed(TestCluster.fetched(InstanceList(instances: TestCluster.instances), digest: 6)), now: t)
        for step in 1...3 { effects += Update.update(&state, .tick, now: t.addingTimeInterval(Double(step) * 10)) }
        #expect(!Self.announced(effects).contains { $0.kind == "instances-at-risk" }, "\(Self.announced(effects))")
        #expect(!effects.contains { if case .saveAlertQuiet(let records) = $0 { !records.contains { $0.id == atRisk.id } } else { false } },
                "the kept acknowledgement was never dropped from the file")
        #expect(state.alerts.alerts[atRisk.id]?.acknowledged == true)
    }
}
