import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The problems view (`P`, issue 23): every cluster's unhealthy nodes and
/// instances at risk, most severe first, with a CONTEXT column. The open
/// cluster's rows come from its full data; the others' from their last good
/// overview (a cluster never heard from has no rows, and says so).
package enum ProblemsView {
    static let columns = [
        WallColumn(id: "glyph", title: "", width: 1, priority: 100),
        WallColumn(id: "context", title: "CONTEXT", width: 14, priority: 98),
        WallColumn(id: "kind", title: "KIND", width: 8, priority: 60),
        WallColumn(id: "name", title: "NAME", width: 0, priority: 99, flexible: true),
        WallColumn(id: "what", title: "STATE", width: 36, priority: 97),
    ]

    package static func draw(_ state: AppState, _ list: ProblemsList, into screen: inout Screen, glyphs: Glyphs) {
        let rows = ProblemRows.make(state)
        let bottom = max(1, screen.height - 1)
        screen.fill(x: 0, y: 1, width: screen.width, height: bottom - 1, style: .plain)
        let unheard = state.fleet.entries.filter { $0.overview == nil && $0.name != state.config.currentContext }.map(\.name)
        var title = " Problems: " + (rows.isEmpty ? "none" : "\(rows.count) in \(Set(rows.map(\.context)).count) clusters")
        if !unheard.isEmpty { title += " · no data from: " + unheard.map(TextSanitizer.visible).joined(separator: ", ") }
        screen.put(title, x: 0, y: 1, maxWidth: screen.width, style: TextStyle(role: rows.isEmpty ? .ok : .warning, bold: true))
        let fitted = WallColumn.fit(columns, width: screen.width, maxFlex: 60)
        for column in fitted {
            column.draw(column.title, y: 2, style: TextStyle(role: .columnHeader, bold: true), into: &screen)
        }
        let visible = max(0, bottom - 3)
        let first = max(0, min(list.selected - visible + 1, rows.count - visible))
        for (offset, problem) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = 3 + offset
            let selected = first + offset == list.selected
            let role: StyleRole = problem.severity >= 3 ? .error : .warning
            if selected { screen.fill(x: 0, y: y, width: screen.width, height: 1, style: TextStyle(role: .selection)) }
            for column in fitted {
                let text: String
                switch column.id {
                case "glyph": text = problem.isNode ? glyphs.offline : glyphs.warning
                case "context": text = problem.context
                case "kind": text = problem.isNode ? "node" : "instance"
                case "name": text = problem.name
                default: text = problem.what
                }
                let style = selected ? TextStyle(role: .selection, bold: true)
                    : TextStyle(role: column.id == "name" || column.id == "context" ? .normal : role)
                column.draw(text, y: y, style: style, into: &screen)
            }
        }
    }
}
