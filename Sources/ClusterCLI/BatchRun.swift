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
        _ plan: MovePlan, on link: ClusterConnection, journal: JournalOptions, retargetedFrom: String?, yes: Bool, verb: String,
        live: LiveCluster
    ) async throws {
        StandardOutput.write(PlanText.render(plan))
        guard !plan.items.isEmpty else { return }
        try ProtectedGate.check(link, journal)
        // The forms' and `assign`'s risk rules, against the cluster as it is now (a plan may be old or edited).
        let risks = risks(plan, live)
        for line in risks.lines { StandardError.line("clustertui: warning: " + line) }
        let risky = risks.count == 0 ? "" : " (\(risks.count) to \(risks.nodes == 1 ? "a risky node" : "risky nodes"))"
        if !yes, !confirm("\(verb) \(plan.items.count) \(plan.items.count == 1 ? "write" : "writes")\(risky) to \(TextSanitizer.visible(link.target.url))? [y/N] ") {
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

    /// The plan's writes to a node that is not healthy now (`WriteGuard.targetRisk`:
    /// an explicit target, or the default node for one that follows it), a line
    /// per node and reason: `3 writes go to vm-2: vm-2 is offline: strict work …`.
    static func risks(_ plan: MovePlan, _ live: LiveCluster) -> (count: Int, nodes: Int, lines: [String]) {
        var byNode: [(node: String, reason: String, count: Int)] = []
        for item in plan.items {
            guard let (node, reason) = WriteGuard.targetRisk(item.to, in: live) else { continue }
            if let index = byNode.firstIndex(where: { $0.node == node && $0.reason == reason }) { byNode[index].count += 1 } else {
                byNode.append((node, reason, 1))
            }
        }
        let lines = byNode.map { entry in
            TextSanitizer.visible("\(entry.count) \(entry.count == 1 ? "write goes" : "writes go") to \(entry.node): \(entry.reason)")
        }
        return (byNode.reduce(0) { $0 + $1.count }, Set(byNode.map(\.node)).count, lines)
    }

    /// Asks on stderr and reads one line from stdin: only y / yes goes on.
    static func confirm(_ question: String) -> Bool {
        StandardError.write(question)
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
