import ClusterCore
import ClusterModel
import Foundation
import Testing

/// The demo: its shape at default size, its behaviour over time, its scale.
@Suite struct DemoTests {
    @Test func defaultDemoHasEveryKindOfNodeAndRisk() async throws {
        // Start-up speed is a benchmark figure (first_frame_ms), not a timed test.
        // The default demo on a clock that stands still and without its timers:
        // on a loaded machine seeding took over 30 s of real time, so the start's
        // own sweep found a freshly seeded node silent and marked it offline.
        let cluster = try await EmbeddedCluster.start(CoreOptions(demo: DemoOptions(), clock: ManualClusterClock(), runsTimers: false))
        let overview = try await cluster.overview()
        let list = try await cluster.instances().instances
        await cluster.shutdown()
        #expect(overview.nodes.count == 8)
        #expect(list.count == 150)
        #expect(overview.nodes.filter { $0.status == .offline }.count == 3)
        #expect(overview.nodes.contains { $0.status == .draining })
        let offline = Set(overview.nodes.filter { $0.status == .offline }.map(\.name))
        #expect(overview.assignments.contains { $0.mode == .strict && offline.contains($0.nodeName) })
        #expect(overview.assignments.contains { a in !overview.nodes.contains { $0.name == a.nodeName } })
    }

    /// Simulated time: the flaky node goes silent, is swept offline, and restarts with a new pid.
    @Test func flakyNodeDiesIsSweptAndComesBack() async throws {
        let clock = ManualClusterClock()
        var options = Harness.coreOptions(clock: clock)
        options.demo = DemoOptions(nodes: 8, instances: 20)
        let cluster = try await EmbeddedCluster.start(options)
        defer { Task { await cluster.shutdown() } }
        let simulator = cluster.makeDemoSimulator()
        var seen: [NodeStatus] = []
        var pids: Set<Int> = []
        for _ in 0..<200 {
            clock.advance(by: 1)
            try await simulator.step()
            try await cluster.heartbeatNow()
            try await cluster.sweepNow()
            let flaky = try #require(try await cluster.overview().nodes.first { $0.name == "worker-02" })
            if seen.last != flaky.status { seen.append(flaky.status) }
            if let pid = flaky.pid { pids.insert(pid) }
        }
        #expect(seen.starts(with: [.online, .offline, .online]))
        #expect(pids.count >= 2)
        let versions = Set(try await cluster.overview().nodes.compactMap(\.version))
        #expect(versions.contains("1.4.1"))  // the rolling upgrade has started
    }

    @Test(.timeLimit(.minutes(2))) func demoScalesToAThousandNodesAndAHundredThousandInstances() async throws {
        let cluster = try await EmbeddedCluster.start(
            CoreOptions(demo: DemoOptions(nodes: 1000, instances: 100_000), runsTimers: false))
        let list = try await cluster.instances()
        let overview = try await cluster.overview()
        await cluster.shutdown()
        #expect(list.instances.count == 100_000)
        #expect(overview.nodes.count == 1000)
    }
}
