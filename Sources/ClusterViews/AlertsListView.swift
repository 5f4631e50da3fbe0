import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The alerts list (`A`, issue 21): every alert the engine holds, firing
/// first, with severity, subject, since when, its state (firing,
/// acknowledged, snoozed until, pending) and its text. Server text goes
/// through the grid, which shows control characters as inert pictures.
package enum AlertsListView {
    package static func draw(_ state: AppState, _ list: AlertsList, into screen: inout Screen, glyphs: Glyphs) {
        let rows = state.alertRows
        // Absolute times (`t`) need the clock's width: 8 cut "00:59:30" to "00:59:…".
        let since = state.absoluteTimes ? 13 : 8
        // Narrower than the columns plus some text: the text goes on a line of its own under
        // each alert (at 60 columns there was no TEXT at all, two rows read "warning demo").
        let ownLine = ModalFrame(screen: screen, width: 110, height: 8).innerWidth < 2 + 9 + 22 + since + 18 + 30
        let frame = ModalFrame(screen: screen, width: 110, height: max(8, min(rows.count * (ownLine ? 2 : 1) + 6, 30)))
        frame.draw(into: &screen, title: "Alerts — a acknowledge · z snooze · Enter go to node · Esc close")
        let now = state.serverNow
        let loud = state.loudAlerts
        let counts = AlertSeverity.allCases.reversed().compactMap { s in loud[s].map { "\($0) \(s.word)" } }
        let summary = rows.isEmpty ? "No alerts: all clear." : counts.isEmpty
            ? "\(rows.count) listed, none loud (acknowledged, snoozed or pending)"
            : "\(counts.joined(separator: " · ")) unacknowledged · \(rows.count) listed"
        frame.line(&screen, 0, summary, style: TextStyle(role: counts.isEmpty ? .ok : .warning, bold: true))
        if state.isStale {
            frame.line(&screen, 1, "STALE: nothing but the connection alert changes until fresh data arrives",
                       style: TextStyle(role: .stale, bold: true))
        }
        let header = "  " + pad("SEVERITY", 9) + pad("SUBJECT", 22) + pad("SINCE", since) + pad("STATE", 18) + (ownLine ? "" : "TEXT")
        frame.line(&screen, 2, header, style: TextStyle(role: .columnHeader, bold: true))
        let perAlert = ownLine ? 2 : 1
        let visible = max(1, (frame.innerHeight - 3) / perAlert)
        let selected = state.selectedAlertRow(list, in: rows)
        let first = max(0, min(selected - visible + 1, rows.count - visible))
        for (offset, alert) in rows.dropFirst(max(0, first)).prefix(visible).enumerated() {
            let index = max(0, first) + offset
            let row = 3 + offset * perAlert
            let text = pad(alert.severity.word, 9) + pad(alert.subject, 22) + pad(sinceText(alert, now: now, absolute: state.absoluteTimes, glyphs: glyphs), since)
                + pad(stateWord(alert, now: now), 18) + (ownLine ? "" : alert.text)
            let style = index == selected ? TextStyle(role: .selection, bold: true)
                : TextStyle(role: role(alert, now: now), bold: alert.isLoud(now: now))
            frame.line(&screen, row, (index == selected ? glyphs.pointer : " ") + " " + text, style: style)
            if ownLine { frame.line(&screen, row + 1, alert.text, style: style, indent: 4) }
            if index == selected { screen.cursor = ScreenPoint(x: frame.innerX, y: frame.innerY + row) }
        }
    }

    /// How long it has held. Found at the dashboard's start, it began before
    /// then, when is not known: "≥3m45s", "by 04:09:50" (it read as the
    /// time since the dashboard started, for a node offline long before).
    static func sinceText(_ alert: Alert, now: Date, absolute: Bool, glyphs: Glyphs) -> String {
        let age = Fmt.age(alert.since, now: now, absolute: absolute)
        guard alert.atStart else { return age }
        return absolute ? "by " + age : glyphs.atLeast + age
    }

    /// Firing, acknowledged, snoozed until a time, or pending (held).
    static func stateWord(_ alert: Alert, now: Date) -> String {
        if !alert.isFiring { return "pending" }
        if alert.acknowledged { return "acknowledged" }
        if let until = alert.snoozedUntil, until > now { return "snoozed to \(Fmt.clock(until).prefix(5))Z" }
        return "FIRING"
    }

    private static func role(_ alert: Alert, now: Date) -> StyleRole {
        guard alert.isLoud(now: now) else { return .dim }
        return alert.severity == .critical ? .error : alert.severity == .warning ? .warning : .notice
    }

    /// `text` cut or padded to `width` display columns, with one space after.
    private static func pad(_ text: String, _ width: Int) -> String {
        let cut = DisplayWidth.truncate(text, to: width - 1)
        return cut + String(repeating: " ", count: max(1, width - DisplayWidth.of(cut)))
    }
}
