import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// Draws the rebind form: the entity and its current binding, the node
/// picker (status and heartbeat per node), the mode, a one-line preview,
/// Apply / Cancel, and the form's error, confirmation or spinner line.
package enum RebindFormView {
    package static func draw(_ state: AppState, _ form: RebindForm, into screen: inout Screen, glyphs: Glyphs) {
        let candidates = state.pickerNodes(for: form).count
        // Roomy: blank separators and the mode's explanation; compact (short
        // terminals): only what is needed to decide and apply.
        let roomy = screen.height >= 24
        let fixed = roomy ? 13 : 7
        let pickerRows = max(1, min(max(1, candidates), screen.height - 4 - fixed))
        let frame = ModalFrame(screen: screen, width: 84, height: fixed + pickerRows + 2)
        frame.draw(into: &screen, title: "Rebind \(form.instance.entityType.rawValue)" + FormLines.staleNote(state))
        let now = state.observedAt
        let instance = form.instance
        let dim = TextStyle(role: .dim)
        frame.line(&screen, 0, "entity", style: dim)
        frame.line(&screen, 0, "\(instance.name)  (\(instance.entityId))", style: TextStyle(role: .modal, bold: true), indent: 9)
        frame.line(&screen, 1, "now", style: dim)
        frame.line(&screen, 1, BindingText.describe(instance, assignment: form.assignmentSeen, now: now), indent: 9)

        var row = roomy ? 3 : 2
        let focusedPicker = form.field == .picker && form.phase == .editing
        frame.line(&screen, row, "node", style: TextStyle(role: focusedPicker ? .title : .dim, bold: focusedPicker))
        let typed = form.pickerText.isEmpty && !focusedPicker ? "type to narrow" : form.pickerText + (focusedPicker ? "█" : "")
        frame.line(&screen, row, "[" + typed + "]", style: TextStyle(role: .input), indent: 9)
        drawPicker(state, form, frame: frame, into: &screen, top: row + 1, rows: pickerRows, glyphs: glyphs)
        row += 1 + pickerRows + (roomy ? 1 : 0)

        let modeFocused = form.field == .mode && form.phase == .editing
        frame.line(&screen, row, "mode", style: TextStyle(role: modeFocused ? .title : .dim, bold: modeFocused))
        let strict = (form.mode == .strict ? "(•)" : "( )") + " strict"
        let preferred = (form.mode == .preferred ? "(•)" : "( )") + " preferred"
        let modeStyle = modeFocused ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal)
        frame.line(&screen, row, strict + "   " + preferred + "   (←/→)", style: modeStyle, indent: 9)
        // `--accessible`: a reader follows Tab out of the node list to the mode and the buttons.
        if modeFocused { screen.cursor = ScreenPoint(x: frame.innerX + 9, y: frame.innerY + row) }
        if roomy {
            frame.line(&screen, row + 1, modeHelp(form.mode), style: dim, indent: 9)
            row += 3
        } else {
            row += 1
        }
        frame.line(&screen, row, preview(form, instance), style: TextStyle(role: .accent, bold: true))
        drawButtons(form, frame: frame, into: &screen, row: row + 1)
        drawPhase(state, form, frame: frame, into: &screen, row: row + (roomy ? 3 : 2), glyphs: glyphs)
    }

    private static func drawPicker(
        _ state: AppState, _ form: RebindForm, frame: ModalFrame, into screen: inout Screen, top: Int, rows: Int, glyphs: Glyphs
    ) {
        let nodes = state.pickerNodes(for: form)
        guard !nodes.isEmpty else {
            frame.line(&screen, top, "no node matches \"\(form.pickerText)\"", style: TextStyle(role: .warning), indent: 2)
            return
        }
        let now = state.observedAt
        PickerList.draw(count: nodes.count, selected: nodes.firstIndex { $0.name == form.selectedNode } ?? 0, rows: rows, frame: frame,
                        into: &screen, top: top, indent: 0) { index, isSelected in
            let node = nodes[index]
            let health = node.health(now: now, thresholds: state.thresholds)
            var marks = ""
            if node.name == state.snapshot?.defaultNodeName { marks += " " + glyphs.defaultNode }
            if node.name == form.instance.nodeName { marks += " (current)" }
            let detail = "hb \(AgeFormat.compact(node.heartbeatAge(now: now)))  \(node.role.rawValue)"
            return (PickerList.nodeLine(pointer: isSelected ? glyphs.pointer : " ", glyph: glyphs.health(health),
                                        label: TextSanitizer.visible(node.name) + marks, status: node.status.rawValue, detail: detail),
                    PickerList.style(selected: isSelected, health: health))
        }
    }

    private static func modeHelp(_ mode: AssignmentMode) -> String {
        mode == .strict
            ? "strict: runs only there; queues while that node is down"
            : "preferred: runs there; falls back to the default node when it is down"
    }

    package static func preview(_ form: RebindForm, _ instance: Instance) -> String {
        let from = instance.explicit ? "\(instance.nodeName) (\(instance.mode.rawValue))" : "default \(instance.nodeName)"
        guard let target = form.selectedNode else { return "→ pick a node" }
        return "→ \(instance.entityType.rawValue) \(instance.name): \(from) → \(target) (\(form.mode.rawValue))"
    }

    private static func drawButtons(_ form: RebindForm, frame: ModalFrame, into screen: inout Screen, row: Int) {
        let apply = form.field == .apply ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal, bold: true)
        let cancel = form.field == .cancel ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal)
        let used = frame.line(&screen, row, "[ Apply ]", style: apply, indent: 0)
        frame.line(&screen, row, "[ Cancel ]", style: cancel, indent: used + 2)
        if form.field == .apply || form.field == .cancel, form.phase == .editing, row < frame.innerHeight {
            screen.cursor = ScreenPoint(x: frame.innerX + (form.field == .apply ? 0 : used + 2), y: frame.innerY + row)
        }
        frame.line(&screen, row, "Enter apply · Tab field · Esc cancel", style: TextStyle(role: .dim), indent: used + 14)
    }

    private static func drawPhase(
        _ state: AppState, _ form: RebindForm, frame: ModalFrame, into screen: inout Screen, row: Int, glyphs: Glyphs
    ) {
        let spin = glyphs.spinner[Int(state.now.timeIntervalSince1970 * 8) % glyphs.spinner.count]
        switch form.phase {
        case .editing:
            if let error = form.error {
                frame.wrapped(&screen, row, "\(glyphs.warning) \(error)", lines: 2, style: TextStyle(role: .error, bold: true))
            }
        case .confirmRisk(let reason):
            frame.line(&screen, row, "\(glyphs.warning) \(reason).", style: TextStyle(role: .warning, bold: true))
            frame.line(&screen, row + 1, "Send anyway? y = yes, any other key = back", style: TextStyle(role: .warning, bold: true))
        case .conflict(let detail):
            frame.line(&screen, row, "\(glyphs.warning) Changed meanwhile: \(detail).", style: TextStyle(role: .warning, bold: true))
            frame.line(&screen, row + 1, "Apply yours over it? y = yes, any other key = back", style: TextStyle(role: .warning, bold: true))
        case .sending:
            frame.line(&screen, row, FormLines.sendingLine(state, spin: spin), style: TextStyle(role: .notice))
        }
    }
}

/// Draws the reset-to-default confirmation.
package enum ResetConfirmView {
    package static func draw(_ state: AppState, _ confirm: ResetConfirm, into screen: inout Screen, glyphs: Glyphs) {
        let frame = ModalFrame(screen: screen, width: 72, height: 9)
        frame.draw(into: &screen, title: "Reset to default" + FormLines.staleNote(state))
        let instance = confirm.instance
        frame.line(&screen, 0, "\(instance.entityType.rawValue)  \(instance.name)", style: TextStyle(role: .modal, bold: true))
        frame.line(&screen, 1, "now: " + BindingText.describe(instance, assignment: state.snapshot?.assignmentsByKey[instance.key], now: state.observedAt))
        frame.line(&screen, 2, "after: follows the default node (\(confirm.defaultNode)), mode preferred")
        if confirm.sending {
            let spin = glyphs.spinner[Int(state.now.timeIntervalSince1970 * 8) % glyphs.spinner.count]
            frame.line(&screen, 4, FormLines.sendingLine(state, spin: spin), style: TextStyle(role: .notice))
        } else {
            frame.line(&screen, 4, "Remove the explicit binding? y = yes · n/Esc = no", style: TextStyle(role: .warning, bold: true))
        }
        if let error = confirm.error {
            frame.wrapped(&screen, 5, "\(glyphs.warning) \(error)", lines: 2, style: TextStyle(role: .error, bold: true))
        }
    }
}

/// Lines the write forms (rebind, reset, bulk) share.
enum FormLines {
    /// A form over stale data says so in its title: it covered the STALE
    /// banner while its picker listed nodes "online, hb 0s" as of then.
    static func staleNote(_ state: AppState) -> String {
        state.isStale ? " · STALE: the cluster as of \(Fmt.absolute(state.observedAt, now: state.now))" : ""
    }

    /// What a form whose write has left it says: on a protected context the
    /// write waits for the name first, and nothing is sent yet (it said
    /// "sending" behind the name prompt).
    static func sendingLine(_ state: AppState, spin: String) -> String {
        state.overlays.find(.typeName) != nil
            ? "waiting for the context's name: nothing is sent until it is typed"
            : "\(spin) checking the binding, sending, confirming…"
    }
}
