import ClusterModel
import Foundation
import Testing
@testable import ClusterApp
@testable import ClusterState

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

    /// A dead node on a background cluster alerts, without anyone opening it.
    @Test func deadNodeOnABackgroundClusterAlerts() {
        var state = TestCluster.withContexts(["alpha", "beta"])
        TestCluster.press(&state, .char("F"))
        let effects = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(TestCluster.overview)), latency: 0.01),
                                    now: state.now)
        #expect(Self.announced(effects).contains { $0.cluster == "beta" && $0.kind == "node" }, "\(Self.announced(effects))")
    }
}
