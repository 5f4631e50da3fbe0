import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// Draws the bulk rebind / evacuate form: what moves, the target picker
/// (spread first, then nodes with their health and load), the mode, the
/// include-default option for evacuate, and Plan / Cancel.
package enum BulkFormView {
    package static func draw(_ state: AppState, _ form: BulkForm, into screen: inout Screen, glyphs: Glyphs) {
        let choices = state.bulkChoices(for: form)
        let evacuate: String? = if case .evacuate(let node) = form.purpose { node } else { nil }
        let fixed = evacuate == nil ? 6 : 7
        let pickerRows = max(1, min(choices.count, screen.height - 4 - fixed))
        let frame = ModalFrame(screen: screen, width: 90, height: fixed + pickerRows + 2)
        frame.draw(into: &screen, title: form.title + FormLines.staleNote(state))
        let dim = TextStyle(role: .dim)
        frame.line(&screen, 0, "moves", style: dim)
        frame.line(&screen, 0, what(form), style: TextStyle(role: .modal, bold: true), indent: 9)
        let pickerFocused = form.field == .target
        frame.line(&screen, 1, "target", style: TextStyle(role: pickerFocused ? .title : .dim, bold: pickerFocused))
        let typed = form.pickerText.isEmpty && !pickerFocused ? "type to narrow" : form.pickerText + (pickerFocused ? "█" : "")
        frame.line(&screen, 1, "[" + typed + "]", style: TextStyle(role: .input), indent: 9)
        drawPicker(state, form, choices, frame: frame, into: &screen, top: 2, rows: pickerRows, glyphs: glyphs)
        var row = 2 + pickerRows
        let modeFocused = form.field == .mode
        frame.line(&screen, row, "mode", style: TextStyle(role: modeFocused ? .title : .dim, bold: modeFocused))
        let modes: [(AssignmentMode?, String)] = [(nil, "keep each one's"), (.strict, "strict"), (.preferred, "preferred")]
        let text = modes.map { (form.mode == $0.0 ? "(•) " : "( ) ") + $0.1 }.joined(separator: "   ") + "   (←/→)"
        frame.line(&screen, row, text, style: modeFocused ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal), indent: 9)
        row += 1
        if let node = evacuate {
            let focused = form.field == .includeDefault
            let followers = form.counts.followers
            frame.line(&screen, row, "default", style: TextStyle(role: focused ? .title : .dim, bold: focused))
            let box = (form.includeDefault ? "[x]" : "[ ]") + " also pin the \(Fmt.count(followers)) that follow \(TextSanitizer.visible(node)) as the default node (Space)"
            frame.line(&screen, row, box, style: focused ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal), indent: 9)
            row += 1
        }
        row += 1
        let plan = form.field == .plan ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal, bold: true)
        let cancel = form.field == .cancel ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal)
        let used = frame.line(&screen, row, "[ Plan ]", style: plan)
        let used2 = frame.line(&screen, row, "[ Cancel ]", style: cancel, indent: used + 2)
        frame.line(&screen, row, "Enter: the plan (nothing is sent yet) · Tab · Esc", style: dim, indent: used + used2 + 4)
        if let error = form.error {
            frame.line(&screen, row + 1, "\(glyphs.warning) \(error)", style: TextStyle(role: .error, bold: true))
        }
    }

    /// "3 marked instances" / "12 bound to node-c (10 strict, 2 preferred)".
    private static func what(_ form: BulkForm) -> String {
        switch form.purpose {
        case .rebind(let keys):
            return "\(Fmt.count(keys.count)) marked \(keys.count == 1 ? "instance" : "instances")"
        case .evacuate(let node):
            let c = form.counts
            return "\(Fmt.count(c.bound)) explicitly bound to \(TextSanitizer.visible(node)) (\(c.strict) strict, \(c.bound - c.strict) preferred)"
        }
    }

    private static func drawPicker(
        _ state: AppState, _ form: BulkForm, _ choices: [String?], frame: ModalFrame, into screen: inout Screen,
        top: Int, rows: Int, glyphs: Glyphs
    ) {
        let now = state.observedAt
        PickerList.draw(count: choices.count, selected: choices.firstIndex(of: form.targetNode) ?? 0, rows: rows, frame: frame,
                        into: &screen, top: top, indent: 9) { index, isSelected in
            let pointer = isSelected ? glyphs.pointer : " "
            guard let name = choices[index], let node = state.snapshot?.nodesByName[name] else {
                let style = isSelected ? TextStyle(role: .selection, bold: true) : TextStyle(role: .accent)
                return ("\(pointer)   spread across healthy nodes, least-bound first", style)
            }
            let health = node.health(now: now, thresholds: state.thresholds)
            let label = TextSanitizer.visible(name) + (name == state.snapshot?.defaultNodeName ? " " + glyphs.defaultNode : "")
            // Until the instance list is read only the explicit bindings are known (the planner counts those too).
            let bound = state.snapshot?.instancesKnown == true
                ? "\(Fmt.count(state.snapshot?.boundCount[name] ?? 0)) bound"
                : "\(Fmt.count(state.snapshot?.overview.assignments.count { $0.nodeName == name } ?? 0)) explicit"
            return (PickerList.nodeLine(pointer: pointer, glyph: glyphs.health(health), label: label, status: health.word, detail: bound),
                    PickerList.style(selected: isSelected, health: health))
        }
    }
}
