import ClusterModel
import Foundation

/// How an applied write is known to have landed.
package enum Confirmation: Sendable, Equatable {
    /// The server's reply said so.
    case reply
    /// The reply was lost or said nothing (5xx, reset, time-out); a re-read shows the binding.
    case reread
    /// A DELETE answered `removed: false`: no row was left to remove, so the
    /// entity already followed the default node.
    case nothingToRemove
}

/// What happened to one item of a plan run by `WriteEngine`: the one
/// vocabulary of the forms, the plan view, the CLI and the journal.
package enum ItemOutcome: Equatable, Sendable {
    /// Sent, and known to hold.
    case applied(PlanBinding, Confirmation)
    /// Not sent: the entity is already where the plan puts it.
    case unchanged(PlanBinding)
    /// Not sent: someone changed the binding since the plan (or form) was
    /// made; never overwritten. `row` is the assignment as read, for who and when.
    case changedMeanwhile(planned: PlanBinding, now: PlanBinding, row: Assignment?)
    /// Not sent: the binding is gone and the entity is no longer in the
    /// cluster's instance list (issue 20: it read "changed since the plan").
    case vanished(planned: PlanBinding)
    /// Refused (4xx), never sent, or a re-read shows the old binding.
    /// `mayStillLand`: the request reached a server that may still apply it
    /// (a time-out), so undo keeps it, under its precondition. `cause`: the
    /// error that proves it (a refusal, a request never sent), for exit codes.
    case notApplied(String, mayStillLand: Bool, cause: ClusterError? = nil)
    /// Sent, the reply said nothing, and no re-read could tell.
    case unknown(String)
    /// The batch stopped before reaching it.
    case notAttempted

    /// The outcome's class, as counts and the journal name it.
    package var kind: OutcomeKind {
        switch self {
        case .applied: .ok
        case .unchanged: .unchanged
        case .changedMeanwhile, .vanished: .skipped
        case .notApplied: .notApplied
        case .unknown: .unknown
        case .notAttempted: .notAttempted
        }
    }

    package var word: String { kind.rawValue }

    /// One line for the operator (server text in it made visible by the caller).
    package var detail: String {
        switch self {
        case .applied(let to, .reply): "\(to)"
        case .applied(let to, .reread): "\(to) (the reply was lost or said nothing; confirmed by re-reading)"
        case .applied(_, .nothingToRemove): "nothing to remove: it already followed the default node"
        case .unchanged(let to): "already \(to)"
        case .changedMeanwhile(let planned, let now, let row): Self.changedText(planned: planned, now: now, row: row)
        case .vanished(let planned): "no longer exists: not in the cluster's instance list (planned from \(planned))"
        case .notApplied(let why, _, _), .unknown(let why): why
        case .notAttempted: "the batch stopped first"
        }
    }

    /// `changed since the plan was made: now node-b (strict), set by u_2 at 10:00:05Z; planned from node-a (strict)`.
    static func changedText(planned: PlanBinding, now: PlanBinding, row: Assignment?) -> String {
        var text = "changed since the plan was made: now \(now)"
        if let by = row?.updatedBy { text += ", set by \(by)" }
        if let at = row?.updatedAt { text += " at \(WireDate.format(at))" }
        return text + "; planned from \(planned)"
    }

    package var isApplied: Bool { kind == .ok }
    /// Where the plan wants it: applied now, or already before.
    package var holds: Bool { kind == .ok || kind == .unchanged }
}

/// The classes of `ItemOutcome`, in the order a summary lists them.
package enum OutcomeKind: String, Sendable, CaseIterable {
    case ok, unchanged, skipped
    case notApplied = "not applied"
    case unknown
    case notAttempted = "not attempted"
}

/// The end of a batch: one outcome per plan item, and why it stopped early.
package struct BatchSummary: Equatable, Sendable {
    package var outcomes: [ItemOutcome]
    /// `nil` when every item was tried.
    package var stoppedBecause: String?
    /// The journal's id of this run (each run of a plan is a batch of its own).
    package var batchID = ""

    package init(outcomes: [ItemOutcome], stoppedBecause: String?, batchID: String = "") {
        self.outcomes = outcomes
        self.stoppedBecause = stoppedBecause
        self.batchID = batchID
    }

    package func count(_ kind: OutcomeKind) -> Int { outcomes.filter { $0.kind == kind }.count }

    /// `118 ok · 1 not applied · 1 skipped` (zero counts left out, `ok` always shown).
    package var line: String {
        var parts = ["\(count(.ok)) ok"]
        for kind in OutcomeKind.allCases.dropFirst() where count(kind) > 0 { parts.append("\(count(kind)) \(kind.rawValue)") }
        return parts.joined(separator: " · ")
    }

    /// Every item holds as planned (applied, or unchanged since an earlier run).
    package var allOK: Bool { outcomes.allSatisfy(\.holds) }
}
