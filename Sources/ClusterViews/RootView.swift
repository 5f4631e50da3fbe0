import ClusterGrid
import ClusterModel
import ClusterState

/// The whole frame for a state: a pure function from `AppState` to a
/// `Screen`. The backend copies the result to the terminal; tests compare
/// its text with fixtures.
package enum RootView {
    package static func render(_ state: AppState) -> Screen {
        var screen = Screen(width: max(0, state.width), height: max(0, state.height))
        screen.asciiOnly = state.config.asciiOnly
        draw(state, into: &screen)
        // Views mark where the cursor would go; it is shown only in the accessible mode.
        if !state.config.accessible || state.config.wallboard { screen.cursor = nil }
        return screen
    }

    package static func draw(_ state: AppState, into screen: inout Screen) {
        var glyphs = state.config.asciiOnly ? Glyphs.ascii : Glyphs.unicode
        // `--accessible`: nothing turns (a still mark where a spinner would).
        if state.config.accessible { glyphs.spinner = ["…"] }
        // The wallboard scales itself down to any size; the dashboard has a minimum.
        if state.config.wallboard && state.config.openFleet && !state.config.contexts.isEmpty {
            FleetWallboardView.draw(state, into: &screen, glyphs: glyphs)
            return
        }
        if state.config.wallboard {
            WallboardView.draw(state, into: &screen, glyphs: glyphs)
            return
        }
        let layout = Layout(state: state)
        if layout.tooSmall {
            drawTooSmall(state, into: &screen)
            return
        }
        HeaderView.draw(state, into: &screen, glyphs: glyphs)
        if state.snapshot == nil {
            drawWaiting(state, into: &screen, glyphs: glyphs)
        } else {
            if let row = layout.bannerRow { StaleBanner.draw(state, row: row, into: &screen, glyphs: glyphs) }
            if Pane.nodes.isShown(layout) { NodesPane.draw(state, into: &screen, layout: layout, glyphs: glyphs) }
            if Pane.instances.isShown(layout) { InstancesPane.draw(state, into: &screen, layout: layout, glyphs: glyphs) }
            if Pane.events.isShown(layout) { EventsPane.draw(state, into: &screen, layout: layout, glyphs: glyphs) }
        }
        StatusLine.draw(state, into: &screen, row: layout.statusRow)
        for overlay in state.overlays {
            switch overlay {
            case .help: HelpContent.draw(state, into: &screen)
            case .nodeDetails(let name): DetailsOverlay.drawNode(state, name: name, into: &screen, glyphs: glyphs)
            case .instanceDetails(let key): DetailsOverlay.drawInstance(state, key: key, into: &screen, glyphs: glyphs)
            case .rebind(let form): RebindFormView.draw(state, form, into: &screen, glyphs: glyphs)
            case .confirmReset(let confirm): ResetConfirmView.draw(state, confirm, into: &screen, glyphs: glyphs)
            case .contextPicker(let picker): ContextPickerView.draw(state, picker, into: &screen, glyphs: glyphs)
            case .bulk(let form): BulkFormView.draw(state, form, into: &screen, glyphs: glyphs)
            case .plan(let review): PlanReviewView.draw(state, review, into: &screen, glyphs: glyphs)
            case .alerts(let list): AlertsListView.draw(state, list, into: &screen, glyphs: glyphs)
            case .fleet(let list): FleetView.draw(state, list, into: &screen, glyphs: glyphs)
            case .typeName(let confirm): TypeNameView.draw(state, confirm, into: &screen)
            case .problems(let list): ProblemsView.draw(state, list, into: &screen, glyphs: glyphs)
            case .merged(let table): MergedView.draw(state, table, into: &screen, glyphs: glyphs)
            case .changes(let list): ChangesView.draw(state, list, into: &screen, glyphs: glyphs)
            case .asOf(let mode): AsOfScreen.draw(state, mode, into: &screen, glyphs: glyphs)
            case .export(let form): ExportFormView.draw(state, form, into: &screen)
            case .palette(let palette): PaletteView.draw(state, palette, into: &screen)
            case .columns(let picker): ColumnPickerView.draw(state, picker, into: &screen)
            case .confirmAction(let confirm): ActionViews.drawConfirm(state, confirm, into: &screen)
            case .actionOutput(let output): ActionViews.drawOutput(state, output, into: &screen)
            }
        }
    }

    /// Before the first overview: say what is happening, so an unreachable server does not look like a hang.
    private static func drawWaiting(_ state: AppState, into screen: inout Screen, glyphs: Glyphs) {
        let y = max(2, screen.height / 2 - 1)
        let text: String
        if let error = state.overviewPoll.lastError {
            text = "\(glyphs.offline) \(error.description) — retrying in \(state.overviewPoll.retryIn(state.now))s"
        } else {
            text = "connecting to \(state.config.label)…"
        }
        let width = DisplayWidth.of(text)
        screen.put(text, x: max(0, (screen.width - width) / 2), y: y, maxWidth: screen.width,
                   style: TextStyle(role: state.overviewPoll.lastError == nil ? .notice : .error, bold: true))
    }

    /// Below the minimum size: a notice, and q still quits.
    private static func drawTooSmall(_ state: AppState, into screen: inout Screen) {
        let lines = ["terminal too small", "\(state.width)×\(state.height), need \(Layout.minWidth)×\(Layout.minHeight)", "q quits"]
        for (i, line) in lines.enumerated() where i < screen.height {
            screen.put(line, x: 0, y: i, maxWidth: screen.width, style: TextStyle(role: i == 0 ? .warning : .normal, bold: i == 0))
        }
    }
}
