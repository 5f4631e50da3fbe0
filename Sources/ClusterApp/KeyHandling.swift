import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// Keys on the main screen (no overlay open): navigation, panes, filter,
/// sort, refresh, quit, and opening details and forms. Overlays route their
/// keys to their own handlers first. Which key does what comes from
/// `KeyMap`, the list the help, the key bar and README are made from.
package enum KeyHandling {
    package static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        // Quit works everywhere, at every size, in every mode.
        if key == .ctrl("c") { state.quitting = true; return [.quit] }
        if key == .ctrl("l") { return [.repaint] }
        switch state.keyContext {
        case .tooSmall, .wallboard:
            // Nothing but a notice (or the wallboard) is drawn: only quit acts.
            if key == .char("q") { state.quitting = true; return [.quit] }
            return []
        case .overlay:
            if key == .ctrl("z") { return [.suspend] }
            guard let overlay = state.topOverlay else { return [] }
            return OverlayKeys.handle(&state, overlay, key)
        case .filterPrompt:
            if key == .ctrl("z") { return [.suspend] }
            return FilterKeys.handle(&state, key)
        case .main:
            if key == .ctrl("z") { return [.suspend] }
            return mainScreen(&state, key)
        }
    }

    /// The main screen: the key's action from `KeyMap`, then what it does.
    private static func mainScreen(_ state: inout AppState, _ key: Key) -> [Effect] {
        if let custom = state.config.keys.customKeys[key] { return CustomActionFlow.start(&state, named: custom) }
        guard let action = state.config.keys.action(for: key) else { return [] }
        return run(&state, action)
    }

    /// What `action` does on the main screen (its key, or the palette).
    package static func run(_ state: inout AppState, _ action: KeyAction) -> [Effect] {
        if moveCursor(&state, action) || focus(&state, action) { return [] }
        switch action {
        case .quit:
            state.quitting = true
            return [.quit]
        case .suspend:
            return [.suspend]
        case .repaint:
            return [.repaint]
        case .enter:
            return enter(&state)
        case .undo:
            return UndoFlow.start(&state)
        case .asOf:
            return AsOfFlow.open(&state)
        case .copyID, .copyRow:
            return CopyFlow.copy(&state, asJSON: action == .copyRow)
        case .exportTable:
            ExportFlow.open(&state, .table(state.focus))
            return []
        case .exportScreen:
            ExportFlow.open(&state, .screen)
            return []
        case .palette:
            PaletteFlow.open(&state)
            return []
        case .columns:
            ColumnsFlow.open(&state)
            return []
        case .zoom:
            state.zoomed.toggle()
            state.clampCursors()
            return []
        default:
            view(&state, action)
            return []
        }
    }

    /// Pane focus: Tab, Shift-Tab, 1 2 3. True when `action` was one of them.
    private static func focus(_ state: inout AppState, _ action: KeyAction) -> Bool {
        switch action {
        case .nextPane: state.focus = nextPane(state, forward: true)
        case .previousPane: state.focus = nextPane(state, forward: false)
        case .focusNodes: state.focus = .nodes
        case .focusInstances: state.focus = .instances
        case .focusEvents: if Pane.events.isShown(Layout(state: state)) { state.focus = .events }
        default: return false
        }
        return true
    }

    /// The actions that change what is shown or open an overlay.
    private static func view(_ state: inout AppState, _ action: KeyAction) {
        switch action {
        case .help: state.overlays.append(.help)
        case .alerts: state.overlays.append(.alerts(AlertsList()))
        case .fleet: FleetFlow.open(&state)
        case .problems: ProblemsFlow.open(&state)
        case .asOf, .copyID, .copyRow, .exportTable, .exportScreen, .zoom, .palette, .columns: break  // answered above
        case .actionOutput:
            if var output = state.lastActionOutput {
                output.fit(screenWidth: state.width)
                state.overlays.append(.actionOutput(output))
            } else {
                state.post("no custom action has run in the background yet (they are in the config file: README, Custom actions)", .notice)
            }
        case .changes:
            state.overlays.close(.changes)
            state.overlays.append(.changes(ChangesList()))
        case .refresh:
            state.overviewPoll.requestNow(state.now)
            state.instancesPoll.requestNow(state.now)
            state.post("refreshing…")
        case .switchContext: ContextSwitchFlow.open(&state)
        case .filter: FilterKeys.open(&state)
        case .back: clearAFilter(&state)
        case .ghosts:
            state.showGhosts.toggle()
            state.recompute(.filter)
            state.post(state.showGhosts ? "showing ghost records" : "ghost records folded away")
        case .sortNext: cycleSort(&state)
        case .sortReverse: reverseSort(&state)
        case .absoluteTimes: state.absoluteTimes.toggle()
        case .details:
            if state.focus == .instances, let instance = state.selectedInstance {
                state.overlays.append(.instanceDetails(instance.key))
            } else if state.focus == .nodes, let node = state.selectedNode {
                state.overlays.append(.nodeDetails(name: node.name))
            }
        case .rebind:
            if state.focus == .instances, !state.marks.isEmpty {
                BulkFlow.openRebind(&state)
            } else if state.focus == .instances, let instance = state.selectedInstance {
                RebindFlow.open(&state, instance)
            }
        case .mark: BulkFlow.toggleMark(&state)
        case .markAll: BulkFlow.markAll(&state)
        case .evacuate:
            if state.focus == .nodes, let node = state.selectedNode {
                BulkFlow.openEvacuate(&state, node: node.name)
            } else {
                state.post("E evacuates a node: select one in the nodes pane (1)", .notice)
            }
        case .reset:
            if state.focus == .instances, let instance = state.selectedInstance { ResetFlow.ask(&state, instance) }
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .nextPane, .previousPane, .focusNodes,
             .focusInstances, .focusEvents, .enter, .quit, .suspend, .repaint, .undo:
            break
        }
    }

    /// Esc on the main screen: the marks first, then the focused pane's
    /// filter, then the others.
    private static func clearAFilter(_ state: inout AppState) {
        if !state.marks.isEmpty {
            state.post("cleared \(Fmt.count(state.marks.count)) marks")
            state.marks.removeAll()
            return
        }
        let own = state.focus
        for pane in [own] + Pane.allCases.filter({ $0 != own }) {
            let f = state[keyPath: pane.filter]
            if f.isActive || !f.text.isEmpty { FilterKeys.clear(&state, pane); return }
        }
    }

    private static func enter(_ state: inout AppState) -> [Effect] {
        switch state.focus {
        case .nodes:
            if let node = state.selectedNode { state.overlays.append(.nodeDetails(name: node.name)) }
        case .instances:
            guard let instance = state.selectedInstance else { return [] }
            if !state.marks.isEmpty {
                BulkFlow.openRebind(&state)
            } else if state.canWrite {
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

    /// Arrow and paging keys on the focused pane, from the filter prompt:
    /// its keys are fixed as documented (a `[keys]` line changes the main screen only).
    package static func moveCursor(_ state: inout AppState, _ key: Key) -> Bool {
        guard let action = KeyMap.standard.action(for: key) else { return false }
        return moveCursor(&state, action)
    }

    /// The movement actions on the focused pane. Returns true when handled.
    package static func moveCursor(_ state: inout AppState, _ action: KeyAction) -> Bool {
        let pane = state.focus
        let count = pane.rowCount(state), rows = pane.visibleRows(Layout(state: state))
        let delta: Int
        switch action {
        case .moveUp: delta = -1
        case .moveDown: delta = 1
        case .pageUp: delta = -max(1, rows - 1)
        case .pageDown: delta = max(1, rows - 1)
        case .first: delta = -count
        case .last: delta = count
        default: return false
        }
        state.move(pane, by: delta)
        return true
    }

    private static func nextPane(_ state: AppState, forward: Bool) -> Pane {
        // Zoomed, Tab takes the zoom to the next pane: the panes shown unzoomed are the choice.
        let layout = Layout(width: state.width, height: state.height, nodeCount: state.derived.nodes.count, banner: state.isStale)
        let panes = Pane.allCases.filter { $0.isShown(layout) }
        let index = panes.firstIndex(of: state.focus) ?? 0
        return panes[(index + (forward ? 1 : panes.count - 1)) % panes.count]
    }

    /// `s`: the next sortable column of the focused table, in column order (`NodeColumns`, `InstanceColumns`).
    private static func cycleSort(_ state: inout AppState) {
        switch state.focus {
        case .nodes:
            let all = NodeColumns.all.sortCycle()
            if let current = state.nodePane.sort, let i = all.firstIndex(of: current.column) {
                state.nodePane.sort = i + 1 < all.count ? SortSpec(column: all[i + 1], ascending: true) : nil
            } else {
                state.nodePane.sort = SortSpec(column: all[0], ascending: true)
            }
            state.post("nodes sorted by \(state.nodePane.sort.map { NodeColumns.all.sortName($0.column) } ?? "health (problems first)")")
        case .instances, .events:
            let all = InstanceColumns.all.sortCycle()
            let i = all.firstIndex(of: state.instancePane.sort.column) ?? 0
            state.instancePane.sort = SortSpec(column: all[(i + 1) % all.count], ascending: true)
            state.post("instances sorted by \(InstanceColumns.all.sortName(state.instancePane.sort.column))")
        }
        state.recompute(.sort)
    }

    private static func reverseSort(_ state: inout AppState) {
        switch state.focus {
        case .nodes:
            if var sort = state.nodePane.sort { sort.ascending.toggle(); state.nodePane.sort = sort }
        case .instances, .events:
            state.instancePane.sort.ascending.toggle()
        }
        state.recompute(.sort)
    }
}
