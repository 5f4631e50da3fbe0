import ArgumentParser
import ClusterClient
import ClusterModel
import Foundation

/// `clustertui doctor`: explains why the dashboard looks wrong or cannot
/// connect, one line per check (`ok`, `warn` or `fail`, what was found,
/// what to do): terminal, config, token, server. Exit 0 when nothing
/// failed, 1 otherwise; every request is bounded by `--timeout`. The
/// session token is never printed.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the terminal, config, token and server, one line per check.",
        discussion: """
            Each line reads `ok`, `warn` or `fail`, the check, what was found and what to do. Checks:
              terminal, TERM, colours, locale, size   what the dashboard will find here
              config, context                          the config file and the cluster it points at
              token, expiry                            the session token: found, mode 0600, expiry (JWT)
              server, tls, clock                       reachable, latency, TLS, skew against the server's Date
              api, auth, nodes, this node, versions,   the Cluster API: answers with JSON, counts, the
              instances                                answering node, version skew
            Without --url, --context or a current-context there is no server to check.
            Exit codes: 0 nothing failed (warnings allowed), 1 a check failed, 64 usage error.
            """)

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var report = DoctorReport { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        try await Self.diagnose(connection, environment: ProcessInfo.processInfo.environment,
                                configPath: ClusterConfig.defaultPath, into: &report)
        FileHandle.standardOutput.write(Data(("doctor: \(report.summary)\n").utf8))
        if report.failed { throw ExitCode.failure }
    }

    /// Every check, in order; lines go to `report` as they are found.
    static func diagnose(_ options: ConnectionOptions, environment: [String: String], configPath: String,
                         into report: inout DoctorReport) async throws {
        report.add(TerminalChecks.lines(TerminalProbe.facts(environment: environment)))
        report.add(ConfigChecks.file(path: configPath))
        let (contextLine, target) = ConfigChecks.context(options, configPath: configPath)
        report.add(contextLine)
        guard let target else { return }
        let (tokenLines, token) = TokenChecks.run(target, environment: environment, now: Date())
        report.add(tokenLines)
        var config = try options.clientConfiguration(for: target, withToken: false, environment: environment)
        config.token = token
        await ServerChecks.run(target, config, login: ConfigChecks.loginCommand(target), into: &report)
    }
}
