import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The as-of mode's screen (issue 22): a banner that cannot be mistaken for
/// live data, the counts then, and the node table as recorded at that
/// moment (state, status, version, restarts in the hour before, explicit
/// bindings to each node then).
package enum AsOfScreen {
    static let columns = [
        WallColumn(id: "glyph", title: "", width: 1, priority: 100),
        WallColumn(id: "name", title: "NAME", width: 0, priority: 99, flexible: true),
        WallColumn(id: "state", title: "STATE THEN", width: 44, priority: 98, minWidth: 14),
        WallColumn(id: "status", title: "STATUS", width: 9, priority: 60),
        WallColumn(id: "version", title: "VERSION", width: 10, priority: 50),
        WallColumn(id: "restarts", title: "RESTARTS 1H", width: 11, priority: 70),
        WallColumn(id: "bound", title: "EXPLICIT THEN", width: 13, priority: 80),
    ]

    package static func draw(_ state: AppState, _ mode: AsOfState, into screen: inout Screen, glyphs: Glyphs) {
        let view = mode.view
        let nodes = view?.nodes ?? []
        FullScreenList.draw(
            title: title(view, at: mode.at, now: state.now), titleRole: .normal, columns: columns, maxFlex: 50,
            count: nodes.count, selected: mode.selected, into: &screen
        ) { index, column in
            let node = nodes[index]
            let role = Roles.history(node.state)
            switch column.id {
            case "glyph": return (String(glyphs.strip(node.state)), role)
            case "name": return (node.name, .normal)
            case "state":
                if let last = node.lastKnown { return ("not watched (was \(last.state.word) until \(Fmt.moment(last.until, now: state.now)))", .dim) }
                return (node.stateWord, role)
            case "status": return (node.status ?? "—", .normal)
            case "version": return (node.version ?? "—", .normal)
            case "restarts": return (String(node.restarts), node.restarts > 0 ? .warning : .normal)
            default: return (Fmt.count(node.bound), .normal)
            }
        }
        // The banner over the header: this is history, not the cluster now.
        let banner = " AS OF \(Fmt.moment(mode.at, now: state.now))Z — history · not live (now \(Fmt.clock(state.now))Z) · "
            + "[ ] ±1 min  { } ±10 min  @ time  Esc live "
        screen.fill(x: 0, y: 0, width: screen.width, height: 1, style: TextStyle(role: .banner, bold: true, reverse: true))
        screen.put(banner, x: 0, y: 0, maxWidth: screen.width, style: TextStyle(role: .banner, bold: true, reverse: true))
        let bottom = screen.height - 1
        guard bottom > 2 else { return }
        screen.fill(x: 0, y: bottom, width: screen.width, height: 1, style: TextStyle(role: .input))
        if mode.typing || mode.error != nil {
            let typed = "as of (14:02, 14:02:10 UTC, -15m): " + mode.text
            let end = screen.put(typed + (mode.error.map { "   ✕ \($0)" } ?? ""), x: 0, y: bottom, maxWidth: screen.width,
                                 style: TextStyle(role: mode.error == nil ? .input : .error))
            // `--accessible`: the cursor where the typed time goes on.
            if mode.typing { screen.cursor = ScreenPoint(x: min(end, DisplayWidth.of(typed)), y: bottom) }
        } else {
            screen.put(" writes are off while looking back · Esc returns to live", x: 0, y: bottom, maxWidth: screen.width,
                       style: TextStyle(role: .dim))
        }
    }

    private static func title(_ view: ClusterAsOf?, at: Date, now: Date) -> String {
        guard let view else { return " reading the recorded history for \(Fmt.moment(at, now: now))Z …" }
        guard !view.nodes.isEmpty || view.ghosts > 0 else {
            let moment = Fmt.moment(at, now: now) + "Z"
            // Nothing in the hour read before it, no good poll near it, or watched with no node: three different things.
            // (`recordedSince` is the first span of the hour read, not of the whole history.)
            guard let since = view.recordedSince, since <= at else {
                return " nothing recorded in the hour up to \(moment)"
                    + (view.recordedSince.map { " (the next record is from \(Fmt.moment($0, now: now))Z)" } ?? "")
            }
            return view.watched ? " no node in the registry at \(moment)"
                : " no good poll recorded near \(moment) (\(ObservedSpan.gapMeaning))"
        }
        var text = " Nodes then: " + view.counts.map { "\($0.count) \($0.word)" }.joined(separator: " · ")
        if view.ghosts > 0 { text += " +\(view.ghosts) ghost\(view.ghosts == 1 ? "" : "s") (not listed)" }
        text += " │ explicit bindings then: \(Fmt.count(view.bindings.count))"
        if view.changedSince > 0 { text += " (\(view.changedSince) changed since: Esc, then C lists them)" }
        if !view.watched { text += " │ no good poll recorded then (\(ObservedSpan.gapMeaning))" }
        return text
    }
}
