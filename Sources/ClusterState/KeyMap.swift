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
    case palette, actionOutput, columns

    /// The action's name in the config file's `[keys]` table and in the
    /// palette: the case name in kebab case (`copyID` → `copy-id`).
    package var name: String {
        var out = ""
        var previousUpper = false
        for c in String(describing: self) {
            if c.isUppercase {
                if !previousUpper { out.append("-") }
                out.append(Character(c.lowercased()))
                previousUpper = true
            } else {
                out.append(c)
                previousUpper = false
            }
        }
        return out
    }

    /// The action of a `[keys]` name, if any.
    package static func named(_ name: String) -> KeyAction? { allCases.first { $0.name == name } }

    /// Listed in the palette: every action but moving the selection, which only makes sense as a key.
    package var inPalette: Bool {
        switch self {
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .enter, .back, .palette: false
        default: true
        }
    }
}

/// When a key-bar hint is shown.
package enum HintCondition: Sendable, Equatable {
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

/// One entry of the key bar: a word and where it goes in the bar; the key
/// shown is the binding's first (so a rebound key shows as rebound).
package struct KeyHint: Sendable, Equatable {
    package var text: String
    package var order: Int
    package var when: HintCondition
}

/// One row of the key map: the keys, the action they trigger (nil for the
/// rows that only document a form's keys), and how help, key bar and
/// README describe them.
package struct KeyBinding: Sendable, Equatable {
    package var keys: [Key]
    package var action: KeyAction?
    package var section: String
    package var help: String
    package var hints: [KeyHint] = []

    /// The keys as the help shows them, separated by two spaces (`↑  k`); `-` for none.
    package var label: String { keys.isEmpty ? "-" : keys.map(\.label).joined(separator: "  ") }
}

/// The dashboard's keys (issue 12): key handling, the help overlay, the
/// key bar and README's key table are all produced from one list. The
/// defaults are `standard`; the config file's `[keys]` table and custom
/// actions make the run's own (`rebound`, issue 24), kept in `AppConfig.keys`.
package struct KeyMap: Sendable, Equatable {
    package private(set) var bindings: [KeyBinding]
    /// Custom actions by key (issue 24).
    package private(set) var customKeys: [Key: String] = [:]
    private var byKey: [Key: KeyAction]

    package init(bindings: [KeyBinding], customKeys: [Key: String] = [:]) {
        self.bindings = bindings
        self.customKeys = customKeys
        var map: [Key: KeyAction] = [:]
        for binding in bindings {
            guard let action = binding.action else { continue }
            for key in binding.keys where map[key] == nil { map[key] = action }
        }
        byKey = map
    }

    /// The keys as shipped.
    package static let standard = KeyMap(bindings: defaults)

    /// The action of `key` on the main screen, if it has one.
    package func action(for key: Key) -> KeyAction? { byKey[key] }

    /// The binding of `action`.
    package func binding(_ action: KeyAction) -> KeyBinding? { bindings.first { $0.action == action } }

    /// The default bindings, in help order.
    package static let defaults: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, section: "Move", help: "move the selection up"),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, section: "Move", help: "move the selection down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], action: .pageUp, section: "Move", help: "page up"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], action: .pageDown, section: "Move", help: "page down"),
        KeyBinding(keys: [.home], action: .first, section: "Move", help: "first row"),
        KeyBinding(keys: [.end, .char("G")], action: .last, section: "Move", help: "last row"),
        KeyBinding(keys: [.tab], action: .nextPane, section: "Move",
                   help: "next pane (nodes, instances, events)", hints: [KeyHint(text: "pane", order: 4, when: .always)]),
        KeyBinding(keys: [.backTab], action: .previousPane, section: "Move", help: "previous pane"),
        KeyBinding(keys: [.char("1")], action: .focusNodes, section: "Move", help: "focus the nodes pane"),
        KeyBinding(keys: [.char("2")], action: .focusInstances, section: "Move", help: "focus the instances pane"),
        KeyBinding(keys: [.char("3")], action: .focusEvents, section: "Move", help: "focus the events pane"),
        KeyBinding(keys: [.enter], action: .enter, section: "Act",
                   help: "instance: rebind form (rows marked: plan for all; read-only: details) · node: details",
                   hints: [KeyHint(text: "rebind", order: 5, when: .instances(writable: true)),
                           KeyHint(text: "plan marked", order: 4, when: .marked),
                           KeyHint(text: "info", order: 5, when: .instances(writable: false)),
                           KeyHint(text: "details", order: 5, when: .nodes)]),
        KeyBinding(keys: [.char("e")], action: .rebind, section: "Act",
                   help: "rebind the selected instance, or every marked one (plan first)"),
        KeyBinding(keys: [.char(" ")], action: .mark, section: "Act", help: "mark or unmark the instance, then move down",
                   hints: [KeyHint(text: "mark", order: 8, when: .instances(writable: nil))]),
        KeyBinding(keys: [.char("*")], action: .markAll, section: "Act",
                   help: "mark every instance the filter shows (again: unmark them)"),
        KeyBinding(keys: [.char("E")], action: .evacuate, section: "Act",
                   help: "evacuate the selected node: plan moving its bound instances elsewhere",
                   hints: [KeyHint(text: "evacuate", order: 7, when: .nodes)]),
        KeyBinding(keys: [.char("u")], action: .undo, section: "Act",
                   help: "undo the last batch applied to this cluster (plan first)"),
        KeyBinding(keys: [.char("x")], action: .reset, section: "Act",
                   help: "reset the selected instance to the default node (asks first)",
                   hints: [KeyHint(text: "reset", order: 6, when: .instances(writable: true))]),
        KeyBinding(keys: [.char("i")], action: .details, section: "Act", help: "details of the selected instance or node",
                   hints: [KeyHint(text: "info", order: 7, when: .instances(writable: true))]),
        KeyBinding(keys: [.char("y")], action: .copyID, section: "Act",
                   help: "copy the selected row's id (type:id, node name, event) by OSC 52: clipboard = \"osc52\" in the config"),
        KeyBinding(keys: [.char("Y")], action: .copyRow, section: "Act",
                   help: "copy the selected row as JSON by OSC 52"),
        KeyBinding(keys: [.char("w")], action: .exportTable, section: "Act",
                   help: "write the focused table, filtered and sorted as shown, to a file: csv, md, json or txt"),
        KeyBinding(keys: [.char("W")], action: .exportScreen, section: "Act", help: "write the screen as plain text to a file"),
        KeyBinding(keys: [.char("r")], action: .refresh, section: "Act", help: "refresh both endpoints now",
                   hints: [KeyHint(text: "refresh", order: 11, when: .always)]),
        KeyBinding(keys: [.char("c")], action: .switchContext, section: "Act",
                   help: "switch to another context of the config file"),
        KeyBinding(keys: [.char("/")], action: .filter, section: "View",
                   help: "filter the focused pane as you type; each pane keeps its own",
                   hints: [KeyHint(text: "filter", order: 3, when: .always)]),
        KeyBinding(keys: [.escape], action: .back, section: "View",
                   help: "close / cancel / clear the marks, then the filter",
                   hints: [KeyHint(text: "clear filter", order: -1, when: .filterActive),
                           KeyHint(text: "clear marks", order: -1, when: .marked)]),
        KeyBinding(keys: [.char("s")], action: .sortNext, section: "View", help: "next sort column",
                   hints: [KeyHint(text: "sort", order: 10, when: .always)]),
        KeyBinding(keys: [.char("S")], action: .sortReverse, section: "View", help: "reverse the sort"),
        KeyBinding(keys: [.char("g")], action: .ghosts, section: "View", help: "show or fold ghost node records",
                   hints: [KeyHint(text: "ghosts", order: 6, when: .nodes)]),
        KeyBinding(keys: [.char("t")], action: .absoluteTimes, section: "View", help: "ages ↔ absolute UTC times",
                   hints: [KeyHint(text: "UTC", order: 12, when: .always)]),
        KeyBinding(keys: [.char("A")], action: .alerts, section: "View",
                   help: "the alerts list: acknowledge (a), snooze (z), go to the node (Enter)",
                   hints: [KeyHint(text: "alerts", order: 0, when: .alertsLoud)]),
        KeyBinding(keys: [.char("F")], action: .fleet, section: "View",
                   help: "the fleet: every context in one table with its state; Enter opens one"),
        KeyBinding(keys: [.char("P")], action: .problems, section: "View",
                   help: "problems of every cluster, most severe first; Enter opens one"),
        KeyBinding(keys: [.char("z")], action: .zoom, section: "View",
                   help: "zoom the focused pane to the whole screen (Tab moves the zoom; z again: back)"),
        KeyBinding(keys: [.char("C")], action: .changes, section: "View",
                   help: "recorded binding changes, newest first: who moved what, when; Enter shows the instance"),
        KeyBinding(keys: [.char("[")], action: .asOf, section: "View",
                   help: "look back: the cluster as recorded a minute ago ([ ] { } step, @ a time, Esc live)"),
        KeyBinding(keys: [.char(":")], action: .palette, section: "View",
                   help: "command palette: type a fragment of an action, context, node, instance or filter; Enter runs or jumps",
                   hints: [KeyHint(text: "palette", order: 9, when: .always)]),
        KeyBinding(keys: [.char("o")], action: .columns, section: "View",
                   help: "choose the focused table's columns (shown when they fit, always, never); remembered per cluster"),
        KeyBinding(keys: [.char("O")], action: .actionOutput, section: "View",
                   help: "the output and exit status of the last custom action run in the background"),
        KeyBinding(keys: [.ctrl("l")], action: .repaint, section: "View", help: "repaint the whole screen"),
        KeyBinding(keys: [.char("?"), .function(1)], action: .help, section: "View", help: "this help overlay",
                   hints: [KeyHint(text: "help", order: 2, when: .always)]),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, section: "View", help: "quit",
                   hints: [KeyHint(text: "quit", order: 1, when: .always)]),
        KeyBinding(keys: [.ctrl("z")], action: .suspend, section: "View", help: "suspend (fg resumes)"),
    ]


    /// The help overlay's sections: the main screen's, in map order, then
    /// every other screen state's (`ScreenKeys`) and the keys that act everywhere.
    package var sections: [(String, [(String, String)])] {
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
    package func hints(_ state: AppState) -> [(String, String)] {
        if state.config.wallboard { return [("q", "quit")] }
        let shown = bindings.flatMap { binding in
            binding.keys.first.map { key in binding.hints.map { (key.label, $0) } } ?? []
        }.filter { Self.holds($0.1.when, state) }.sorted { $0.1.order < $1.1.order }
        // One hint per key: the first in bar order wins ("Enter plan marked" over "Enter rebind").
        var seen = Set<String>()
        return shown.filter { seen.insert($0.0).inserted }.map { ($0.0, $0.1.text) }
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

    /// README's key table, generated: the main-screen keys as Markdown rows,
    /// with each action's name for the `[keys]` table.
    package static var markdownTable: String {
        var lines = ["| key | action | does |", "|---|---|---|"]
        for binding in defaults {
            guard let action = binding.action else { continue }
            let keys = binding.keys.map { "`\($0.label)`" }.joined(separator: " ")
            lines.append("| \(keys) | `\(action.name)` | \(binding.help) |")
        }
        return lines.joined(separator: "\n")
    }
}
