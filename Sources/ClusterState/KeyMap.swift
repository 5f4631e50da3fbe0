import ClusterGrid
import ClusterModel

/// What a key does on the main screen. `KeyHandling` switches over these
/// (exhaustively, so a new action cannot go unhandled); `KeyMap` says which
/// keys reach each one and how the help and the key bar describe it.
package enum KeyAction: Sendable, Hashable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case nextPane, previousPane, focusNodes, focusInstances, focusEvents
    case enter, rebind, reset, details, refresh, switchContext
    case mark, markAll, evacuate, undo, copyID, copyRow, exportTable, exportScreen
    case filter, back, sortNext, sortReverse, ghosts, absoluteTimes, alerts, fleet, problems, changes, asOf, zoom, repaint, help, quit, suspend
}

/// When a key-bar hint is shown.
package enum HintCondition: Sendable {
    case always
    /// The instances pane has the focus; `writable` nil = either mode.
    case instances(writable: Bool?)
    case nodes
    /// A filter is in force in either pane (and no marks, which Esc clears first).
    case filterActive
    /// Instances are marked.
    case marked
    /// Alerts are firing, unacknowledged and not snoozed (issue 21).
    case alertsLoud
}

/// One entry of the key bar: the key as shown, a word, where it goes in the bar.
package struct KeyHint: Sendable {
    package var key: String
    package var text: String
    package var order: Int
    package var when: HintCondition
}

/// One row of the key map: the keys, the action they trigger (nil for the
/// rows that only document a form's keys), and how help, key bar and
/// README describe them.
package struct KeyBinding: Sendable {
    package var keys: [Key]
    /// The keys as the help shows them; groups separated by two spaces.
    package var label: String
    package var action: KeyAction?
    package var section: String
    package var help: String
    package var hints: [KeyHint] = []
}

/// The one list of the dashboard's keys (issue 12): key handling, the help
/// overlay, the key bar and README's key table are all produced from it.
package enum KeyMap {
    package static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], label: "↑  k", action: .moveUp, section: "Move", help: "move the selection up"),
        KeyBinding(keys: [.down, .char("j")], label: "↓  j", action: .moveDown, section: "Move", help: "move the selection down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], label: "PgUp  Ctrl-B", action: .pageUp, section: "Move", help: "page up"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], label: "PgDn  Ctrl-F", action: .pageDown, section: "Move", help: "page down"),
        KeyBinding(keys: [.home], label: "Home", action: .first, section: "Move", help: "first row"),
        KeyBinding(keys: [.end, .char("G")], label: "End  G", action: .last, section: "Move", help: "last row"),
        KeyBinding(keys: [.tab], label: "Tab", action: .nextPane, section: "Move",
                   help: "next pane (nodes, instances, events)", hints: [KeyHint(key: "Tab", text: "pane", order: 4, when: .always)]),
        KeyBinding(keys: [.backTab], label: "Shift-Tab", action: .previousPane, section: "Move", help: "previous pane"),
        KeyBinding(keys: [.char("1")], label: "1", action: .focusNodes, section: "Move", help: "focus the nodes pane"),
        KeyBinding(keys: [.char("2")], label: "2", action: .focusInstances, section: "Move", help: "focus the instances pane"),
        KeyBinding(keys: [.char("3")], label: "3", action: .focusEvents, section: "Move", help: "focus the events pane"),
        KeyBinding(keys: [.enter], label: "Enter", action: .enter, section: "Act",
                   help: "instance: rebind form (rows marked: plan for all; read-only: details) · node: details",
                   hints: [KeyHint(key: "Enter", text: "rebind", order: 5, when: .instances(writable: true)),
                           KeyHint(key: "Enter", text: "plan marked", order: 4, when: .marked),
                           KeyHint(key: "Enter", text: "info", order: 5, when: .instances(writable: false)),
                           KeyHint(key: "Enter", text: "details", order: 5, when: .nodes)]),
        KeyBinding(keys: [.char("e")], label: "e", action: .rebind, section: "Act",
                   help: "rebind the selected instance, or every marked one (plan first)"),
        KeyBinding(keys: [.char(" ")], label: "Space", action: .mark, section: "Act", help: "mark or unmark the instance, then move down",
                   hints: [KeyHint(key: "Space", text: "mark", order: 8, when: .instances(writable: nil))]),
        KeyBinding(keys: [.char("*")], label: "*", action: .markAll, section: "Act",
                   help: "mark every instance the filter shows (again: unmark them)"),
        KeyBinding(keys: [.char("E")], label: "E", action: .evacuate, section: "Act",
                   help: "evacuate the selected node: plan moving its bound instances elsewhere",
                   hints: [KeyHint(key: "E", text: "evacuate", order: 7, when: .nodes)]),
        KeyBinding(keys: [.char("u")], label: "u", action: .undo, section: "Act",
                   help: "undo the last batch applied to this cluster (plan first)"),
        KeyBinding(keys: [.char("x")], label: "x", action: .reset, section: "Act",
                   help: "reset the selected instance to the default node (asks first)",
                   hints: [KeyHint(key: "x", text: "reset", order: 6, when: .instances(writable: true))]),
        KeyBinding(keys: [.char("i")], label: "i", action: .details, section: "Act", help: "details of the selected instance or node",
                   hints: [KeyHint(key: "i", text: "info", order: 7, when: .instances(writable: true))]),
        KeyBinding(keys: [.char("y")], label: "y", action: .copyID, section: "Act",
                   help: "copy the selected row's id (type:id, node name, event) by OSC 52: clipboard = \"osc52\" in the config"),
        KeyBinding(keys: [.char("Y")], label: "Y", action: .copyRow, section: "Act",
                   help: "copy the selected row as JSON by OSC 52"),
        KeyBinding(keys: [.char("w")], label: "w", action: .exportTable, section: "Act",
                   help: "write the focused table, filtered and sorted as shown, to a file: csv, md, json or txt"),
        KeyBinding(keys: [.char("W")], label: "W", action: .exportScreen, section: "Act", help: "write the screen as plain text to a file"),
        KeyBinding(keys: [.char("r")], label: "r", action: .refresh, section: "Act", help: "refresh both endpoints now",
                   hints: [KeyHint(key: "r", text: "refresh", order: 11, when: .always)]),
        KeyBinding(keys: [.char("c")], label: "c", action: .switchContext, section: "Act",
                   help: "switch to another context of the config file"),
        KeyBinding(keys: [.char("/")], label: "/", action: .filter, section: "View",
                   help: "filter the focused pane as you type; each pane keeps its own",
                   hints: [KeyHint(key: "/", text: "filter", order: 3, when: .always)]),
        KeyBinding(keys: [.escape], label: "Esc", action: .back, section: "View",
                   help: "close / cancel / clear the marks, then the filter",
                   hints: [KeyHint(key: "Esc", text: "clear filter", order: -1, when: .filterActive),
                           KeyHint(key: "Esc", text: "clear marks", order: -1, when: .marked)]),
        KeyBinding(keys: [.char("s")], label: "s", action: .sortNext, section: "View", help: "next sort column",
                   hints: [KeyHint(key: "s", text: "sort", order: 10, when: .always)]),
        KeyBinding(keys: [.char("S")], label: "S", action: .sortReverse, section: "View", help: "reverse the sort"),
        KeyBinding(keys: [.char("g")], label: "g", action: .ghosts, section: "View", help: "show or fold ghost node records",
                   hints: [KeyHint(key: "g", text: "ghosts", order: 6, when: .nodes)]),
        KeyBinding(keys: [.char("t")], label: "t", action: .absoluteTimes, section: "View", help: "ages ↔ absolute UTC times",
                   hints: [KeyHint(key: "t", text: "UTC", order: 12, when: .always)]),
        KeyBinding(keys: [.char("A")], label: "A", action: .alerts, section: "View",
                   help: "the alerts list: acknowledge (a), snooze (z), go to the node (Enter)",
                   hints: [KeyHint(key: "A", text: "alerts", order: 0, when: .alertsLoud)]),
        KeyBinding(keys: [.char("F")], label: "F", action: .fleet, section: "View",
                   help: "the fleet: every context in one table with its state; Enter opens one"),
        KeyBinding(keys: [.char("P")], label: "P", action: .problems, section: "View",
                   help: "problems of every cluster, most severe first; Enter opens one"),
        KeyBinding(keys: [.char("z")], label: "z", action: .zoom, section: "View",
                   help: "zoom the focused pane to the whole screen (Tab moves the zoom; z again: back)"),
        KeyBinding(keys: [.char("C")], label: "C", action: .changes, section: "View",
                   help: "recorded binding changes, newest first: who moved what, when; Enter shows the instance"),
        KeyBinding(keys: [.char("[")], label: "[", action: .asOf, section: "View",
                   help: "look back: the cluster as recorded a minute ago ([ ] { } step, @ a time, Esc live)"),
        KeyBinding(keys: [.ctrl("l")], label: "Ctrl-L", action: .repaint, section: "View", help: "repaint the whole screen"),
        KeyBinding(keys: [.char("?"), .function(1)], label: "?  F1", action: .help, section: "View", help: "this help overlay",
                   hints: [KeyHint(key: "?", text: "help", order: 2, when: .always)]),
        KeyBinding(keys: [.char("q"), .ctrl("c")], label: "q  Ctrl-C", action: .quit, section: "View", help: "quit",
                   hints: [KeyHint(key: "q", text: "quit", order: 1, when: .always)]),
        KeyBinding(keys: [.ctrl("z")], label: "Ctrl-Z", action: .suspend, section: "View", help: "suspend (fg resumes)"),
    ]

    /// The action of `key` on the main screen, if it has one.
    package static func action(for key: Key) -> KeyAction? { byKey[key] }

    private static let byKey: [Key: KeyAction] = {
        var map: [Key: KeyAction] = [:]
        for binding in bindings {
            guard let action = binding.action else { continue }
            for key in binding.keys where map[key] == nil { map[key] = action }
        }
        return map
    }()

    /// The help overlay's sections: the main screen's, in map order, then
    /// every other screen state's (`ScreenKeys`) and the keys that act everywhere.
    package static var sections: [(String, [(String, String)])] {
        var out: [(String, [(String, String)])] = []
        for binding in bindings {
            if out.last?.0 != binding.section { out.append((binding.section, [])) }
            out[out.count - 1].1.append((binding.label, binding.help))
        }
        for screen in ScreenKeys.all {
            var rows = screen.rows.map { ($0.label, $0.help) }
            if let other = screen.anyOtherKey { rows.append(("any other key", other)) }
            out.append((screen.title, rows))
        }
        return out
    }

    /// The key bar for this state: every hint whose condition holds, in order.
    package static func hints(_ state: AppState) -> [(String, String)] {
        if state.config.wallboard { return [("q", "quit")] }
        let shown = bindings.flatMap(\.hints).filter { holds($0.when, state) }.sorted { $0.order < $1.order }
        // One hint per key: the first in bar order wins ("Enter plan marked" over "Enter rebind").
        var seen = Set<String>()
        return shown.filter { seen.insert($0.key).inserted }.map { ($0.key, $0.text) }
    }

    private static func holds(_ condition: HintCondition, _ state: AppState) -> Bool {
        switch condition {
        case .always: true
        case .instances(let writable): state.focus == .instances && (writable == nil || writable == state.canWrite)
        case .nodes: state.focus == .nodes
        case .filterActive: (state.instancePane.filter.isActive || state.nodePane.filter.isActive) && state.marks.isEmpty
        case .marked: !state.marks.isEmpty
        case .alertsLoud: !state.loudAlerts.isEmpty
        }
    }

    /// README's key table, generated: the main-screen keys as Markdown rows.
    package static var markdownTable: String {
        var lines = ["| key | does |", "|---|---|"]
        for binding in bindings where binding.action != nil {
            let keys = binding.label.components(separatedBy: "  ").map { "`\($0)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(binding.help) |")
        }
        return lines.joined(separator: "\n")
    }
}
