import ClusterModel
import Foundation

/// The in-process cluster core: the store, this node's registry entry with
/// its heartbeat and sweep timers, assignments with their audit log, and
/// optionally the demo. The dashboard and `clustertui get` read it through
/// `ClusterReading` when no URL is given; the HTTP server serves it.
///
/// Digests are revision counters, not body hashes: every write through this
/// core bumps a counter, and for a shared file SQLite's `data_version` adds
/// other processes' commits, so an unchanged state answers `value: nil`
/// without touching the tables.
public final class EmbeddedCluster: ClusterReading, Sendable {
    public let store: ClusterStore
    public let options: CoreOptions
    let state = LockedBox(CoreState())

    /// The name this node registered under (`thisNodeName`).
    public var thisNodeName: String { options.node.name }
    var clock: any ClusterClock { options.clock }

    init(store: ClusterStore, options: CoreOptions) {
        self.store = store; self.options = options
    }

    /// Opens the store, registers this node, seeds the demo if asked (and the
    /// catalogue is empty) and starts the timers.
    public static func start(_ options: CoreOptions) async throws -> EmbeddedCluster {
        let store = try ClusterStore(path: options.dbPath)
        let cluster = EmbeddedCluster(store: store, options: options)
        try await store.register(options.node, at: options.clock.now())
        if let demo = options.demo {
            try await DemoSeeder(cluster: cluster, options: demo).seedIfEmpty()
        }
        _ = try await cluster.sweepNow()
        cluster.didWrite(instances: true)
        if options.runsTimers { cluster.startTimers() }
        return cluster
    }

    /// The embedded default: an in-memory demo cluster of ~8 nodes and ~150 instances.
    public static func startDemo() async throws -> EmbeddedCluster {
        try await start(CoreOptions(demo: DemoOptions()))
    }

    /// A writer that records `u_local` as the acting user.
    public func makeWriter() -> any ClusterWriting { EmbeddedWriter(cluster: self, actor: "u_local") }

    /// A writer acting as `actor` (the HTTP server passes the session's user).
    public func makeWriter(actor: String) -> any ClusterWriting { EmbeddedWriter(cluster: self, actor: actor) }

    /// Stops the timers and marks this node offline, as a clean shutdown does. Safe to call twice.
    public func shutdown() async {
        let tasks = state.withLock { s -> [Task<Void, Never>] in
            defer { s.tasks = []; s.isShutDown = true }
            return s.isShutDown ? [] : s.tasks
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        try? await store.setStatus(thisNodeName, .offline)
        didWrite(instances: false)
    }

    // MARK: - ClusterReading

    public func overview(unlessUnchangedFrom previous: BodyDigest?) async throws -> Fetched<Overview> {
        try await fetched { try await overviewSnapshot(unlessUnchangedFrom: previous) }
    }

    public func instances(unlessUnchangedFrom previous: BodyDigest?) async throws -> Fetched<InstanceList> {
        try await fetched { try await instancesSnapshot(unlessUnchangedFrom: previous) }
    }

    /// A read as a `Fetched` reply, the core's errors as the client's.
    private func fetched<Value: Sendable>(_ read: () async throws -> (Value?, BodyDigest)) async throws -> Fetched<Value> {
        do {
            let (value, digest) = try await read()
            return Fetched(value: value, digest: digest, serverDate: clock.now(), byteCount: 0)
        } catch let error as CoreError {
            throw error.clusterError
        }
    }
}

/// The mutable bookkeeping of one core: revisions, caches, timers.
struct CoreState: Sendable {
    /// Bumped by every write (nodes, assignments, catalogue).
    var revision: UInt64 = 0
    /// Bumped by writes that change the instance list (assignments, catalogue).
    var instancesRevision: UInt64 = 0
    var defaultNode: (name: String, resolvedAt: Date)?
    var overviewCache: (digest: BodyDigest, value: Overview)?
    var instancesCache: (digest: BodyDigest, value: InstanceList)?
    var tasks: [Task<Void, Never>] = []
    var isShutDown = false
}
