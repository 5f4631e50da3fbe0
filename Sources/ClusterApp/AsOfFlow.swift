import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The as-of mode (`[`, issue 22): the cluster as recorded at a past
/// moment, stepped with `[` `]` (a minute) and `{` `}` (ten), or a typed
/// time (`@`); a screen of its own, so no write key reaches a form; `Esc`
/// (or stepping past now) returns to live.
package enum AsOfFlow {
    package static func open(_ state: inout AppState) -> [Effect] {
        guard state.config.recordsHistory, state.history != nil else {
            state.post(state.config.recordsHistory ? "no history recorded yet: wait for the first poll"
                                                   : "history is off (--no-history)", .warning)
            return []
        }
        // A minute back, but not before the first poll recorded (a dashboard started seconds ago).
        var moment = state.now.addingTimeInterval(-60)
        if let since = state.history?.recordedSince, since > moment { moment = min(since, state.now) }
        state.overlays.close(.asOf)
        state.overlays.append(.asOf(AsOfState(at: moment)))
        return [.loadAsOf(moment)]
    }

    package static func key(_ state: inout AppState, _ mode: inout AsOfState, _ key: Key) -> [Effect] {
        if mode.typing { return type(&state, &mode, key) }
        if let moved = ListKeys.moved(key, at: mode.selected, count: mode.view?.nodes.count ?? 0, page: ListKeys.page(state.height)) {
            mode.selected = moved
            return []
        }
        switch key {
        case .char("["): return move(&state, &mode, by: -60)
        case .char("]"): return move(&state, &mode, by: 60)
        case .char("{"): return move(&state, &mode, by: -600)
        case .char("}"): return move(&state, &mode, by: 600)
        case .char("@"):
            mode.typing = true
            mode.text = ""
        case .escape, .char("q"):
            state.overlays.close(.asOf)
            state.post("live again")
        default: break
        }
        return []
    }

    /// Steps to another moment; past now is live again.
    private static func move(_ state: inout AppState, _ mode: inout AsOfState, by seconds: TimeInterval) -> [Effect] {
        go(&state, &mode, to: mode.at.addingTimeInterval(seconds))
    }

    private static func go(_ state: inout AppState, _ mode: inout AsOfState, to moment: Date) -> [Effect] {
        guard moment < state.now else {
            state.overlays.close(.asOf)
            state.post("live again")
            return []
        }
        mode.at = moment
        mode.view = nil
        return [.loadAsOf(moment)]
    }

    private static func type(_ state: inout AppState, _ mode: inout AsOfState, _ key: Key) -> [Effect] {
        switch TextEditing.prompt(key, text: &mode.text, limit: 20) {
        case .submit:
            guard let moment = TypedMoment.parse(mode.text, now: state.now) else {
                mode.error = TypedMoment.problem(mode.text, now: state.now)
                return []
            }
            mode.typing = false
            mode.error = nil
            return go(&state, &mode, to: moment)
        case .cancel:
            mode.typing = false
            mode.error = nil
        case .edited: mode.error = nil
        case .ignored: break
        }
        return []
    }

    /// The store's answer: taken when it is for the moment still shown.
    package static func loaded(_ state: inout AppState, _ view: ClusterAsOf) {
        guard case .asOf(var mode)? = state.overlays.find(.asOf), mode.at == view.at else { return }
        mode.view = view
        mode.selected = min(mode.selected, max(0, view.nodes.count - 1))
        state.overlays.replace(.asOf(mode))
    }
}
