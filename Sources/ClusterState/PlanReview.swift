import ClusterModel
import ClusterWrites
import Foundation

/// The plan view: every move of a bulk rebind, an evacuation or an undo,
/// before anything is sent, then the progress and the summary of applying
/// it. Counts per target are computed once, when it opens, so 1,000 rows
/// scroll as fast as 10.
package struct PlanReview: Sendable, Equatable {
    /// Where the review is: reading, asking, sending, done, or naming a file.
    package enum Phase: Sendable, Equatable {
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

    package let id: Int
    package var plan: MovePlan
    /// Moves per target, most first: `node-b 40 · node-c 39`.
    package let counts: String
    package var phase: Phase = .review
    /// One per plan item once applying started (`nil` = not yet).
    package var outcomes: [ItemOutcome?]
    package var done = 0
    package var scroll = 0
    /// The last export's result line.
    package var exported: String?

    package init(id: Int, plan: MovePlan) {
        self.id = id
        self.plan = plan
        counts = plan.countsByTarget.map { "\(TextSanitizer.visible($0.target)) \($0.count)" }.joined(separator: " · ")
        outcomes = Array(repeating: nil, count: plan.items.count)
    }

    package var isRunning: Bool { phase == .applying || phase == .stopping }
}

/// A plan file being named: its format and the path typed so far.
package struct PlanExport: Sendable, Equatable {
    package var format: PlanFileFormat
    package var path: String

    package init(format: PlanFileFormat, path: String) {
        self.format = format; self.path = path
    }
}

/// The two files a plan is written as.
package enum PlanFileFormat: String, Sendable, Equatable {
    /// What `clustertui apply` reads.
    case json
    /// `clustertui assign` / `unassign` lines for a change ticket.
    case script

    package var fileExtension: String { self == .json ? "json" : "sh" }
}
