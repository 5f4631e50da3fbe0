import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// Keys while an overlay is on top: help, details, the rebind form, the
/// reset confirmation. `Esc` always backs out one level.
package enum OverlayKeys {
    package static func handle(_ state: inout AppState, _ overlay: Overlay, _ key: Key) -> [Effect] {
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
                state.helpScroll = min(max(0, state.helpScroll + scroll), state.helpLineCount)
            } else {
                state.overlays.removeLast()
                state.helpScroll = 0
            }
        case .nodeDetails(let name):
            if key == .escape || key == .enter || key == .char("q") || key == .char("i") { state.overlays.removeLast() }
            if key == .char("E") {
                state.overlays.removeLast()
                BulkFlow.openEvacuate(&state, node: name)
            }
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
            state.overlays.replace(.rebind(form))
            return effects
        case .confirmReset(let confirm):
            return ResetFlow.key(&state, confirm, key)
        case .contextPicker(let picker):
            return ContextSwitchFlow.key(&state, picker, key)
        case .typeName(var confirm):
            let effects = ProtectedWrites.key(&state, &confirm, key)
            state.overlays.replace(.typeName(confirm))
            return effects
        case .problems(var list):
            let effects = ProblemsFlow.key(&state, &list, key)
            state.overlays.replace(.problems(list))
            return effects
        case .changes(var list):
            ChangesFlow.key(&state, &list, key)
            state.overlays.replace(.changes(list))
        case .columns(var picker):
            let effects = ColumnsFlow.key(&state, &picker, key)
            state.overlays.replace(.columns(picker))
            return effects
        case .palette(let palette):
            return PaletteFlow.key(&state, palette, key)
        case .confirmAction(let confirm):
            return CustomActionFlow.confirmKey(&state, confirm, key)
        case .actionOutput(var output):
            ActionOutputFlow.key(&state, &output, key)
            state.overlays.replace(.actionOutput(output))
        case .export(var form):
            let effects = ExportFlow.key(&state, &form, key)
            if state.overlays.find(.export) != nil { state.overlays.replace(.export(form)) }
            return effects
        case .asOf(var mode):
            let effects = AsOfFlow.key(&state, &mode, key)
            state.overlays.replace(.asOf(mode))
            return effects
        case .merged(var table):
            let effects = MergedFlow.key(&state, &table, key)
            state.overlays.replace(.merged(table))
            return effects
        case .fleet(var list):
            let effects = FleetFlow.key(&state, &list, key)
            state.overlays.replace(.fleet(list))
            return effects
        case .bulk(var form):
            BulkFlow.key(&state, &form, key)
            state.overlays.replace(.bulk(form))
        case .alerts(var list):
            let effects = AlertsListFlow.key(&state, &list, key)
            state.overlays.replace(.alerts(list))
            return effects
        case .plan(var review):
            let effects = PlanReviewFlow.key(&state, &review, key)
            state.overlays.replace(.plan(review))
            return effects
        }
        return []
    }
}
