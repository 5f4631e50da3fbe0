import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The merged tables (issue 23): the node or instance table of every
/// cluster, the panes' own columns behind a CONTEXT column. A stale
/// cluster's rows say so in that column; a cluster with nothing to list is
/// named in the title with the reason.
package enum MergedView {
    static let context = ColumnSpec(title: "CONTEXT", minWidth: 6, maxWidth: 20, priority: 98, identifying: true, shortTitle: "CTX")

    package static func draw(_ state: AppState, _ table: MergedTable, into screen: inout Screen, glyphs: Glyphs) {
        screen.fill(x: 0, y: 1, width: screen.width, height: max(0, screen.height - 2), style: .plain)
        guard let model = state.derived.merged else { return }
        let rows = model.rows
        var cursor = table.cursor
        cursor.clamp(count: rows.count, rows: MergedTable.visibleRows(height: screen.height))
        let nodes = state.columns.applied(MergedColumns.nodes, .nodes)
        let instances = state.columns.applied(MergedColumns.instances, .instances)
        let specs = [context] + (model.kind == .nodes ? nodes.map(\.spec) : instances.map(\.spec))
        var view = TableView(columns: specs, title: title(model, table), focused: true, rowCount: rows.count, cursor: cursor, glyphs: glyphs)
        // The sorted column's header carries the arrow (CONTEXT is column 0).
        let sorted: Int? = switch table.sort {
        case .nodes(let spec)?: nodes.firstIndex { $0.sort == spec.column }
        case .instances(let spec)?: instances.firstIndex { $0.sort == spec.column }
        case nil: nil
        }
        view.sortColumn = sorted.map { $0 + 1 }
        view.sortAscending = table.sort?.ascending ?? true
        let thresholds = state.thresholds
        view.draw(into: &screen, top: 1, rows: MergedTable.visibleRows(height: screen.height), width: screen.width) { row, column in
            let source = model.sources[Int(rows[row].source)]
            let index = Int(rows[row].index)
            if column == 0 {
                // The mark first: a long name is cut at the column's width, the mark must not be.
                return ((source.stale ? "(stale) " : "") + source.name, TextStyle(role: source.stale ? .warning : .normal))
            }
            var shown: (String, TextStyle)
            switch model.kind {
            case .nodes:
                let node = source.nodes[index]
                let cell = source.isOpen ? state.nodeCell(node, glyphs: glyphs, thresholds: thresholds) : source.nodeCell(node, glyphs: glyphs)
                shown = nodes[column - 1].cell(cell)
            case .instances:
                let instance = source.snapshot.instances[index]
                let cell = source.isOpen ? state.instanceCell(instance, glyphs: glyphs) : source.instanceCell(instance, glyphs: glyphs)
                shown = instances[column - 1].cell(cell)
            }
            // A stale cluster's rows are dimmed, as the panes dim stale data: its ● and ages are as of its last poll.
            if source.stale { shown.1.dim = true }
            return shown
        }
        if table.filter.editing || table.filter.error != nil {
            let prompt = "/" + table.filter.text + (table.filter.error.map { "   ✕ \($0)" } ?? "")
            screen.fill(x: 0, y: screen.height - 1, width: screen.width, height: 1, style: TextStyle(role: .input))
            screen.put(prompt, x: 0, y: screen.height - 1, maxWidth: screen.width,
                       style: TextStyle(role: table.filter.error == nil ? .input : .error))
        }
    }

    /// " Every node 120 in 4 clusters · match /ctx:prod · others as of their last poll · none from: beta (unreachable)".
    static func title(_ model: MergedModel, _ table: MergedTable) -> String {
        let clusters = model.clusters
        var title = " Every \(model.kind == .nodes ? "node" : "instance") \(Fmt.count(model.rows.count))"
        title += " in \(clusters) cluster\(clusters == 1 ? "" : "s")"
        if table.filter.isActive { title += " match /\(table.filter.text)" }
        if let sort = table.sort { title += " · sort: " + sort.columnName }
        if model.kind == .nodes, model.ghosts > 0 { title += " (+\(model.ghosts) ghosts folded)" }
        if !model.absent.isEmpty {
            title += " · none from: " + model.absent.map { "\(TextSanitizer.visible($0.name)) (\($0.why))" }.joined(separator: ", ")
        }
        if model.sources.contains(where: { !$0.isOpen }) { title += " · others as of their last poll" }
        return title
    }
}
