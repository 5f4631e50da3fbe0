import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// The forms' words for a write engine outcome: one place, so the rebind
/// form, the reset confirmation and a closed form's notice say the same.
package enum WriteOutcomeText {
    package static let confirmed = "applied; the answer said nothing, confirmed by re-reading"

    /// The line a form shows when the write did not (or may not) hold.
    package static func problem(_ outcome: ItemOutcome) -> String {
        switch outcome {
        case .notApplied(let why, _, _): "not applied: " + TextSanitizer.visible(why)
        case .unknown(let why): "outcome unknown: \(TextSanitizer.visible(why)); look at the next poll before retrying"
        case .notAttempted: "not sent"
        default: TextSanitizer.visible(outcome.detail)
        }
    }

    /// `u_2 bound it to node-b (strict) at 10:00:05Z`, or a reset by someone.
    package static func change(_ now: PlanBinding, _ row: Assignment?) -> String {
        guard let row, now.isExplicit else { return "someone reset it to the default node meanwhile" }
        let who = row.updatedBy.map { TextSanitizer.visible($0) } ?? "someone"
        // HH:MM:SSZ: the full ISO date did not fit the form (issue 11).
        let when = row.updatedAt.map { String(WireDate.format($0).dropFirst(11).prefix(8)) + "Z" } ?? "an unknown time"
        return "\(who) bound it to \(TextSanitizer.visible(row.nodeName)) (\(row.mode)) at \(when)"
    }

    /// The outcome of a write whose form was closed while it was sent.
    package static func postClosed(_ state: inout AppState, _ outcome: ItemOutcome, verb: String, label: String) {
        let severity: EventSeverity = outcome.holds ? .notice : .warning
        state.post("\(verb) of \(label): \(outcome.word): \(TextSanitizer.excerpt(outcome.detail, limit: 100))", severity)
    }
}
