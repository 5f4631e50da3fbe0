import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// Custom actions (issue 24): from their key or the palette, on the
/// selected node, the selected instance or the marked rows. Refused, with
/// one line, in read-only mode unless `read-only-safe`, without a
/// selection of their scope, or when a field's value is not acceptable
/// (`ActionInvocation.prepare`). Every run is an event (and so a line of
/// the events log), when it starts and when it ends.
package enum CustomActionFlow {
    package static func start(_ state: inout AppState, named name: String) -> [Effect] {
        guard let action = state.config.customActions.first(where: { $0.name == name }) else { return [] }
        if state.config.wallboard { return [] }
        if state.config.readOnly && !action.readOnlySafe {
            state.post("read-only: \(name) is not marked read-only-safe in the config", .notice)
            return []
        }
        switch invocation(state, action) {
        case .failure(let refusal):
            state.post(refusal.message, .warning)
            return []
        case .success(let invocation):
            if action.confirm {
                state.overlays.append(.confirmAction(ActionConfirm(invocation: invocation)))
                return []
            }
            return launch(&state, invocation)
        }
    }

    /// The confirmation's keys: `y` runs, anything else goes back.
    package static func confirmKey(_ state: inout AppState, _ confirm: ActionConfirm, _ key: Key) -> [Effect] {
        state.overlays.close(.confirmAction)
        guard key == .char("y") || key == .char("Y") else {
            state.post("\(confirm.invocation.action.name) not run")
            return []
        }
        return launch(&state, confirm.invocation)
    }

    private static func launch(_ state: inout AppState, _ invocation: ActionInvocation) -> [Effect] {
        // Each argument quoted as a shell would need it: "t1:a b" joined bare read as two. "Starting":
        // it may not start (a missing program), which the run's own event then says.
        let shown = invocation.argv.map { PlanScript.quote(TextSanitizer.excerpt($0, limit: 40)) }.joined(separator: " ")
        note(&state, invocation.action.name, subject: invocation.subject,
             "starting \(invocation.action.name) on \(invocation.subject): \(TextSanitizer.excerpt(shown, limit: 160))", .info)
        if invocation.action.mode == .background { state.post("\(invocation.action.name) running on \(invocation.subject)…") }
        return [.runAction(invocation)]
    }

    /// A run ended: an event, a status line, and the output kept for `O`.
    package static func finished(_ state: inout AppState, _ result: ActionResult) {
        let severity: EventSeverity = result.succeeded ? .info : .warning
        note(&state, result.name, subject: result.subject, "\(result.name) on \(result.subject): \(result.outcome)", severity)
        // A run that never started has no output: `O` keeps showing the last one that did.
        guard result.mode == .background, result.started else {
            if !result.succeeded { state.post("\(result.name): \(result.outcome)", .warning) }
            return
        }
        state.lastActionOutput = ActionOutputView(result: result)
        state.post("\(result.name) on \(result.subject): \(result.outcome) — O shows its output", result.succeeded ? .info : .warning)
    }

    private static func note(_ state: inout AppState, _ name: String, subject: String, _ message: String, _ severity: EventSeverity) {
        Polling.appendEvents(&state, [ClusterEvent(time: state.serverNow, kind: .actionRun, severity: severity, subject: subject, message: message)])
    }
}
