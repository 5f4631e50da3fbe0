import ClusterModel
import Foundation

/// Keys while the `/` filter prompt is open: the query is re-parsed and
/// applied on every keystroke; a parse error is shown and the last good
/// query stays in force. `Enter` keeps the filter and closes the prompt,
/// `Esc` clears it.
enum FilterKeys {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .enter:
            state.filter.editing = false
        case .escape:
            clear(&state)
        case .backspace:
            guard !state.filter.text.isEmpty else { return [] }
            state.filter.text.removeLast()
            apply(&state)
        case .ctrl("u"):
            state.filter.text = ""
            apply(&state)
        case .ctrl("w"):
            var text = state.filter.text
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
            state.filter.text = text
            apply(&state)
        case .char(let c):
            guard state.filter.text.count < 200, !c.isNewline else { return [] }
            state.filter.text.append(c)
            apply(&state)
        default:
            _ = KeyHandling.moveCursor(&state, key)
        }
        return []
    }

    static func clear(_ state: inout AppState) {
        state.filter = FilterState()
        state.recompute(.filter)
        state.instanceCursor = TableCursor()
        state.nodeCursor = TableCursor()
    }

    /// Parses the text; applies it when it parses, keeps the old query otherwise.
    static func apply(_ state: inout AppState) {
        switch FilterQuery.parse(state.filter.text) {
        case .success(let query):
            state.filter.error = nil
            guard query != state.filter.query else { return }
            state.filter.query = query
            state.recompute(.filter)
            state.instanceCursor.moveTo(0, count: state.derived.instanceRows.count)
            state.nodeCursor.moveTo(0, count: state.derived.nodes.count)
            state.clampCursors()
        case .failure(let error):
            state.filter.error = error.message
        }
    }
}

/// Keys while an overlay is on top: help, details, the rebind form, the
/// reset confirmation. `Esc` always backs out one level.
enum OverlayKeys {
    static func handle(_ state: inout AppState, _ overlay: Overlay, _ key: Key) -> [Effect] {
        switch overlay {
        case .help:
            let page = max(1, state.height - 6)
            let scroll: Int? = switch key {
            case .down, .char("j"): 1
            case .up, .char("k"): -1
            case .pageDown, .char(" "): page
            case .pageUp: -page
            default: nil
            }
            if let scroll {
                state.helpScroll = min(max(0, state.helpScroll + scroll), HelpContent.lineCount(state))
            } else {
                state.overlays.removeLast()
                state.helpScroll = 0
            }
        case .nodeDetails:
            if key == .escape || key == .enter || key == .char("q") || key == .char("i") { state.overlays.removeLast() }
        case .instanceDetails(let entityKey):
            switch key {
            case .escape, .char("q"), .char("i"):
                state.overlays.removeLast()
            case .enter, .char("e"):
                if let instance = state.snapshot?.instances.first(where: { $0.key == entityKey }) {
                    state.overlays.removeLast()
                    RebindFlow.open(&state, instance)
                }
            case .char("x"):
                if let instance = state.snapshot?.instances.first(where: { $0.key == entityKey }) {
                    state.overlays.removeLast()
                    ResetFlow.ask(&state, instance)
                }
            default:
                break
            }
        case .rebind(var form):
            let effects = RebindFlow.key(&state, &form, key)
            replaceTop(&state, form)
            return effects
        case .confirmReset(let confirm):
            return ResetFlow.key(&state, confirm, key)
        }
        return []
    }

    /// Writes the edited form back over the top overlay, unless the handler closed it.
    private static func replaceTop(_ state: inout AppState, _ form: RebindForm) {
        guard case .rebind(let top)? = state.topOverlay, top.id == form.id else { return }
        state.overlays[state.overlays.count - 1] = .rebind(form)
    }
}
