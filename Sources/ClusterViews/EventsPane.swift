import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The events pane: what changed between polls, newest at the bottom,
/// coloured by what each reports (late = warn, offline = bad, recovered = ok).
package enum EventsPane {
    package static func draw(_ state: AppState, into screen: inout Screen, layout: Layout, glyphs: Glyphs) {
        guard layout.eventRows > 0 else { return }
        let width = screen.width
        let focused = state.focus == .events
        let titleStyle = PaneTitle.style(focused: focused)
        screen.fill(x: 0, y: layout.eventsTop, width: width, height: 1, style: titleStyle)
        let events = state.shownEvents
        var title = " Events \(events.count)"
        if state.eventPane.filter.isActive { title += " of \(state.events.count) match /\(state.eventPane.filter.text)" }
        screen.put(PaneTitle.text(title, focused: focused, glyphs: glyphs), x: 0, y: layout.eventsTop, maxWidth: width, style: titleStyle)
        guard !events.isEmpty else {
            screen.put("  no changes seen yet", x: 0, y: layout.eventsTop + 1, maxWidth: width, style: TextStyle(role: .dim))
            return
        }
        var cursor = state.eventPane.cursor
        cursor.clamp(count: events.count, rows: layout.eventRows)
        for line in 0..<layout.eventRows {
            let index = cursor.offset + line
            guard index < events.count else { break }
            let event = events[index]
            let y = layout.eventsTop + 1 + line
            let selected = focused && index == cursor.selected
            let style = selected ? TextStyle(role: .selection, bold: true) : TextStyle(role: Roles.tone(event.tone))
            if selected { screen.fill(x: 0, y: y, width: width, height: 1, style: style) }
            let time = Fmt.clock(event.time)
            var x = screen.put(time + " ", x: 0, y: y, maxWidth: width, style: selected ? style : TextStyle(role: .dim))
            if let context = event.context {
                x += screen.put(context + " · ", x: x, y: y, maxWidth: max(0, width - x), style: selected ? style : TextStyle(role: .accent, bold: true))
            }
            x += screen.put(event.message, x: x, y: y, maxWidth: max(0, width - x), style: style)
        }
    }
}
