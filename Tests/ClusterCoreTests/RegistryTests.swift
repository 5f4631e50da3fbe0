import ClusterCore
import ClusterModel
import Foundation
import Testing

/// The node registry: sweep, heartbeats, shutdown, default-node resolution.
@Suite struct RegistryTests {
    func start(_ clock: ManualClusterClock, _ change: (inout CoreOptions) -> Void = { _ in }) async throws -> EmbeddedCluster {
        var options = Harness.coreOptions(clock: clock, demo: nil)
        change(&options)
        return try await EmbeddedCluster.start(options)
    }

    func node(_ cluster: EmbeddedCluster, _ name: String) async throws -> Node? {
        try await cluster.overview().nodes.first { $0.name == name }
    }

    @Test func silentNodesAreSweptOfflineAndAHeartbeatBringsThemBack() async throws {
        let clock = ManualClusterClock()
        let cluster = try await start(clock)
        defer { Task { await cluster.shutdown() } }
        try await cluster.register(NodeRegistration(name: "peer", role: .worker))
        try await cluster.register(NodeRegistration(name: "drainer", role: .worker), status: .draining)
        clock.advance(by: 29)
        #expect(try await cluster.sweepNow() == 0)
        try await cluster.heartbeatNow()
        try await cluster.heartbeat(nodes: ["drainer"])
        clock.advance(by: 2)
        #expect(try await cluster.sweepNow() == 1)
        #expect(try await node(cluster, "peer")?.status == .offline)
        #expect(try await node(cluster, "drainer")?.status == .draining)
        #expect(try await node(cluster, "this-node")?.status == .online)
        try await cluster.heartbeat(nodes: ["peer"])
        #expect(try await node(cluster, "peer")?.status == .online)
    }

    @Test func cleanShutdownMarksThisNodeOffline() async throws {
        let clock = ManualClusterClock()
        let cluster = try await start(clock)
        await cluster.shutdown()
        #expect(try await node(cluster, "this-node")?.status == .offline)
    }

    @Test func defaultNodeIsFirstOnlineMainElseThisNodeAndIsCached() async throws {
        let clock = ManualClusterClock()
        let cluster = try await start(clock)
        defer { Task { await cluster.shutdown() } }
        #expect(try await cluster.defaultNodeName() == "this-node")  // a worker, but nothing else is online
        try await cluster.register(NodeRegistration(name: "main-b", role: .main))
        #expect(try await cluster.defaultNodeName() == "this-node")  // cached for 10 s
        clock.advance(by: 10)
        #expect(try await cluster.defaultNodeName() == "main-b")
        try await cluster.setStatus(of: "main-b", to: .offline)
        clock.advance(by: 10)
        #expect(try await cluster.defaultNodeName() == "this-node")
        #expect(try await cluster.overview().defaultNodeName == "this-node")
    }

    @Test func configuredDefaultNodeWins() async throws {
        let clock = ManualClusterClock()
        let cluster = try await start(clock) { $0.defaultNodeName = "pinned" }
        defer { Task { await cluster.shutdown() } }
        #expect(try await cluster.overview().defaultNodeName == "pinned")
    }

    /// The timers themselves: short intervals on the real clock, bounded wait.
    @Test(.timeLimit(.minutes(1))) func timersHeartbeatAndSweepOnTheirOwn() async throws {
        var options = Harness.coreOptions(clock: ManualClusterClock(), demo: nil)
        options.clock = SystemClusterClock()
        options.heartbeat = 0.2
        options.offlineAfter = 2
        options.runsTimers = true
        let cluster = try await EmbeddedCluster.start(options)
        defer { Task { await cluster.shutdown() } }
        try await cluster.register(NodeRegistration(name: "doomed", role: .worker))
        let deadline = Date().addingTimeInterval(30)
        var status = try await node(cluster, "doomed")?.status
        while status != .offline, Date() < deadline {
            try await Task.sleep(nanoseconds: 100_000_000)
            status = try await node(cluster, "doomed")?.status
        }
        #expect(status == .offline)
        // The core's own node keeps heartbeating: its timestamp advances and it is
        // (again) online. Compared with itself, not with the wall clock, and waited
        // for, so a loaded machine that delays one heartbeat cannot make this flake.
        let first = try #require(try await node(cluster, "this-node")?.lastHeartbeatAt)
        var this = try #require(try await node(cluster, "this-node"))
        while !(this.status == .online && (this.lastHeartbeatAt ?? first) > first),
              Date() < deadline.addingTimeInterval(20) {
            try await Task.sleep(nanoseconds: 100_000_000)
            this = try #require(try await node(cluster, "this-node"))
        }
        #expect(this.status == .online)
        #expect(try #require(this.lastHeartbeatAt) > first)
    }
}
