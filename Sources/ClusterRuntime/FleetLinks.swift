import ClusterModel
import ClusterState
import Foundation

/// The other contexts' connections for the fleet screen (issue 23): one per
/// context, made on first use by the same connector as a context switch
/// (the context's own token, never the environment's), each with its own
/// client, time-out and back-off, so a dead, slow or malformed cluster
/// delays nothing but its own row. Shut down with the dashboard.
package final class FleetLinks: @unchecked Sendable {
    private let connector: LiveConnection.Connector?
    private let lock = NSLock()
    private var connections: [String: ClusterConnection] = [:]
    private var closed = false

    package init(connector: LiveConnection.Connector?) { self.connector = connector }

    /// `name`'s overview (nil when unchanged from `previous`), or why not.
    package func overview(_ name: String, previous: BodyDigest?) async -> Result<Fetched<Overview>, ClusterError> {
        await read(name) { try await $0.overview(unlessUnchangedFrom: previous) }
    }

    /// `name`'s instance list (nil when unchanged from `previous`), for a merged instance table.
    package func instances(_ name: String, previous: BodyDigest?) async -> Result<Fetched<InstanceList>, ClusterError> {
        await read(name) { try await $0.instances(unlessUnchangedFrom: previous) }
    }

    /// One read on `name`'s own connection, every failure a `ClusterError`.
    private func read<Value: Sendable>(
        _ name: String, _ body: @Sendable (any ClusterReading) async throws -> Fetched<Value>
    ) async -> Result<Fetched<Value>, ClusterError> {
        do {
            let connection = try await connection(name)
            return .success(try await body(connection.reader))
        } catch let error as ClusterError {
            return .failure(error)
        } catch {
            return .failure(.transport(TextSanitizer.excerpt(String(describing: error), limit: 200)))
        }
    }

    private func connection(_ name: String) async throws -> ClusterConnection {
        if let known = lock.withLock({ connections[name] }) { return known }
        guard let connector else { throw ClusterError.usage("no config file to read contexts from") }
        let fresh = try await connector(name)
        let (kept, extra) = lock.withLock { () -> (ClusterConnection, ClusterConnection?) in
            if closed { return (fresh, fresh) }
            if let known = connections[name] { return (known, fresh) }
            connections[name] = fresh
            return (fresh, nil)
        }
        // Two first polls raced, or the dashboard is closing: the spare one goes.
        if let extra { await extra.shutdown() }
        if lock.withLock({ closed }) { throw ClusterError.usage("closing") }
        return kept
    }

    /// Shuts every connection down (once).
    package func shutdown() async {
        let all = lock.withLock { () -> [ClusterConnection] in
            closed = true
            defer { connections = [:] }
            return Array(connections.values)
        }
        for connection in all { await connection.shutdown() }
    }
}
