import ClusterGrid
import ClusterState

/// The keys of a custom action's output pane (`O`): scroll, close.
enum ActionOutputFlow {
    static func key(_ state: inout AppState, _ output: inout ActionOutputView, _ key: Key) {
        switch key {
        case .escape, .char("q"), .char("O"):
            state.overlays.close(.actionOutput)
        default:
            // The last page's first line is as far as it scrolls (no dead zone for ↑ past the end).
            let last = max(0, output.lines.count - ListKeys.page(state.height))
            if let moved = ListKeys.moved(key, at: min(output.scroll, last), count: last + 1, page: ListKeys.page(state.height)) {
                output.scroll = moved
            }
        }
    }
}
