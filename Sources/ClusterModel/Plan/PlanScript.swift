import Foundation

/// A plan as a shell script for a change ticket: one `clustertui assign`
/// or `unassign` line per move, every id and name shell-quoted, and what
/// the server sent shown only inside comments, made visible (a newline in a
/// name can never start a command). Option values travel as `--node=VALUE`
/// (a node named `--help` stays a value), and a value holding a control
/// character is never written raw (issue 20: `cat plan.sh` set the window
/// title): its line becomes a comment and a `false` that stops the script.
public enum PlanScript {
    /// - Parameter connection: the flags that reach the same cluster
    ///   (`--context prod` or `--url …`), already split into words.
    /// - Parameter confirmContext: the context's name when it is protected:
    ///   each line carries `--confirm-context NAME` (without, every line
    ///   waited for the name on a terminal and, run without one, the first
    ///   was refused and `set -e` stopped the script).
    public static func render(_ plan: MovePlan, connection: [String], confirmContext: String? = nil) -> String {
        let connection = connection + (confirmContext.map { ["--confirm-context", $0] } ?? [])
        var lines = [
            "#!/bin/sh",
            "# clustertui plan \(TextSanitizer.visible(plan.id)): \(TextSanitizer.visible(plan.summary))",
            "# made \(WireDate.format(plan.createdAt))"
                + (plan.url.map { " against \(TextSanitizer.visible($0))" } ?? ""),
            "# \(plan.items.count) \(plan.items.count == 1 ? "write" : "writes"); stops at the first failure.",
            "# `clustertui apply PLAN.json` does the same with a precondition check per write, a journal and undo.",
        ]
        if let name = confirmContext {
            lines.append("# \(TextSanitizer.visible(name)) is protected: each line says --confirm-context; running this script is that confirmation.")
        }
        for warning in plan.warnings + plan.notes { lines.append("# warning: \(TextSanitizer.visible(warning))") }
        lines.append("set -e")
        let flags = connection.allSatisfy(TextSanitizer.isClean) ? connection.map(quote).joined(separator: " ") : ""
        let common = flags.isEmpty ? "" : " " + flags
        for (index, item) in plan.items.enumerated() {
            lines.append("# \(TextSanitizer.visible(item.name)): \(TextSanitizer.visible(item.from.description)) → "
                         + TextSanitizer.visible(item.to.description))
            let values = [item.key.entityType.rawValue, item.key.entityId, item.to.node ?? ""] + connection
            guard values.allSatisfy(TextSanitizer.isClean) else {
                lines.append("# item \(index + 1) holds a control character and cannot be written as shell text:")
                lines.append("# apply the JSON plan instead (`clustertui apply PLAN.json`).")
                lines.append("false")
                continue
            }
            let ids = "-- \(quote(item.key.entityType.rawValue)) \(quote(item.key.entityId))"
            switch item.to {
            case .explicit(let node, let mode):
                lines.append("clustertui assign --node=\(quote(node)) --mode=\(quote(mode.rawValue))\(common) \(ids)")
            case .followsDefault:
                lines.append("clustertui unassign\(common) \(ids)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `'text'` with every `'` written as `'\''`: nothing inside is expanded.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:@=,+".contains($0)) }) {
            return word
        }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
