import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The nodes table: status glyph, name with this/default marks, role,
/// status, heartbeat age coloured by health, uptime, version (skew
/// highlighted), host, pid, url, tags and instances bound. Live first.
package enum NodesPane {
    /// The dashboard's node columns, from the one definition (`NodeColumns`).
    package static let columns = NodeColumns.all.onDashboard()
    /// Without recorded history (`--no-history`, or before the recorder's
    /// first digest) its two columns would only say "—": they are left out.
    static let columnsWithoutHistory = columns.filter { !NodeColumns.fromHistory.contains($0.name) }
    /// `--accessible`: no block graph; the restart count stays (issue 24).
    static let columnsWithoutStrip = columns.filter { $0.name != "history" }

    package static func draw(_ state: AppState, into screen: inout Screen, layout: Layout, glyphs: Glyphs) {
        guard state.snapshot != nil else { return }
        let columns = state.columns.applied(state.history == nil ? Self.columnsWithoutHistory
            : state.config.accessible ? Self.columnsWithoutStrip : Self.columns, .nodes)
        let nodes = state.derived.nodes
        var title = " Nodes \(nodes.count)"
        if state.nodePane.filter.isActive { title += " match /\(state.nodePane.filter.text)" }
        if state.derived.hiddenGhosts > 0 { title += " (+\(state.derived.hiddenGhosts) ghosts folded: g)" }
        else if state.showGhosts { title += " (ghosts shown: g)" }
        title += "  sort: \(state.nodePane.sort.map { NodeColumns.all.sortName($0.column) } ?? "problems first")"
        let sortIndex = state.nodePane.sort.flatMap { sort in columns.firstIndex { $0.sort == sort.column } }
        let table = TableView(
            columns: columns.map(\.spec), title: title, focused: state.focus == .nodes, rowCount: nodes.count,
            cursor: state.nodePane.cursor, sortColumn: sortIndex, sortAscending: state.nodePane.sort?.ascending ?? true, glyphs: glyphs,
            dimmed: state.isStale,
            highlighted: state.recentChanges.nodes.isEmpty || state.config.accessible ? nil : { [changes = state.recentChanges, clock = state.now] in
                changes.isChanged(node: nodes[$0].name, now: clock)
            }
        )
        let thresholds = state.thresholds
        var cached: (row: Int, cell: NodeCell)?
        table.draw(into: &screen, top: layout.nodesTop, rows: layout.nodeRows, width: screen.width) { row, column in
            if cached?.row != row { cached = (row, state.nodeCell(nodes[row], glyphs: glyphs, thresholds: thresholds)) }
            return columns[column].cell(cached!.cell)
        }
    }
}
