import ArgumentParser
import ClusterModel
import ClusterState

/// The `clustertui` command: the dashboard by default, plus the scripting
/// subcommands (`get`, `assign`, `unassign`, `plan`, `apply`, `undo`,
/// `journal`, `login`), `serve`, the embedded cluster core as an HTTP
/// server, `doctor` and `version`.
public struct ClusterTUICommand: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "clustertui",
        abstract: "A terminal dashboard and CLI for a multi-node cluster core.",
        discussion: "With no --url and no configured context, runs on an embedded demo core.\n" + CLIRun.exitCodeHelp,
        version: BuildInfo.versionLine,
        subcommands: [
            DashboardCommand.self, GetCommand.self, AssignCommand.self, UnassignCommand.self,
            PlanCommand.self, ApplyCommand.self, UndoCommand.self, JournalCommand.self, HistoryCommand.self, ChangesCommand.self,
            LoginCommand.self, ServeCommand.self,
            DoctorCommand.self, CheckCommand.self, WatchCommand.self, VersionCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )
}
