import ClusterModel
import ClusterState
import Foundation

/// `y` and `Y` (issue 24): the selected row's id, or the row as JSON, to the
/// operator's clipboard by OSC 52 — opt-in (`clipboard = "osc52"`), since
/// a terminal may refuse or ask. What is copied is visible text only: a
/// server's control characters are made visible (an id) or escaped (JSON),
/// so a paste can never type an escape sequence into a shell.
package enum CopyFlow {
    package static func copy(_ state: inout AppState, asJSON: Bool) -> [Effect] {
        guard state.config.clipboard else {
            state.post("copy is off: add clipboard = \"osc52\" to the config file (your terminal must allow OSC 52)", .notice)
            return []
        }
        guard let (label, text) = selected(state, asJSON: asJSON) else {
            state.post("nothing selected to copy", .notice)
            return []
        }
        if asJSON, text.utf8.count > TerminalClipboard.limit {
            state.post("not copied: the row's JSON is over 64 KB, more than terminals take (clustertui get … -o json)", .notice)
            return []
        }
        let cut = text.utf8.count > TerminalClipboard.limit ? " (cut at 64 KB)" : ""
        state.post("copied \(label)\(cut): your terminal decides whether to take it")
        return [.notifyTerminal(TerminalClipboard.bytes(text, inTmux: state.config.inTmux))]
    }

    /// What the focused pane's selected row gives: a label for the notice, and the text.
    static func selected(_ state: AppState, asJSON: Bool) -> (String, String)? {
        switch state.focus {
        case .instances:
            guard let instance = state.selectedInstance else { return nil }
            let id = TextSanitizer.visible(instance.key.description)
            return asJSON ? ("\(id) as JSON", json(instance)) : (id, id)
        case .nodes:
            guard let node = state.selectedNode else { return nil }
            let name = TextSanitizer.visible(node.name)
            return asJSON ? ("\(name) as JSON", json(node)) : (name, name)
        case .events:
            let events = state.shownEvents
            guard events.indices.contains(state.eventPane.cursor.selected) else { return nil }
            let event = events[state.eventPane.cursor.selected]
            let line = TextSanitizer.visible("\(Fmt.clock(event.time))Z \(event.subject): \(event.message)")
            return ("the event", line)
        }
    }

    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return JSONControlEscaping.escape(String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self))
    }
}
