import ArgumentParser
import ClusterModel

/// The `clustertui` command: the dashboard by default, plus the scripting
/// subcommands (`get`, `assign`, `unassign`, `login`) and `serve`, the
/// embedded cluster core as an HTTP server.
public struct ClusterTUICommand: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "clustertui",
        abstract: "A terminal dashboard and CLI for a multi-node cluster core.",
        discussion: """
            With no --url and no configured context, runs on an embedded demo core.

            Exit codes:
              0   ok
              1   other failure
              64  usage error (bad flag, bad config, unreadable token file)
              65  authentication failure (401/403: log in again)
              66  server rejected the request (4xx/5xx, non-JSON or malformed reply)
              69  server unreachable (refused, DNS, TLS, time-out)
            """,
        subcommands: [
            DashboardCommand.self, GetCommand.self, AssignCommand.self, UnassignCommand.self,
            LoginCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )
}
