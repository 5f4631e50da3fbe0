import ClusterModel
import Foundation

/// Writes: assignments (validated exactly as the server does) and the
/// registry operations the timers, the demo and tests drive.
extension EmbeddedCluster {
    /// Validates and stores a binding. `nodeName` is trimmed; an unknown or
    /// missing `mode` becomes `strict`, as on the server.
    public func setAssignment(
        _ key: EntityKey, nodeName: String?, mode: String?, actor: String
    ) async throws(CoreError) -> Assignment {
        guard key.entityType.isKnown else { throw .invalidEntityType }
        let name = (nodeName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .nodeNameRequired }
        let stored: AssignmentMode = mode == AssignmentMode.preferred.rawValue ? .preferred : .strict
        do {
            let row = try await store.setAssignment(key, nodeName: name, mode: stored, actor: actor, at: clock.now())
            didWrite(instances: true)
            return row
        } catch let error as CoreError {
            throw error
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// Removes a binding; false when none existed.
    public func deleteAssignment(_ key: EntityKey, actor: String) async throws(CoreError) -> Bool {
        guard key.entityType.isKnown else { throw .invalidEntityType }
        do {
            let removed = try await store.deleteAssignment(key, actor: actor, at: clock.now())
            if removed { didWrite(instances: true) }
            return removed
        } catch let error as CoreError {
            throw error
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// Adds tenants and entities to the catalogue (replacing same keys), for
    /// tests and tools that need particular instances beside or instead of the demo.
    public func addToCatalogue(tenants: [Tenant] = [], entries: [CatalogueEntry]) async throws {
        try await store.seed(tenants: tenants, entries: entries)
        didWrite(instances: true)
    }

    /// Registers (or re-registers, as after a restart) a node as online now.
    public func register(_ node: NodeRegistration, status: NodeStatus = .online) async throws {
        try await store.register(node, status: status, at: clock.now())
        didWrite(instances: false)
    }

    /// Heartbeats this node now; re-registers it if its row vanished.
    public func heartbeatNow() async throws {
        if try await !store.heartbeat([thisNodeName], at: clock.now()) {
            try await store.register(options.node, at: clock.now())
        }
        didWrite(instances: false)
    }

    /// Heartbeats other nodes (the demo's simulated ones).
    public func heartbeat(nodes names: [String]) async throws {
        guard !names.isEmpty else { return }
        _ = try await store.heartbeat(names, at: clock.now())
        didWrite(instances: false)
    }

    /// Sets a node's status (draining, offline…).
    public func setStatus(of name: String, to status: NodeStatus) async throws {
        try await store.setStatus(name, status)
        didWrite(instances: false)
    }

    /// Marks offline every node silent for longer than `offlineAfter`; returns how many.
    @discardableResult
    public func sweepNow() async throws -> Int {
        let changed = try await store.sweep(olderThan: clock.now().addingTimeInterval(-options.offlineAfter))
        if changed > 0 { didWrite(instances: false) }
        return changed
    }
}
