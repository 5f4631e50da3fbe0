import ArgumentParser
import ClusterModel
import ClusterRuntime
import ClusterWrites
import Foundation

/// What every command that writes takes: `--no-journal` (without it a
/// write whose journal line cannot be written is not sent, issue 20) and
/// `--confirm-context` (a protected context's name, issue 23).
struct JournalOptions: ParsableArguments {
    @Flag(name: .customLong("no-journal"),
          help: "Send writes even when the write journal cannot be written (they are then not recorded and cannot be undone).")
    var noJournal = false

    @Option(name: .customLong("confirm-context"), help: ArgumentHelp(
        "On a context with protected = true: its name, to send writes without typing it (--yes does not).", valueName: "NAME"))
    var confirmContext: String?

    /// The engine's journal policy for these flags.
    var policy: JournalPolicy {
        noJournal ? .off : .required(WriteJournal(path: WriteJournal.defaultPath()))
    }
}

/// What `apply` and `undo` share besides the connection: ask or not,
/// retarget or not, journal or not.
struct BatchOptions: ParsableArguments {
    @Flag(name: .customLong("yes"), help: "Do not ask before applying.")
    var yes = false

    @Flag(name: .customLong("retarget"),
          help: "Act on the cluster named by --url/--context even though the plan or batch was made against another.")
    var retarget = false

    @OptionGroup var journal: JournalOptions
}

/// A failure the CLI reports with its own words and exit code (one stderr line, as `CLIRun` prints it).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: ClusterError.ExitCode
}

/// What the CLI's write commands share: the engine for a connection, and
/// one line and exit code per outcome.
enum CLIWrites {
    static func engine(_ link: ClusterConnection, journal: JournalOptions, recheckAfter: TimeInterval = 1) -> WriteEngine {
        WriteEngine(reader: link.reader, writer: link.makeWriter(), journal: journal.policy, target: link.target,
                    recheckAfter: recheckAfter, journalProblem: { StandardError.line("clustertui: warning: " + $0) })
    }

    /// Runs one write and returns its success line, or throws its failure.
    static func single(_ item: PlanItem, on link: ClusterConnection, journal: JournalOptions, success: (ItemOutcome) -> String)
        async throws -> String
    {
        try ProtectedGate.check(link, journal)
        let summary = await engine(link, journal: journal, recheckAfter: 0).run(.single(item, at: Date()))
        let outcome = summary.outcomes.first ?? .notAttempted
        switch outcome {
        case .applied, .unchanged:
            return success(outcome)
        case .changedMeanwhile, .vanished:
            throw CommandFailure(description: TextSanitizer.visible(outcome.detail) + "; nothing was sent", exitCode: .failure)
        case .notApplied(let why, _, let cause):
            if let cause { throw cause }
            throw CommandFailure(description: TextSanitizer.visible(why), exitCode: .failure)
        case .unknown(let why):
            throw CommandFailure(
                description: "outcome unknown: \(TextSanitizer.visible(why)). Check with `clustertui get overview -o json` before retrying",
                exitCode: .unknown)
        case .notAttempted:
            throw CommandFailure(description: TextSanitizer.visible(summary.stoppedBecause ?? "not sent"), exitCode: .unreachable)
        }
    }

    /// Appended to the success line of a write confirmed by re-reading.
    static let confirmedNote = " (applied; the reply was lost or said nothing, confirmed by re-reading)"
}
