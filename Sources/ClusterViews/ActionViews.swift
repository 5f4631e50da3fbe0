import ClusterGrid
import ClusterModel
import ClusterState

/// A custom action's confirmation and its output pane (issue 24).
package enum ActionViews {
    /// `Run ssh on node worker-03?` with the exact arguments, one per line.
    package static func drawConfirm(_ state: AppState, _ confirm: ActionConfirm, into screen: inout Screen) {
        let invocation = confirm.invocation
        let shown = Array(invocation.argv.prefix(8))
        let frame = ModalFrame(screen: screen, width: 90, height: shown.count + 6)
        frame.draw(into: &screen, title: "Run \(invocation.action.name) on \(TextSanitizer.visible(invocation.subject))?")
        frame.line(&screen, 0, "arguments, each passed as one (no shell):", style: TextStyle(role: .dim))
        for (i, argument) in shown.enumerated() {
            frame.line(&screen, 1 + i, "\(i). " + TextSanitizer.excerpt(argument, limit: 200))
        }
        if invocation.argv.count > shown.count {
            frame.line(&screen, 1 + shown.count, "… \(invocation.argv.count - shown.count) more", style: TextStyle(role: .dim))
        }
        frame.line(&screen, frame.innerHeight - 1, "y run · any other key: do not run", style: TextStyle(role: .keyHintKey, bold: true))
    }

    /// The output of the last background run, scrolled, with its exit status in the title.
    package static func drawOutput(_ state: AppState, _ output: ActionOutputView, into screen: inout Screen) {
        let frame = ModalFrame(screen: screen, width: ActionOutputView.frameWidth(screenWidth: screen.width), height: screen.height - 2)
        let result = output.result
        let cut = result.truncated ? " · its middle cut (\(ActionResult.outputLimit / 1024) KB kept: the start and the end)" : ""
        frame.draw(into: &screen, title: "\(result.name) on \(TextSanitizer.visible(result.subject)) — \(result.outcome)\(cut) · Esc close")
        var fitted = output
        fitted.fit(screenWidth: screen.width)  // already fitted by the flows; only a test's screen differs
        let rows = fitted.rows
        if output.lines.allSatisfy(\.isEmpty) { frame.line(&screen, 0, "(no output)", style: TextStyle(role: .dim)) }
        let top = min(fitted.scroll, max(0, rows.count - frame.innerHeight))
        for row in 0..<frame.innerHeight where top + row < rows.count {
            frame.line(&screen, row, rows[top + row])
        }
        if rows.count > frame.innerHeight {
            let position = " rows \(top + 1)–\(min(rows.count, top + frame.innerHeight)) of \(rows.count) "
            screen.put(position, x: frame.x + max(2, frame.width - 2 - DisplayWidth.of(position)), y: frame.y + frame.height - 1,
                       maxWidth: frame.width - 4, style: TextStyle(role: .border))
        }
    }
}
