import ArgumentParser
import ClusterModel
import ClusterRuntime
import ClusterWrites
import Foundation

/// What `apply` and `undo` share: show the plan, ask unless `--yes`, run
/// it through the write engine with one progress line per item on stderr,
/// print the summary, and exit 0 only if every item was applied.
enum BatchRun {
    static func confirmAndRun(
        _ plan: MovePlan, on link: ClusterConnection, journal: JournalOptions, retargetedFrom: String?, yes: Bool, verb: String
    ) async throws {
        StandardOutput.write(PlanText.render(plan))
        guard !plan.items.isEmpty else { return }
        try ProtectedGate.check(link, journal)
        if !yes, !confirm("\(verb) \(plan.items.count) \(plan.items.count == 1 ? "write" : "writes") to \(TextSanitizer.visible(link.target.url))? [y/N] ") {
            StandardError.line("clustertui: not confirmed; nothing was sent")
            throw ExitCode(ClusterError.ExitCode.failure.rawValue)
        }
        let total = plan.items.count
        var engine = CLIWrites.engine(link, journal: journal)
        engine.retargetedFrom = retargetedFrom
        let summary = await engine.run(plan, progress: { index, outcome in
            let item = plan.items[index]
            StandardError.line("[\(index + 1)/\(total)] \(outcome.word + String(repeating: " ", count: max(0, 9 - outcome.word.count))) "
                               + TextSanitizer.visible("\(item.key) → \(item.to)")
                               + (outcome.isApplied ? "" : ": " + TextSanitizer.visible(outcome.detail)))
        })
        StandardOutput.write(report(plan, summary) + "\n")
        throw ExitCode(exitCode(summary).rawValue)
    }

    /// The summary: counts, every item that was not applied, how to undo.
    static func report(_ plan: MovePlan, _ summary: BatchSummary) -> String {
        var lines = ["", "batch \(summary.batchID): \(summary.line)"]
        if let why = summary.stoppedBecause { lines.append("stopped: " + TextSanitizer.visible(why)) }
        for (item, outcome) in zip(plan.items, summary.outcomes) where !outcome.holds {
            lines.append("  \(outcome.word)  \(TextSanitizer.visible(item.key.description)): \(TextSanitizer.visible(outcome.detail))")
        }
        if summary.count(.unchanged) > 0 { lines.append("\(summary.count(.unchanged)) already as planned (unchanged)") }
        if summary.count(.ok) + summary.count(.unknown) > 0 { lines.append("undo with: clustertui undo --batch \(summary.batchID)") }
        if summary.count(.skipped) + summary.count(.notAttempted) + summary.count(.notApplied) > 0, !summary.allOK {
            lines.append("re-running the plan is safe: applied items are skipped as unchanged")
        }
        return lines.joined(separator: "\n")
    }

    static func exitCode(_ summary: BatchSummary) -> ClusterError.ExitCode {
        if summary.allOK { return .ok }
        if summary.count(.unknown) > 0 { return .unknown }
        if summary.stoppedBecause != nil, summary.count(.ok) == 0 { return .unreachable }
        return .failure
    }

    /// Asks on stderr and reads one line from stdin: only y / yes goes on.
    static func confirm(_ question: String) -> Bool {
        StandardError.write(question)
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
