import ClusterModel
import Foundation

/// Keys on the main screen (no overlay open): navigation, panes, filter,
/// sort, refresh, quit, and opening details and forms. Overlays route their
/// keys to their own handlers first. Every key here is listed in the help
/// overlay (`HelpContent`) and in the README.
enum KeyHandling {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        // Quit works everywhere, at every size, in every mode.
        if key == .ctrl("c") { state.quitting = true; return [.quit] }
        if key == .ctrl("l") { return [.repaint] }
        if state.config.wallboard {
            // The wallboard ignores everything but quit: terminal replies may arrive as keys.
            if key == .char("q") { state.quitting = true; return [.quit] }
            return []
        }
        if key == .ctrl("z") { return [.suspend] }
        if let overlay = state.topOverlay { return OverlayKeys.handle(&state, overlay, key) }
        if state.editingFilter != nil { return FilterKeys.handle(&state, key) }
        return mainScreen(&state, key)
    }

    private static func mainScreen(_ state: inout AppState, _ key: Key) -> [Effect] {
        if moveCursor(&state, key) { return [] }
        switch key {
        case .char("q"):
            state.quitting = true
            return [.quit]
        case .char("?"), .function(1):
            state.overlays.append(.help)
        case .char("r"):
            state.overviewPoll.requestNow(state.now)
            state.instancesPoll.requestNow(state.now)
            state.post("refreshing…")
        case .tab:
            state.focus = nextPane(state, forward: true)
        case .backTab:
            state.focus = nextPane(state, forward: false)
        case .char("1"):
            state.focus = .nodes
        case .char("2"):
            state.focus = .instances
        case .char("3"):
            if Layout(state: state).eventRows > 0 { state.focus = .events }
        case .char("/"):
            FilterKeys.open(&state)
        case .escape:
            // The focused pane's filter first, then the other one.
            let own: Pane = state.focus == .nodes ? .nodes : .instances
            let other: Pane = own == .nodes ? .instances : .nodes
            for pane in [own, other] {
                let f = state[keyPath: FilterKeys.keyPath(pane)]
                if f.isActive || !f.text.isEmpty { FilterKeys.clear(&state, pane); break }
            }
        case .char("g"):
            state.showGhosts.toggle()
            state.recompute(.filter)
            state.post(state.showGhosts ? "showing ghost records" : "ghost records folded away")
        case .char("s"):
            cycleSort(&state)
        case .char("S"):
            reverseSort(&state)
        case .char("t"):
            state.absoluteTimes.toggle()
        case .enter:
            return enter(&state)
        case .char("i"):
            if state.focus == .instances, let instance = state.selectedInstance {
                state.overlays.append(.instanceDetails(instance.key))
            } else if state.focus == .nodes, let node = state.selectedNode {
                state.overlays.append(.nodeDetails(name: node.name))
            }
        case .char("e"):
            if state.focus == .instances, let instance = state.selectedInstance { RebindFlow.open(&state, instance) }
        case .char("x"):
            if state.focus == .instances, let instance = state.selectedInstance { ResetFlow.ask(&state, instance) }
        default:
            break
        }
        return []
    }

    private static func enter(_ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .nodes:
            if let node = state.selectedNode { state.overlays.append(.nodeDetails(name: node.name)) }
        case .instances:
            guard let instance = state.selectedInstance else { return [] }
            if state.canWrite {
                RebindFlow.open(&state, instance)
            } else {
                state.overlays.append(.instanceDetails(instance.key))
                state.post("read-only: rebinding is disabled", .notice)
            }
        case .events:
            break
        }
        return []
    }

    /// Arrow, vi and paging keys on the focused pane. Returns true when handled.
    static func moveCursor(_ state: inout AppState, _ key: Key) -> Bool {
        let layout = Layout(state: state)
        let (count, rows): (Int, Int) = switch state.focus {
        case .nodes: (state.derived.nodes.count, layout.nodeRows)
        case .instances: (state.derived.instanceRows.count, layout.instanceRows)
        case .events: (state.events.count, max(1, layout.eventRows))
        }
        let delta: Int
        switch key {
        case .up, .char("k"): delta = -1
        case .down, .char("j"): delta = 1
        case .pageUp, .ctrl("b"): delta = -max(1, rows - 1)
        case .pageDown, .ctrl("f"), .char(" "): delta = max(1, rows - 1)
        case .home: delta = -count
        case .end, .char("G"): delta = count
        default: return false
        }
        switch state.focus {
        case .nodes:
            state.nodeCursor.move(by: delta, count: count)
            state.nodeCursor.clamp(count: count, rows: rows)
        case .instances:
            state.instanceCursor.move(by: delta, count: count)
            state.instanceCursor.clamp(count: count, rows: rows)
        case .events:
            state.eventCursor.move(by: delta, count: count)
            state.eventCursor.clamp(count: count, rows: rows)
        }
        return true
    }

    private static func nextPane(_ state: AppState, forward: Bool) -> Pane {
        let panes: [Pane] = Layout(state: state).eventRows > 0 ? [.nodes, .instances, .events] : [.nodes, .instances]
        let index = panes.firstIndex(of: state.focus) ?? 0
        return panes[(index + (forward ? 1 : panes.count - 1)) % panes.count]
    }

    private static func cycleSort(_ state: inout AppState) {
        switch state.focus {
        case .nodes:
            let all = NodeColumn.allCases
            if let current = state.nodeSort, let i = all.firstIndex(of: current.column) {
                state.nodeSort = i + 1 < all.count ? SortSpec(column: all[i + 1], ascending: true) : nil
            } else {
                state.nodeSort = SortSpec(column: all[0], ascending: true)
            }
            state.post("nodes sorted by \(state.nodeSort.map { $0.column.rawValue } ?? "health (live first)")")
        case .instances, .events:
            let all = InstanceColumn.allCases
            let i = all.firstIndex(of: state.instanceSort.column) ?? 0
            state.instanceSort = SortSpec(column: all[(i + 1) % all.count], ascending: true)
            state.post("instances sorted by \(state.instanceSort.column.rawValue)")
        }
        state.recompute(.sort)
    }

    private static func reverseSort(_ state: inout AppState) {
        switch state.focus {
        case .nodes:
            if var sort = state.nodeSort { sort.ascending.toggle(); state.nodeSort = sort }
        case .instances, .events:
            state.instanceSort.ascending.toggle()
        }
        state.recompute(.sort)
    }
}
