import ArgumentParser
import ClusterClient
import ClusterModel
import ClusterTerminal
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
            Each line reads ok, warn or fail, then the check, what was found and, \
            for warn and fail, what to do. The checks, in order:
              terminal, TERM, colours, locale, size: what the
                dashboard will find in this terminal
              tmux (inside tmux): whether allow-passthrough lets
                --notify osc9|osc777 notifications through
              config, context: the config file, the cluster it names
              token, expiry: found, mode 0600, a JWT's expiry
              server, tls, clock: reachable, latency, TLS, clock skew
                against the server's Date header
              api, auth: the Cluster API answers this session, in JSON
              nodes, this node, versions, instances: counts, the
                answering node, version skew
            The first server failure ends the run; every request is bounded by \
            --timeout. Without --url, --context or a current-context there is \
            no server to check. The session token is never printed.

            Exit codes: 0 nothing failed (warnings allowed), 1 a check failed, \
            64 usage error.
            """)

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var report = DoctorReport { line in StandardOutput.write(line + "\n") }
        try await Self.diagnose(connection, environment: ProcessInfo.processInfo.environment,
                                configPath: ClusterConfig.defaultPath, into: &report)
        StandardOutput.write("doctor: \(report.summary)\n")
        if report.failed { throw ExitCode.failure }
    }

    /// Every check, in order; lines go to `report` as they are found.
    static func diagnose(_ options: ConnectionOptions, environment: [String: String], configPath: String,
                         into report: inout DoctorReport) async throws {
        report.add(TerminalChecks.lines(TerminalProbe.facts(environment: environment)))
        if let tmux = TmuxChecks.line(environment: environment) { report.add(tmux) }
        report.add(ConfigChecks.file(path: configPath))
        report.add(ClipboardCheck.line(configPath: configPath, environment: environment))
        for line in ActionsCheck.lines(configPath: configPath, environment: environment) { report.add(line) }
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
