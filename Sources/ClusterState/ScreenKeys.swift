import ClusterGrid

/// The screen states that have keys of their own, besides the main screen
/// (whose keys are `KeyMap`): every key belongs to one (issue 19).
package enum KeyScreen: String, Sendable, CaseIterable {
    case filterPrompt, rebindForm, resetConfirm, bulkForm, planView, planExport, instanceDetails, nodeDetails, help,
         contextPicker, alerts, fleet, merged, problems, changes, asOf, exportForm, typeName, palette, actionConfirm, actionOutput, columnPicker,
         tooSmall, wallboard
}

/// One documented key (or group of keys) of a screen state.
package struct ScreenKeyRow: Sendable {
    /// The keys that act; empty for a row about typing (`typing` on the screen).
    package var keys: [Key]
    package var label: String
    package var help: String
    /// The row's word in a key bar the screen owns (`ScreenKeys.ownsKeyBar`):
    /// short, so that every hint fits at 80 columns; help and README say `help`.
    package var bar: String?

    /// The key as the bar shows it: the first of the label's keys, `↑↓` for the list's moving keys.
    package var barKey: String {
        isMovement ? "↑↓" : label.components(separatedBy: "  ").first ?? label
    }

    /// A row of only the list's moving keys (arrows, j k, Home End, pages).
    package var isMovement: Bool {
        !keys.isEmpty && keys.allSatisfy { [.up, .down, .char("j"), .char("k"), .home, .end, .pageUp, .pageDown].contains($0) }
    }
}

/// A screen state's keys as data: the help overlay, README's tables and the
/// test that every key acting on a screen is documented are made from it.
package struct ScreenKeys: Sendable {
    package var screen: KeyScreen
    /// The heading in help and README.
    package var title: String
    /// The screen has a text field: `TextEditing`'s keys edit it.
    package var typing: Bool = false
    /// What any other key does ("closes"), when every key acts.
    package var anyOtherKey: String?
    /// The screen covers the panes, so the key bar shows its keys, not `KeyMap`'s.
    package var ownsKeyBar = false
    package var rows: [ScreenKeyRow]

    /// Every key that acts on this screen, besides typing and Ctrl-C / Ctrl-L / Ctrl-Z.
    package var keys: Set<Key> { Set(rows.flatMap(\.keys)) }
}

extension ScreenKeys {
    private static let move: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end]
    private static func row(_ keys: [Key], _ label: String, _ help: String, bar: String? = nil) -> ScreenKeyRow {
        ScreenKeyRow(keys: keys, label: label, help: help, bar: bar)
    }

    /// Every screen state's keys, in help order.
    package static let all: [ScreenKeys] = [
        ScreenKeys(screen: .filterPrompt, title: "In the filter prompt (/)", typing: true, rows: [
            row([], TextEditing.label, "edit the query; it applies as you type"),
            row([.enter], "Enter", "keep the filter, close the prompt"),
            row([.escape], "Esc", "clear the filter"),
            row(move + [.ctrl("b"), .ctrl("f")], "↑ ↓  PgUp PgDn  Ctrl-B Ctrl-F  Home End", "move the selection while typing"),
        ]),
        ScreenKeys(screen: .rebindForm, title: "In the rebind form", typing: true, rows: [
            row([], TextEditing.label, "narrow the node picker"),
            row(move, "↑ ↓  PgUp PgDn  Home End", "pick the target node"),
            row([.left, .right, .char(" ")], "← →  Space", "mode strict / preferred (on the buttons: Apply / Cancel)"),
            row([.char("s"), .char("p")], "s  p", "on the mode field: strict / preferred"),
            row([.tab, .backTab], "Tab  Shift-Tab", "next / previous field"),
            row([.enter], "Enter", "apply (a risky target or a change made meanwhile asks y first)"),
            row([.char("y"), .char("Y")], "y", "when asked: send anyway (any other key goes back)"),
            row([.escape], "Esc", "cancel"),
        ]),
        ScreenKeys(screen: .resetConfirm, title: "In the reset confirmation (x)", rows: [
            row([.char("y"), .char("Y")], "y", "remove the explicit binding"),
            row([.char("n"), .char("N"), .escape, .char("q")], "n  Esc  q", "keep it"),
        ]),
        ScreenKeys(screen: .bulkForm, title: "In the bulk and evacuate form", typing: true, rows: [
            row([], TextEditing.label, "narrow the target picker"),
            row(move, "↑ ↓  PgUp PgDn  Home End", "pick the target: spread across healthy nodes, or one node"),
            row([.tab, .backTab], "Tab  Shift-Tab", "next / previous field"),
            row([.left, .right, .char(" ")], "← →  Space", "mode keep / strict / preferred · include default followers"),
            row([.enter], "Enter", "show the plan (nothing is sent yet)"),
            row([.escape], "Esc", "cancel"),
        ]),
        ScreenKeys(screen: .planView, title: "In the plan view", rows: [
            row([.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .ctrl("b"), .ctrl("f"), .char(" "), .home, .end, .char("G")],
                "↑ ↓  j k  PgUp PgDn  Space  Home End G", "scroll the moves"),
            row([.enter, .char("a")], "Enter  a", "apply (asks y first)"),
            row([.char("y"), .char("Y")], "y", "when asked: apply (any other key goes back)"),
            row([.char("w"), .char("W")], "w  W", "write the plan as JSON (for clustertui apply) / as a shell script"),
            row([.escape, .char("q")], "Esc  q", "close; while applying, Esc stops after the request in flight"),
        ]),
        ScreenKeys(screen: .planExport, title: "Naming a plan file (w, W)", typing: true, rows: [
            row([], TextEditing.label, "edit the file name"),
            row([.enter], "Enter", "write it (an existing file is never overwritten)"),
            row([.escape], "Esc", "back to the plan"),
        ]),
        ScreenKeys(screen: .instanceDetails, title: "In an instance's details (i)", rows: [
            row([.enter, .char("e")], "Enter  e", "rebind it"),
            row([.char("x")], "x", "reset it to the default node (asks first)"),
            row([.escape, .char("q"), .char("i")], "Esc  q  i", "close"),
        ]),
        ScreenKeys(screen: .nodeDetails, title: "In a node's details (i, Enter)", rows: [
            row([.char("E")], "E", "evacuate it (plan first)"),
            row([.escape, .enter, .char("q"), .char("i")], "Esc  Enter  q  i", "close"),
        ]),
        ScreenKeys(screen: .help, title: "In this help", anyOtherKey: "close", rows: [
            row([.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .char(" ")], "↑ ↓  j k  PgUp PgDn  Space", "scroll"),
        ]),
        ScreenKeys(screen: .contextPicker, title: "In the context picker (c)", typing: true, rows: [
            row([], TextEditing.label, "narrow the contexts by name or URL"),
            row([.up, .down, .home, .end], "↑ ↓  Home End", "pick a context"),
            row([.enter], "Enter", "switch to it"),
            row([.escape], "Esc", "cancel"),
        ]),
        ScreenKeys(screen: .alerts, title: "In the alerts list (A)", rows: [
            row([.up, .down, .char("j"), .char("k"), .home, .end, .pageUp, .pageDown], "↑ ↓  j k  Home End  PgUp PgDn", "pick an alert"),
            row([.char("a")], "a", "acknowledge it: listed, but no longer counted or paged until it resolves or gets worse (again: undo)"),
            row([.char("z")], "z", "snooze it: 15 min, 1 h, 4 h, 24 h, off (each press the next); loud again after, if it still holds"),
            row([.enter], "Enter", "a node's alert: select that node in the nodes pane"),
            row([.escape, .char("q"), .char("A")], "Esc  q  A", "close"),
        ]),
        ScreenKeys(screen: .fleet, title: "On the fleet screen (F)", ownsKeyBar: true, rows: [
            row([.up, .down, .char("j"), .char("k"), .home, .end, .pageUp, .pageDown], "↑ ↓  j k  Home End  PgUp PgDn", "pick a cluster", bar: "pick"),
            row([.enter], "Enter", "open it (a context switch)", bar: "open"),
            row([.char("P")], "P", "every cluster's problems", bar: "problems"),
            row([.char("n")], "n", "every cluster's nodes", bar: "nodes"),
            row([.char("i")], "i", "every cluster's instances", bar: "instances"),
            row([.escape, .char("q"), .char("F")], "Esc  q  F", "back to the open cluster", bar: "back"),
        ]),
        ScreenKeys(screen: .merged, title: "In every cluster's nodes or instances (n i on the fleet screen)", ownsKeyBar: true, rows: [
            row([.up, .down, .char("j"), .char("k"), .home, .end, .pageUp, .pageDown], "↑ ↓  j k  Home End  PgUp PgDn", "pick a row", bar: "pick"),
            row([.char("/")], "/", "filter: the panes' terms, ctx:NAME", bar: "filter"),
            row([.tab], "Tab", "nodes ↔ instances", bar: "nodes↔instances"),
            row([.char("s")], "s", "sort: next column", bar: "sort"),
            row([.char("S")], "S", "reverse the sort", bar: "reverse"),
            row([.enter], "Enter", "open its cluster at that row", bar: "open"),
            row([.escape, .char("q")], "Esc  q", "close (Esc first clears the filter)", bar: "close"),
        ]),
        ScreenKeys(screen: .problems, title: "In the problems view (P)", ownsKeyBar: true, rows: [
            row([.up, .down, .char("j"), .char("k"), .home, .end, .pageUp, .pageDown], "↑ ↓  j k  Home End  PgUp PgDn", "pick a problem", bar: "pick"),
            row([.enter], "Enter", "open its cluster with that row selected", bar: "open"),
            row([.escape, .char("q"), .char("P")], "Esc  q  P", "close", bar: "close"),
        ]),
        ScreenKeys(screen: .changes, title: "In the changes view (C)", ownsKeyBar: true, rows: [
            row([.up, .down, .char("j"), .char("k"), .home, .end, .pageUp, .pageDown], "↑ ↓  j k  Home End  PgUp PgDn", "pick a change", bar: "pick"),
            row([.char("/")], "/", "filter: by:WHO (by:me for yours), changed:<10m or changed:>1h, words; Enter applies, Esc cancels", bar: "filter"),
            row([.enter], "Enter", "show that instance in the instances pane", bar: "show instance"),
            row([.escape, .char("q"), .char("C")], "Esc  q  C", "close (Esc first clears a filter)", bar: "close"),
        ]),
        ScreenKeys(screen: .asOf, title: "Looking back ([)", ownsKeyBar: true, rows: [
            row([.char("["), .char("]")], "[ ]", "a minute back / forward (past now: live again)", bar: "±1 min"),
            row([.char("{"), .char("}")], "{ }", "ten minutes back / forward", bar: "±10 min"),
            row([.char("@")], "@", "type a moment: 14:02, 14:02:10 (UTC) or -15m; Enter goes there", bar: "go to a time"),
            row([.up, .down, .char("j"), .char("k"), .home, .end, .pageUp, .pageDown], "↑ ↓  j k  Home End  PgUp PgDn", "pick a node", bar: "pick"),
            row([.escape, .char("q")], "Esc  q", "back to live", bar: "live"),
        ]),
        ScreenKeys(screen: .exportForm, title: "Writing to a file (w, W)", typing: true, rows: [
            row([], TextEditing.label, "edit the file name (a new file: an existing one is never replaced)"),
            row([.tab], "Tab", "a table's format: csv, md, json, txt"),
            row([.enter], "Enter", "write it"),
            row([.escape], "Esc", "cancel"),
        ]),
        ScreenKeys(screen: .typeName, title: "Before a write on a protected context", typing: true, ownsKeyBar: true, rows: [
            row([], TextEditing.label, "type the context's name"),
            row([.enter], "Enter", "send, when the name matches", bar: "send"),
            row([.escape], "Esc", "do not send", bar: "don't send"),
        ]),
        ScreenKeys(screen: .palette, title: "In the command palette (:)", typing: true, ownsKeyBar: true, rows: [
            row([], TextEditing.label, "narrow: a fragment (wk3 finds worker-03); a first word action, ctx, node, inst or filter keeps that kind"),
            row([.up, .down, .home, .end, .pageUp, .pageDown], "↑ ↓  Home End  PgUp PgDn", "pick an entry (with nothing typed: the ones chosen before, newest first)", bar: "pick"),
            row([.enter], "Enter", "run the action, switch to the context, select the node or instance, apply the filter", bar: "choose"),
            row([.escape], "Esc", "close", bar: "close"),
        ]),
        ScreenKeys(screen: .actionConfirm, title: "Before a custom action with confirm = true", anyOtherKey: "do not run it", rows: [
            row([.char("y"), .char("Y")], "y", "run it"),
        ]),
        ScreenKeys(screen: .actionOutput, title: "A custom action's output (O)", rows: [
            row([.up, .down, .char("j"), .char("k"), .home, .end, .pageUp, .pageDown], "↑ ↓  j k  Home End  PgUp PgDn", "scroll"),
            row([.escape, .char("q"), .char("O")], "Esc  q  O", "close"),
        ]),
        ScreenKeys(screen: .columnPicker, title: "Choosing columns (o)", rows: [
            row([.up, .down, .char("j"), .char("k"), .home, .end, .pageUp, .pageDown], "↑ ↓  j k  Home End  PgUp PgDn", "pick a column"),
            row([.char(" ")], "Space", "auto (shown when it fits) → on (before most others) → off (never; NAME and NODE never)"),
            row([.escape, .enter, .char("q"), .char("o")], "Esc  Enter  q  o", "close"),
        ]),
        ScreenKeys(screen: .tooSmall, title: "Below 30×8 (\"too small\")", rows: [
            row([.char("q")], "q", "quit (only q, Ctrl-C and Ctrl-L act: nothing else is drawn)"),
        ]),
        ScreenKeys(screen: .wallboard, title: "On the wallboard", rows: [
            row([.char("q")], "q", "quit (only q, Ctrl-C and Ctrl-L act: terminal replies may arrive as keys)"),
        ]),
    ]

    package static func of(_ screen: KeyScreen) -> ScreenKeys { all.first { $0.screen == screen }! }

    /// README's table of the keys of forms and overlays, generated.
    package static var markdownTable: String {
        var lines = ["| where | key | does |", "|---|---|---|"]
        for screen in all {
            for row in screen.rows {
                let keys = row.label.components(separatedBy: "  ").map { "`\($0)`" }.joined(separator: " ")
                lines.append("| \(screen.title) | \(keys) | \(row.help) |")
            }
            if let other = screen.anyOtherKey { lines.append("| \(screen.title) | any other key | \(other) |") }
        }
        return lines.joined(separator: "\n")
    }
}

extension AppState {
    /// The screen state the next key goes to; `nil` for the main screen.
    package var keyScreen: KeyScreen? {
        switch keyContext {
        case .tooSmall: return .tooSmall
        case .wallboard: return .wallboard
        case .filterPrompt: return .filterPrompt
        case .main: return nil
        case .overlay:
            switch topOverlay {
            case .help?: return .help
            case .nodeDetails?: return .nodeDetails
            case .instanceDetails?: return .instanceDetails
            case .rebind?: return .rebindForm
            case .confirmReset?: return .resetConfirm
            case .contextPicker?: return .contextPicker
            case .alerts?: return .alerts
            case .fleet?: return .fleet
            case .merged?: return .merged
            case .typeName?: return .typeName
            case .problems?: return .problems
            case .changes?: return .changes
            case .asOf?: return .asOf
            case .export?: return .exportForm
            case .palette?: return .palette
            case .confirmAction?: return .actionConfirm
            case .actionOutput?: return .actionOutput
            case .columns?: return .columnPicker
            case .bulk?: return .bulkForm
            case .plan(let review)?:
                if case .export = review.phase { return .planExport }
                return .planView
            case nil: return nil
            }
        }
    }
}
