import ClusterClient
import ClusterCore
import ClusterModel
import ClusterRuntime
import ClusterSupport
import ClusterWrites
import Foundation

extension ConnectionOptions {
    /// Connects as the flags and config say: over HTTP, or to the embedded
    /// demo core when no URL, context or current-context is given. A live
    /// context switch passes `forSwitch`: the context's own token file only
    /// (`CLUSTERTUI_TOKEN` belongs to the cluster the dashboard started on,
    /// and must not be sent to another), and no warning on stderr, which
    /// curses owns.
    func connect(forSwitch: Bool = false) async throws -> ClusterConnection {
        guard let target = try resolve() else {
            let core = try await EmbeddedCluster.startDemo()
            var demo = ClusterConnection(
                label: "embedded demo", reader: core.makeReader(), makeWriter: { core.makeWriter() },
                overviewInterval: nil, instancesInterval: nil, shutdown: { await core.shutdown() })
            demo.alerting = Self.alerting(context: nil)
            return demo
        }
        var environment = ProcessInfo.processInfo.environment
        if forSwitch { environment["CLUSTERTUI_TOKEN"] = nil }
        let config = try clientConfiguration(for: target, environment: environment)
        if !forSwitch {
            Self.warnIfInsecure(target)
            if let warning = TokenFileWarning.text(forFile: target.tokenFile, environment: environment) {
                StandardError.line(warning)
            }
        }
        let client = try ClusterHTTPClient(config)
        var connection = ClusterConnection(
            label: target.label, reader: client.reader, makeWriter: { client.makeWriter() },
            overviewInterval: target.pollInterval, instancesInterval: target.instancesInterval,
            shutdown: { await client.shutdown() },
            target: ClusterIdentity(context: target.contextName, url: ClusterIdentity.recordable(target.url)),
            insecure: target.insecure)
        connection.alerting = Self.alerting(context: target.contextName)
        return connection
    }

    /// The config file's alert settings (issue 21): the global `[alerts]`
    /// and the context's own. A file that does not parse was already refused
    /// when a context was read from it; with `--url` or the demo it gives the
    /// defaults, said once on stderr (a monitor must not lose its hook silently).
    static func alerting(context: String?) -> AlertSettings {
        do {
            return try ClusterConfig.load(path: ClusterConfig.defaultPath).alerting(for: context)
        } catch {
            StandardError.line("clustertui: warning: the config file's [alerts] are not used: "
                + TextSanitizer.excerpt(String(describing: error), limit: 200))
            return AlertSettings()
        }
    }

    /// Runs `body` with a connection and always shuts it down afterwards.
    func withConnection<T: Sendable>(_ body: (ClusterConnection) async throws -> T) async throws -> T {
        let connection = try await connect()
        return try await withCleanup({ try await body(connection) }, cleanup: connection.shutdown)
    }
}
