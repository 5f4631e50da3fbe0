import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// The connection the effect runner uses now, and the means to swap it for
/// another context's (`c`, issue 11). Each swap bumps a generation: results
/// of requests made on an older connection are dropped, never shown as the
/// new cluster's. The writer is made only when writes are allowed, for the
/// first connection and every later one alike. Owns the shutdown of
/// whichever connection is current.
package final class LiveConnection: @unchecked Sendable {
    /// Connects to a context of the config file by name.
    package typealias Connector = @Sendable (String) async throws -> ClusterConnection

    private let lock = NSLock()
    private var connection: ClusterConnection?
    private var reader: any ClusterReading
    private var writer: (any ClusterWriting)?
    private var generationValue = 0
    private let writable: Bool
    private let connector: Connector?
    /// The other contexts, polled for the fleet screen (issue 23).
    package let fleet: FleetLinks

    /// `connection` is shut down by `shutdown()`; without one (tests) there is nothing to shut down.
    package init(reader: any ClusterReading, writer: (any ClusterWriting)?, connection: ClusterConnection? = nil,
         connector: Connector? = nil) {
        self.reader = reader
        self.writer = writer
        self.connection = connection
        self.writable = writer != nil
        self.connector = connector
        fleet = FleetLinks(connector: connector)
    }

    /// The reader, the writer (nil when read-only) and the generation now.
    package func current() -> (reader: any ClusterReading, writer: (any ClusterWriting)?, generation: Int) {
        lock.lock(); defer { lock.unlock() }
        return (reader, writer, generationValue)
    }

    /// The current cluster's context and URL, for plans and the journal.
    package var identity: ClusterIdentity {
        lock.lock(); defer { lock.unlock() }
        return connection?.target ?? ClusterIdentity(context: nil, url: ClusterIdentity.embedded)
    }

    /// The current context is `protected` (issue 23): its plan scripts carry `--confirm-context`.
    package var isProtected: Bool {
        lock.lock(); defer { lock.unlock() }
        return connection?.isProtected ?? false
    }

    package var generation: Int {
        lock.lock(); defer { lock.unlock() }
        return generationValue
    }

    /// Connects to `name`; on success the new connection becomes current and
    /// the old one is shut down.
    package func switchTo(_ name: String) async -> Result<SwitchedContext, ClusterError> {
        guard let connector else { return .failure(.usage("no config file to switch contexts from")) }
        let fresh: ClusterConnection
        do {
            fresh = try await connector(name)
        } catch let error as ClusterError {
            return .failure(error)
        } catch {
            return .failure(.usage(String(describing: error)))
        }
        let old = lock.withLock { () -> ClusterConnection? in
            let old = connection
            connection = fresh
            reader = fresh.reader
            writer = writable ? fresh.makeWriter() : nil
            generationValue += 1
            return old
        }
        await old?.shutdown()
        var switched = SwitchedContext(name: name, label: fresh.label, overviewInterval: fresh.overviewInterval,
                                       instancesInterval: fresh.instancesInterval, url: fresh.target.url,
                                       insecure: fresh.insecure)
        switched.alerting = fresh.alerting
        switched.isProtected = fresh.isProtected
        return .success(switched)
    }

    /// Shuts the current connection and the fleet's down (once).
    package func shutdown() async {
        let current = lock.withLock { () -> ClusterConnection? in
            defer { connection = nil }
            return connection
        }
        await current?.shutdown()
        await fleet.shutdown()
    }
}
