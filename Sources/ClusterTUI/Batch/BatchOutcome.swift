import ClusterModel
import Foundation

/// What happened to one item of a batch.
package enum ItemOutcome: Equatable, Sendable {
    case ok(String)
    /// The server refused it (or a re-read after a lost reply shows it was not applied).
    case failed(String)
    /// Not sent: the entity's binding is not what the plan expected.
    case skipped(String)
    /// Not sent: the entity is already where the plan puts it (a re-run).
    case unchanged(String)
    /// Sent, reply lost, and no re-read could tell.
    case unknown(String)
    /// The batch stopped before reaching it.
    case notAttempted

    var word: String {
        switch self {
        case .ok: "ok"
        case .failed: "failed"
        case .skipped: "skipped"
        case .unchanged: "unchanged"
        case .unknown: "unknown"
        case .notAttempted: "not attempted"
        }
    }

    var detail: String {
        switch self {
        case .ok(let s), .failed(let s), .skipped(let s), .unchanged(let s), .unknown(let s): s
        case .notAttempted: "the batch stopped first"
        }
    }

    var isOK: Bool { if case .ok = self { true } else { false } }
    /// Where the plan wants it: applied now, or already before.
    var holds: Bool { if case .unchanged = self { true } else { isOK } }
}

/// The end of a batch: one outcome per plan item, and why it stopped early.
package struct BatchSummary: Equatable, Sendable {
    var outcomes: [ItemOutcome]
    /// `nil` when every item was tried.
    var stoppedBecause: String?
    /// The journal's id of this run (each run of a plan is a batch of its own).
    var batchID = ""

    func count(_ word: String) -> Int { outcomes.filter { $0.word == word }.count }

    /// `118 ok · 1 failed · 1 skipped` (zero counts left out, `ok` always shown).
    var line: String {
        var parts = ["\(count("ok")) ok"]
        for word in ["unchanged", "failed", "skipped", "unknown", "not attempted"] where count(word) > 0 {
            parts.append("\(count(word)) \(word)")
        }
        return parts.joined(separator: " · ")
    }

    /// Every item holds as planned (applied, or unchanged since an earlier run).
    var allOK: Bool { outcomes.allSatisfy(\.holds) }
}

extension ErrorExcerpt {
    /// Any error as one bounded line: a `ClusterError`'s description, else its text.
    static func text(_ error: Error, limit: Int = 160) -> String {
        TextSanitizer.excerpt((error as? ClusterError)?.description ?? String(describing: error), limit: limit)
    }
}
