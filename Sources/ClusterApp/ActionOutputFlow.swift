import ClusterGrid
import ClusterState

/// The keys of a custom action's output pane (`O`): scroll, close.
enum ActionOutputFlow {
    static func key(_ state: inout AppState, _ output: inout ActionOutputView, _ key: Key) {
        switch key {
        case .escape, .char("q"), .char("O"):
            state.overlays.close(.actionOutput)
        default:
            output.fit(screenWidth: state.width)
            // The last page's first row is as far as it scrolls (no dead zone for ↑ past the end).
            let last = max(0, output.rows.count - ListKeys.page(state.height))
            if let moved = ListKeys.moved(key, at: min(output.scroll, last), count: last + 1, page: ListKeys.page(state.height)) {
                output.scroll = moved
            }
        }
    }

    /// The terminal was resized: the open output's lines wrap to the new width.
    static func resized(_ state: inout AppState) {
        guard case .actionOutput(var output)? = state.overlays.find(.actionOutput) else { return }
        output.fit(screenWidth: state.width)
        state.overlays.replace(.actionOutput(output))
    }
}
