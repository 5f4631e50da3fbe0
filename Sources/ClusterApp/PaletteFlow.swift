import ClusterGrid
import ClusterModel
import ClusterState

/// The `:` command palette (issue 24): type a fragment, see every action,
/// custom action, context, node, instance and filter that matches, best
/// first; `Enter` runs or jumps. A first word `action`, `ctx`, `node`,
/// `inst` or `filter` narrows to that kind (`:node wk3`, `:ctx prod`).
/// With nothing typed, the palette lists what was chosen before, newest
/// first (↑ ↓ walk it), then every action.
///
/// Decision: actions, contexts, nodes and filters match fuzzily
/// (`FuzzyMatch`); instances, up to 100,000 of them, match by substring
/// through the filter's folded text records (the same scan `/` uses per
/// key), from two typed characters on, the first `instanceLimit` in name
/// order: a fuzzy pass over every instance's text is too slow for a key.
package enum PaletteFlow {
    package static let instanceLimit = 50
    package static let historyLimit = 20
    /// Filters offered by name, besides those chosen before.
    package static let cannedFilters = ["is:risk", "is:explicit", "is:default", "is:flapping", "is:this", "status:offline", "status:ghost"]

    package static func open(_ state: inout AppState) {
        var palette = Palette()
        palette.pool = candidates(state, kind: nil).map { PaletteCandidate($0, folded: FuzzyMatch.folded($0.title)) }
        palette.matches = matches(state, "", pool: palette.pool)
        state.overlays.append(.palette(palette))
    }

    /// The palette's keys: typing narrows, ↑ ↓ PgUp PgDn Home End move, Enter runs
    /// (and stays open, saying so, when nothing matches), Esc closes.
    package static func key(_ state: inout AppState, _ palette: Palette, _ key: Key) -> [Effect] {
        var palette = palette
        switch TextEditing.prompt(key, text: &palette.text, limit: 120) {
        case .cancel:
            state.overlays.close(.palette)
            return []
        case .submit:
            guard let entry = palette.selected else {
                // Closing here sent the next keys, typed for the palette, to the main screen as commands.
                if palette.text.isEmpty { state.overlays.close(.palette) } else {
                    state.post("nothing matches \"\(TextSanitizer.excerpt(palette.text, limit: 40))\": edit it, or Esc to close", .warning)
                }
                return []
            }
            state.overlays.close(.palette)
            remember(&state, entry)
            return run(&state, entry.target)
        case .edited:
            palette.matches = matches(state, palette.text, pool: palette.pool, memory: &palette.memory)
            palette.cursor = TableCursor()
        case .ignored:
            guard let moved = ListKeys.moved(key, at: palette.cursor.selected, count: palette.matches.count, page: 10) else { return [] }
            palette.cursor.selected = moved
        }
        state.overlays.replace(.palette(palette))
        return []
    }

    /// The chosen entry goes to the front of the history (once).
    private static func remember(_ state: inout AppState, _ entry: PaletteEntry) {
        state.paletteHistory.removeAll { $0.target == entry.target }
        state.paletteHistory.insert(entry, at: 0)
        if state.paletteHistory.count > historyLimit { state.paletteHistory.removeLast() }
    }

    /// Does what the entry names, as its key or its screen would.
    package static func run(_ state: inout AppState, _ target: PaletteTarget) -> [Effect] {
        let context = state.config.currentContext ?? state.config.label
        switch target {
        case .action(let action):
            return KeyHandling.run(&state, action)
        case .custom(let name):
            return CustomActionFlow.start(&state, named: name)
        case .context(let name):
            return ContextSwitchFlow.switchTo(&state, name)
        case .node(let name):
            state.pendingSelect = PendingSelect(context: context, subject: .node(name))
            ProblemsFlow.selectPending(&state)
        case .instance(let key):
            state.pendingSelect = PendingSelect(context: context, subject: .instance(key))
            ProblemsFlow.selectPending(&state)
        case .filter(let text):
            // A query only instances answer (is:risk, type:) goes to the instances pane.
            let instanceOnly = (try? FilterQuery.parse(text).get())?.firstInstanceOnlyTerm != nil
            let pane: Pane = state.focus == .events || instanceOnly ? .instances : state.focus
            state.focus = pane
            state[keyPath: pane.filter].text = text
            FilterKeys.apply(&state, pane)
            // A query with an error opens in the prompt, its error shown, as a typed one stays there.
            if state[keyPath: pane.filter].error != nil { state[keyPath: pane.filter].editing = true }
        }
        return []
    }
}
