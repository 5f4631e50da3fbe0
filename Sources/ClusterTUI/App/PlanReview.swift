import ClusterModel
import ClusterWrites
import Foundation

/// The plan view: every move of a bulk rebind, an evacuation or an undo,
/// before anything is sent, then the progress and the summary of applying
/// it. Counts per target are computed once, when it opens, so 1,000 rows
/// scroll as fast as 10.
struct PlanReview: Sendable, Equatable {
    /// Where the review is: reading, asking, sending, done, or naming a file.
    enum Phase: Sendable, Equatable {
        case review
        /// `y` applies, anything else goes back.
        case confirm
        case applying
        /// Esc during apply: stops after the request in flight.
        case stopping
        case finished(BatchSummary)
        /// `w` / `W`: the file name being typed.
        case export(PlanExport)
    }

    let id: Int
    var plan: MovePlan
    /// Moves per target, most first: `node-b 40 · node-c 39`.
    let counts: String
    var phase: Phase = .review
    /// One per plan item once applying started (`nil` = not yet).
    var outcomes: [ItemOutcome?]
    var done = 0
    var scroll = 0
    /// The last export's result line.
    var exported: String?

    init(id: Int, plan: MovePlan) {
        self.id = id
        self.plan = plan
        counts = plan.countsByTarget.map { "\(TextSanitizer.visible($0.target)) \($0.count)" }.joined(separator: " · ")
        outcomes = Array(repeating: nil, count: plan.items.count)
    }

    var isRunning: Bool { phase == .applying || phase == .stopping }
}

/// A plan file being named: its format and the path typed so far.
struct PlanExport: Sendable, Equatable {
    var format: PlanFileFormat
    var path: String
}

/// The two files a plan is written as.
package enum PlanFileFormat: String, Sendable, Equatable {
    /// What `clustertui apply` reads.
    case json
    /// `clustertui assign` / `unassign` lines for a change ticket.
    case script

    var fileExtension: String { self == .json ? "json" : "sh" }
}
