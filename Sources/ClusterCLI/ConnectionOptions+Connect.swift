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
    /// curses owns. `quiet`: no warnings either (`get fleet` reads many
    /// contexts at once).
    func connect(
        forSwitch: Bool = false, quiet: Bool = false, configPath: String = ClusterConfig.defaultPath
    ) async throws -> ClusterConnection {
        guard let target = try resolve(configPath: configPath) else {
            let core = try await EmbeddedCluster.startDemo()
            var demo = ClusterConnection(
                label: "embedded demo", reader: core.makeReader(), makeWriter: { core.makeWriter() },
                overviewInterval: nil, instancesInterval: nil, shutdown: { await core.shutdown() })
            demo.alerting = Self.globalAlerting()
            return demo
        }
        var environment = ProcessInfo.processInfo.environment
        if forSwitch { environment["CLUSTERTUI_TOKEN"] = nil }
        let config = try clientConfiguration(for: target, environment: environment)
        if !forSwitch && !quiet {
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
        // A context's settings come from the file `resolve` already read (strictly).
        connection.alerting = target.alerting ?? Self.globalAlerting()
        connection.isProtected = target.isProtected
        return connection
    }

    /// The config file's global `[alerts]` (issue 21) for `--url` or the demo,
    /// which do not otherwise read the file: read leniently, a file that
    /// cannot be used gives the defaults, said once on stderr (a monitor
    /// must not lose its hook silently).
    static func globalAlerting() -> AlertSettings {
        do {
            return try ClusterConfig.load(path: ClusterConfig.defaultPath).alerting(for: nil)
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
