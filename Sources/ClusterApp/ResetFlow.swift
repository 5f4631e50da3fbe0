import ClusterGrid
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// Reset to default (DELETE of the assignment): ask first, send on `y`
/// through the write engine (which re-reads the binding first, issue 19),
/// and report `removed: false` as "nothing to remove" until the next key.
package enum ResetFlow {
    package static func ask(_ state: inout AppState, _ instance: Instance) {
        guard RebindFlow.mayStartWrite(&state, on: instance, disabled: "reset") else { return }
        let defaultNode = state.snapshot?.defaultNodeName ?? ""
        guard instance.explicit else {
            // Nothing to reset: say so at once and send nothing (issue 11).
            state.post("\(TextSanitizer.visible(instance.name)) already follows the default node (\(defaultNode)): nothing to reset", .notice)
            return
        }
        state.overlays.append(.confirmReset(ResetConfirm(instance: instance, defaultNode: defaultNode)))
    }

    package static func key(_ state: inout AppState, _ confirm: ResetConfirm, _ key: Key) -> [Effect] {
        if confirm.sending {
            if key == .escape { state.overlays.removeLast() }
            return []
        }
        switch key {
        case .char("y"), .char("Y"):
            var sending = confirm
            sending.sending = true
            sending.error = nil
            state.overlays.replace(.confirmReset(sending))
            let prior = PlanBinding(state.snapshot?.assignmentsByKey[confirm.key])
            let item = PlanItem(key: confirm.key, name: confirm.instance.name, from: prior, fromNode: confirm.instance.nodeName,
                                to: .followsDefault)
            return [.write(.reset(confirm.key), MovePlan.single(item, at: state.now))]
        case .char("n"), .char("N"), .escape, .char("q"):
            state.overlays.removeLast()
        default:
            break
        }
        return []
    }

    /// The engine's outcome: close and say so, or keep the confirmation open with the reason.
    package static func finished(_ state: inout AppState, key: EntityKey, _ outcome: ItemOutcome) -> [Effect] {
        guard case .confirmReset(let open)? = state.overlays.find(.reset(key)), open.sending else {
            WriteOutcomeText.postClosed(&state, outcome, verb: "reset", label: TextSanitizer.visible(key.description))
            return []
        }
        let name = TextSanitizer.visible(open.instance.name)
        switch outcome {
        case .applied(_, .nothingToRemove), .unchanged:
            // Nothing changed, so no pending check will overwrite this: it stays until the next key (issue 19).
            state.overlays.close(.reset(key))
            state.postUntilKey("\(name) was already on the default node: nothing to remove", .notice)
        case .applied(_, let how):
            state.overlays.close(.reset(key))
            state.post("reset \(name) to the default node; " + (how == .reread ? WriteOutcomeText.confirmed : "checking…"), .notice)
            expectDefault(&state, key)
        case .changedMeanwhile(_, let now, let row):
            var shown = open
            shown.sending = false
            shown.error = "changed meanwhile: " + WriteOutcomeText.change(now, row) + "; nothing was sent"
            state.overlays.replace(.confirmReset(shown))
        case .unknown:
            // As the rebind form: closed and said; a later read settles it (`writeSettled`).
            state.overlays.close(.reset(key))
            state.postUntilKey("reset of \(name): " + WriteOutcomeText.problem(outcome), .warning)
            state.overviewPoll.requestNow(state.now)
        case .notApplied, .notAttempted, .vanished:
            var shown = open
            shown.sending = false
            shown.error = WriteOutcomeText.problem(outcome)
            state.overlays.replace(.confirmReset(shown))
        }
        return []
    }

    /// After a reset landed: look for it in the next overview.
    package static func expectDefault(_ state: inout AppState, _ key: EntityKey) {
        state.pendingCheck = PendingCheck(key: key, nodeName: nil, mode: nil, since: state.now)
        state.overviewPoll.requestNow(state.now)
    }
}
