import ClusterModel
import ClusterWrites
import Foundation

/// A live connection to a cluster, remote or embedded, as the commands and
/// the dashboard use it. The writer is made on demand so that read-only
/// modes never hold one. `shutdown` must run exactly once on every path.
package struct ClusterConnection: Sendable {
    /// The context name, the URL, or "embedded demo".
    package let label: String
    package let reader: any ClusterReading
    package let makeWriter: @Sendable () -> any ClusterWriting
    /// Seconds between overview polls from the context, if it set one.
    package let overviewInterval: Double?
    /// Seconds between instance-list polls from the context, if it set one.
    package let instancesInterval: Double?
    package let shutdown: @Sendable () async -> Void
    /// Which cluster this is, as plans and the write journal record it.
    package var target = ClusterIdentity(context: nil, url: ClusterIdentity.embedded)
    /// TLS certificates are not verified: the dashboard's header says so (issue 20).
    package var insecure = false
    /// A `protected` context (issue 23): writes wait until its name is typed.
    package var isProtected = false
    /// The config file's alert settings for this cluster (global, then its context's).
    package var alerting = AlertSettings()

    package init(
        label: String, reader: any ClusterReading, makeWriter: @escaping @Sendable () -> any ClusterWriting,
        overviewInterval: Double? = nil, instancesInterval: Double? = nil, shutdown: @escaping @Sendable () async -> Void,
        target: ClusterIdentity = ClusterIdentity(context: nil, url: ClusterIdentity.embedded), insecure: Bool = false
    ) {
        self.label = label; self.reader = reader; self.makeWriter = makeWriter; self.overviewInterval = overviewInterval
        self.instancesInterval = instancesInterval; self.shutdown = shutdown; self.target = target
        self.insecure = insecure
    }
}
