import ArgumentParser
import ClusterModel
import ClusterState
import Foundation

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

    /// ArgumentParser's own main, but a usage error of `check` is the
    /// monitoring plugins' UNKNOWN (exit 3, one line on stdout): a check
    /// misconfigured in Nagios or Icinga read as "return code 64 is out of bounds".
    public static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if arguments.first == CheckCommand.configuration.commandName, exitCode(for: error) == .validationFailure {
                CheckCommand.usageUnknown(message(for: error))
            }
            // A command's own `ExitCode(64)` comes after its own line: only ArgumentParser's errors are said here.
            if !(error is ExitCode), exitCode(for: error) == .validationFailure { usageError(message(for: error), arguments: arguments) }
            exit(withError: error)
        }
    }

    /// A command-line mistake is one line, as every other failure
    /// (README, "Each failure prints one line"): `clustertui: ` and what is
    /// wrong, with where the help is. ArgumentParser's own was three lines
    /// starting `Error:`, then its usage.
    private static func usageError(_ message: String, arguments: [String]) -> Never {
        let first = message.split(separator: "\n").first.map(String.init) ?? "usage error"
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
        let help = arguments.first.flatMap { names.contains($0) ? "clustertui \($0) --help" : nil } ?? "clustertui --help"
        StandardError.line("clustertui: " + TextSanitizer.excerpt(first, limit: 200) + " (see \(help))")
        Foundation.exit(ClusterError.ExitCode.usage.rawValue)
    }
}
