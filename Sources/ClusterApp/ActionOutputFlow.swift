import ClusterGrid
import ClusterState

/// The keys of a custom action's output pane (`O`): scroll, close.
enum ActionOutputFlow {
    static func key(_ state: inout AppState, _ output: inout ActionOutputView, _ key: Key) {
        switch key {
        case .escape, .char("q"), .char("O"):
            state.overlays.close(.actionOutput)
        default:
            let count = output.lines.count
            if let moved = ListKeys.moved(key, at: output.scroll, count: count, page: ListKeys.page(state.height)) {
                output.scroll = moved
            }
        }
    }
}
