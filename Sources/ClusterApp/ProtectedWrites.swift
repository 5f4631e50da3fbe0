import ClusterGrid
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// `protected = true` on a context (issue 23): no write leaves `update`
/// until the context's name is typed. `Update.update` hands every effect
/// list here; writes are held in a `typeName` overlay, the rest go on.
/// Esc tells the form or plan that asked: nothing was sent.
package enum ProtectedWrites {
    /// Holds the writes of `effects` on a protected context; returns the others.
    package static func hold(_ state: inout AppState, _ effects: [Effect]) -> [Effect] {
        guard state.config.isProtected, effects.contains(where: TypeNameConfirm.holds) else { return effects }
        let writes = effects.filter(TypeNameConfirm.holds)
        state.overlays.append(.typeName(TypeNameConfirm(pending: writes)))
        return effects.filter { !TypeNameConfirm.holds($0) }
    }

    /// Whether `message` is the Enter that releases held writes (they must not be held again).
    package static func releases(_ state: AppState, _ message: Message) -> Bool {
        if case .key(.enter) = message, case .typeName? = state.topOverlay { return true }
        return false
    }

    package static func key(_ state: inout AppState, _ confirm: inout TypeNameConfirm, _ key: Key) -> [Effect] {
        let name = state.config.currentContext ?? state.config.label
        switch key {
        case .enter:
            guard confirm.text == name else {
                confirm.error = "type \(TextSanitizer.visible(name)) exactly to send, or Esc"
                return []
            }
            state.overlays.close(.typeName)
            return confirm.pending
        case .escape:
            state.overlays.close(.typeName)
            cancel(&state, confirm.pending, name: name)
        default:
            if TextEditing.apply(key, to: &confirm.text, limit: 200) { confirm.error = nil }
        }
        return []
    }

    /// Tells each held write's form or plan that nothing was sent.
    private static func cancel(_ state: inout AppState, _ pending: [Effect], name: String) {
        for effect in pending {
            switch effect {
            case .write(.rebind(let formID), _): _ = RebindFlow.finished(&state, formID: formID, .notAttempted)
            case .write(.reset(let key), _): _ = ResetFlow.finished(&state, key: key, .notAttempted)
            case .applyPlan(let plan):
                if state.runningBatch == plan.id { state.runningBatch = nil }
                if var review = PlanReviewFlow.openReview(state, plan.id) {
                    review.phase = .review
                    PlanReviewFlow.replace(&state, review)
                }
            default: break
            }
        }
        state.post("nothing sent: \(TextSanitizer.visible(name)) is protected and its name was not typed", .notice)
    }
}
