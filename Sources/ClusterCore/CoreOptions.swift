import ClusterModel
import Foundation

/// Everything that shapes one running core: where its database lives, who
/// this node is, the registry's timings, the demo, and the clock.
public struct CoreOptions: Sendable {
    /// SQLite file shared with other `serve` processes; `nil` = in memory.
    public var dbPath: String?
    /// This node's registry row.
    public var node: NodeRegistration
    /// Seconds between this node's heartbeats (`NODE_HEARTBEAT_MS`, 10 s).
    public var heartbeat: TimeInterval
    /// A node whose last heartbeat is older than this is swept offline (30 s).
    public var offlineAfter: TimeInterval
    /// Seconds between sweeps; `nil` = max(heartbeat, offlineAfter).
    ///
    /// The product runs it every max(heartbeat, 30 s) with a 30 s threshold;
    /// tying it to the threshold instead of the constant 30 gives the same
    /// figure with the defaults and lets short test thresholds sweep promptly.
    public var sweepInterval: TimeInterval?
    /// `CLUSTER_DEFAULT_NODE_NAME`: fixes the default node when set.
    public var defaultNodeName: String?
    /// How long a resolved default node is reused (10 s).
    public var defaultNodeCacheTTL: TimeInterval
    /// Seed and simulate a demo cluster.
    public var demo: DemoOptions?
    /// Where "now" comes from.
    public var clock: any ClusterClock
    /// Run the heartbeat, sweep and demo timers. Tests turn them off and
    /// drive `heartbeatNow()`, `sweepNow()` and the clock by hand.
    public var runsTimers: Bool

    public init(
        dbPath: String? = nil, node: NodeRegistration = .thisProcess(version: ClusterCoreInfo.version),
        heartbeat: TimeInterval = 10, offlineAfter: TimeInterval = 30, sweepInterval: TimeInterval? = nil,
        defaultNodeName: String? = nil, defaultNodeCacheTTL: TimeInterval = 10, demo: DemoOptions? = nil,
        clock: any ClusterClock = SystemClusterClock(), runsTimers: Bool = true
    ) {
        self.dbPath = dbPath; self.node = node; self.heartbeat = heartbeat; self.offlineAfter = offlineAfter
        self.sweepInterval = sweepInterval; self.defaultNodeName = defaultNodeName
        self.defaultNodeCacheTTL = defaultNodeCacheTTL; self.demo = demo; self.clock = clock; self.runsTimers = runsTimers
    }

    /// The interval the sweep actually runs at.
    public var effectiveSweepInterval: TimeInterval { sweepInterval ?? max(heartbeat, offlineAfter) }
}

/// The size and pace of the demo cluster.
public struct DemoOptions: Sendable, Hashable {
    /// Nodes in the registry, this one included (~8 by default, up to 1,000).
    public var nodes: Int
    /// Catalogue entities across all tenants (~150 by default, up to 100,000).
    public var instances: Int
    /// Seconds between simulator steps.
    public var tick: TimeInterval
    public init(nodes: Int = 8, instances: Int = 150, tick: TimeInterval = 1) {
        self.nodes = max(1, nodes); self.instances = max(0, instances); self.tick = tick
    }
}

/// Facts about this build of the core.
public enum ClusterCoreInfo {
    /// The version this node reports in the registry.
    public static let version = "1.4.0"
}
