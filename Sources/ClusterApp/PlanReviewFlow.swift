import ClusterGrid
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// The plan view's life (issue 10): read the moves, export them (`w` JSON,
/// `W` script), confirm, apply with progress, stop with Esc after the
/// request in flight, and read the summary. Failed rows stay marked.
package enum PlanReviewFlow {
    package static func open(_ state: inout AppState, _ plan: MovePlan) {
        state.overlays.append(.plan(PlanReview(id: state.nextFormID, plan: plan)))
        state.nextFormID += 1
    }

    package static func key(_ state: inout AppState, _ review: inout PlanReview, _ key: Key) -> [Effect] {
        switch review.phase {
        case .review:
            return reviewing(&state, &review, key)
        case .confirm:
            guard key == .char("y") || key == .char("Y") else { review.phase = .review; return [] }
            guard state.canWrite else { review.phase = .review; return [] }
            review.phase = .applying
            state.runningBatch = review.plan.id
            return [.applyPlan(review.plan)]
        case .applying:
            if key == .escape {
                review.phase = .stopping
                return [.stopBatch(review.plan.id)]
            }
            scroll(state, &review, key)
        case .stopping:
            scroll(state, &review, key)
        case .finished:
            if [.escape, .enter, .char("q")].contains(key) { close(&state, review) } else { scroll(state, &review, key) }
        case .export(var export):
            switch key {
            case .escape: review.phase = .review
            case .enter:
                review.phase = .review
                review.exported = "writing \(export.path)…"
                return [.exportPlan(review.plan, export.format, path: export.path)]
            default:
                TextEditing.apply(key, to: &export.path, limit: 400)
                review.phase = .export(export)
            }
        }
        return []
    }

    private static func reviewing(_ state: inout AppState, _ review: inout PlanReview, _ key: Key) -> [Effect] {
        switch key {
        case .escape, .char("q"):
            close(&state, review)
        case .enter, .char("a"):
            if !state.canWrite {
                state.post("read-only: applying is disabled; w or W exports the plan", .notice)
            } else if review.plan.items.isEmpty {
                state.post("nothing to apply", .notice)
            } else if state.runningBatch != nil {
                state.post("another batch is being applied: wait for its summary", .notice)
            } else {
                review.phase = .confirm
            }
        case .char("w"), .char("W"):
            let format: PlanFileFormat = key == .char("w") ? .json : .script
            review.phase = .export(PlanExport(format: format, path: "clustertui-plan-\(review.plan.id).\(format.fileExtension)"))
        default:
            scroll(state, &review, key)
        }
        return []
    }

    /// Rows of the move list on screen, for paging.
    package static func listRows(_ state: AppState) -> Int { state.planListRows }

    private static func scroll(_ state: AppState, _ review: inout PlanReview, _ key: Key) {
        let page = listRows(state)
        let delta: Int? = switch key {
        case .down, .char("j"): 1
        case .up, .char("k"): -1
        case .pageDown, .ctrl("f"), .char(" "): page
        case .pageUp, .ctrl("b"): -page
        case .home: -review.plan.items.count
        case .end, .char("G"): review.plan.items.count
        default: nil
        }
        guard let delta else { return }
        review.scroll = min(max(0, review.scroll + delta), max(0, review.plan.items.count - page))
    }

    /// One item's outcome arrived.
    package static func progress(_ state: inout AppState, planID: String, index: Int, _ outcome: ItemOutcome) {
        guard var review = openReview(state, planID), review.outcomes.indices.contains(index) else { return }
        review.outcomes[index] = outcome
        review.done = index + 1
        // Follow the progress down the list, unless the operator scrolled away.
        let page = listRows(state)
        if review.done > review.scroll + page - 1 { review.scroll = min(max(0, review.done - page + 1), max(0, review.plan.items.count - page)) }
        replace(&state, review)
    }

    /// The batch ended: the summary, marks kept only on rows to retry, fresh polls.
    package static func finished(_ state: inout AppState, planID: String, _ summary: BatchSummary) {
        if state.runningBatch == planID { state.runningBatch = nil }
        guard var review = openReview(state, planID) else { return }
        var summary = summary
        for (i, summarised) in summary.outcomes.enumerated() where i < review.plan.items.count {
            // A write a later read settled while the batch ran keeps what it settled to (review: the summary's
            // "unknown" put it back, and the settlement does not come twice).
            var outcome = summarised
            if case .unknown = summarised, let settled = review.outcomes[i], settled.kind != .unknown { outcome = settled }
            review.outcomes[i] = outcome
            summary.outcomes[i] = outcome
            let key = review.plan.items[i].key
            switch outcome.kind {
            case .ok, .skipped, .unchanged: state.marks.remove(key)
            case .notApplied, .unknown, .notAttempted: if review.plan.kind == .rebind { state.marks.insert(key) }
            }
        }
        review.phase = .finished(summary)
        replace(&state, review)
        state.post("batch \(summary.batchID): \(summary.line)", summary.allOK ? .notice : .warning, seconds: 10)
        state.overviewPoll.requestNow(state.now)
        state.instancesPoll.requestNow(state.now)
    }

    package static func exported(_ state: inout AppState, planID: String, path: String, error: String?) {
        guard var review = openReview(state, planID) else {
            return state.post(error.map { "could not write \(path): \($0)" } ?? "wrote \(path)", error == nil ? .notice : .warning)
        }
        review.exported = error.map { "could not write \(path): \($0)" } ?? "wrote \(path)"
        replace(&state, review)
    }

    /// A later read settled a write whose outcome was unknown: said, and an
    /// open plan view showing that item as unknown shows what it settled to
    /// (its OUTCOME cell said "unknown" after the line said it landed).
    package static func settled(_ state: inout AppState, _ settled: UnknownWrites.Settled) {
        state.post(settled.text, .notice, seconds: 10)
        for case .plan(var review) in state.overlays {
            // The same entity and the same binding: a later form write to it is another write.
            guard let i = review.plan.items.indices.first(where: {
                      review.plan.items[$0].key == settled.key && review.plan.items[$0].to.normalized == settled.requested.normalized
                  }),
                  case .unknown? = review.outcomes[i] else { continue }
            let outcome: ItemOutcome = settled.applied
                ? .applied(settled.requested, .reread)
                : .notApplied("a later read shows the binding as before", mayStillLand: false)
            review.outcomes[i] = outcome
            // A finished batch's "done: … 1 unknown" line and marks follow too.
            if case .finished(var summary) = review.phase, i < summary.outcomes.count {
                summary.outcomes[i] = outcome
                review.phase = .finished(summary)
                if settled.applied { state.marks.remove(settled.key) }
            }
            replace(&state, review)
        }
    }

    /// The open review of the plan `planID` (a plan's id, not the overlay's).
    package static func openReview(_ state: AppState, _ planID: String) -> PlanReview? {
        for case .plan(let review) in state.overlays.reversed() where review.plan.id == planID { return review }
        return nil
    }

    package static func replace(_ state: inout AppState, _ review: PlanReview) { state.overlays.replace(.plan(review)) }

    package static func close(_ state: inout AppState, _ review: PlanReview) { state.overlays.close(.plan(review.id)) }
}
