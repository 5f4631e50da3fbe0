import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// Keys while an overlay is on top: help, details, the rebind form, the
/// reset confirmation. `Esc` always backs out one level.
package enum OverlayKeys {
    /// Handles `key` for the overlay on top, `overlay`.
    package static func handle(_ state: inout AppState, _ overlay: Overlay, _ key: Key) -> [Effect] {
        switch overlay {
        case .help:
            helpKey(&state, key)
        case .nodeDetails(let name):
            nodeDetailsKey(&state, name, key)
        case .instanceDetails(let entityKey):
            instanceDetailsKey(&state, entityKey, key)
        case .rebind(let form):
            return edit(&state, form, Overlay.rebind) { RebindFlow.key(&$0, &$1, key) }
        case .confirmReset(let confirm):
            return ResetFlow.key(&state, confirm, key)
        case .contextPicker(let picker):
            return ContextSwitchFlow.key(&state, picker, key)
        case .typeName(let confirm):
            return edit(&state, confirm, Overlay.typeName) { ProtectedWrites.key(&$0, &$1, key) }
        case .problems(let list):
            return edit(&state, list, Overlay.problems) { ProblemsFlow.key(&$0, &$1, key) }
        case .changes(let list):
            return edit(&state, list, Overlay.changes) { ChangesFlow.key(&$0, &$1, key); return [] }
        case .columns(let picker):
            return edit(&state, picker, Overlay.columns) { ColumnsFlow.key(&$0, &$1, key) }
        case .palette(let palette):
            return PaletteFlow.key(&state, palette, key)
        case .confirmAction(let confirm):
            return CustomActionFlow.confirmKey(&state, confirm, key)
        case .actionOutput(let output):
            return edit(&state, output, Overlay.actionOutput) { ActionOutputFlow.key(&$0, &$1, key); return [] }
        case .export(let form):
            return edit(&state, form, Overlay.export) { ExportFlow.key(&$0, &$1, key) }
        case .asOf(let mode):
            return edit(&state, mode, Overlay.asOf) { AsOfFlow.key(&$0, &$1, key) }
        case .merged(let table):
            return edit(&state, table, Overlay.merged) { MergedFlow.key(&$0, &$1, key) }
        case .fleet(let list):
            return edit(&state, list, Overlay.fleet) { FleetFlow.key(&$0, &$1, key) }
        case .bulk(let form):
            return edit(&state, form, Overlay.bulk) { BulkFlow.key(&$0, &$1, key); return [] }
        case .alerts(let list):
            return edit(&state, list, Overlay.alerts) { AlertsListFlow.key(&$0, &$1, key) }
        case .plan(let review):
            return edit(&state, review, Overlay.plan) { PlanReviewFlow.key(&$0, &$1, key) }
        }
        return []
    }

    /// Help scrolls with the arrows, `j`/`k`, space and PgUp/PgDn; any other key closes it.
    private static func helpKey(_ state: inout AppState, _ key: Key) {
        let page = max(1, state.height - 6)
        let scroll: Int? = switch key {
        case .down, .char("j"): 1
        case .up, .char("k"): -1
        case .pageDown, .char(" "): page
        case .pageUp: -page
        default: nil
        }
        if let scroll {
            state.helpScroll = min(max(0, state.helpScroll + scroll), state.helpLineCount)
        } else {
            state.overlays.removeLast()
            state.helpScroll = 0
        }
    }

    /// A node's details: closed by Esc, Enter, `q` or `i`; `E` opens its evacuation.
    private static func nodeDetailsKey(_ state: inout AppState, _ name: String, _ key: Key) {
        if key == .escape || key == .enter || key == .char("q") || key == .char("i") { state.overlays.removeLast() }
        if key == .char("E") {
            state.overlays.removeLast()
            BulkFlow.openEvacuate(&state, node: name)
        }
    }

    /// An instance's details: closed by Esc, `q` or `i`; Enter or `e` opens
    /// its rebind form, `x` its reset confirmation.
    private static func instanceDetailsKey(_ state: inout AppState, _ entityKey: EntityKey, _ key: Key) {
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
    }

    /// Runs `flow` on an overlay's own value, then puts the value back where
    /// that overlay is (nothing when the flow closed it).
    private static func edit<Value>(
        _ state: inout AppState, _ value: Value, _ wrap: (Value) -> Overlay, _ flow: (inout AppState, inout Value) -> [Effect]
    ) -> [Effect] {
        var value = value
        let effects = flow(&state, &value)
        state.overlays.replace(wrap(value))
        return effects
    }
}
