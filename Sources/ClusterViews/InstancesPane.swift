import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The instances table: type, name, subtitle, tenant, node (coloured by the
/// node's health), mode, explicit/default binding, and risk.
package enum InstancesPane {
    /// The dashboard's instance columns, from the one definition (`InstanceColumns`).
    package static let columns = InstanceColumns.all.onDashboard()

    package static func draw(_ state: AppState, into screen: inout Screen, layout: Layout, glyphs: Glyphs) {
        guard let snapshot = state.snapshot else { return }
        let rows = state.derived.instanceRows
        let columns = state.columns.applied(Self.columns, .instances)
        var title = " Instances "
        // Never read: a failing list says why, never "loading…" for good (found by a new user's run).
        // As much of the reason as the title has room for: a malformed reply names where at its end.
        let unread = snapshot.instancesKnown ? nil
            : state.instancesPoll.lastError.map { ErrorExcerpt.short($0, limit: max(10, screen.width - 30)) }
        if let unread {
            title += "✕ not read · \(unread)"
        } else if !snapshot.instancesKnown {
            title += "loading…"
        } else if state.instancePane.filter.isActive {
            title += "\(Fmt.count(rows.count)) of \(Fmt.count(snapshot.instances.count)) match /\(state.instancePane.filter.text)"
        } else {
            title += Fmt.count(rows.count)
        }
        if !state.marks.isEmpty { title += "  \(Fmt.count(state.marks.count)) marked" }
        title += "  sort: \(InstanceColumns.all.sortName(state.instancePane.sort.column))"
        // The list is polled apart from the overview: say when its poll fails.
        if let error = state.instancesPoll.lastError, let last = state.instancesPoll.lastSuccess {
            title += "  ✕ list as of \(Fmt.clock(last.addingTimeInterval(state.clockSkew))) · \(ErrorExcerpt.short(error, limit: 50))"
        }
        let marks = state.marks, changes = state.recentChanges, now = state.now
        var table = TableView(
            columns: columns.map(\.spec), title: title, focused: state.focus == .instances, rowCount: rows.count,
            cursor: state.instancePane.cursor, sortColumn: columns.firstIndex { $0.sort == state.instancePane.sort.column },
            sortAscending: state.instancePane.sort.ascending, glyphs: glyphs,
            dimmed: state.isStale,
            emptyText: unread.map { _ in "(the instance list could not be read; retrying)" } ?? (snapshot.instancesKnown ? "(none)" : "(loading…)"),
            marked: marks.isEmpty ? nil : { marks.contains(snapshot.instances[rows[$0]].key) },
            highlighted: changes.instances.isEmpty || state.config.accessible ? nil : { changes.isChanged(snapshot.instances[rows[$0]].key, now: now) }
        )
        table.titleEndMatters = state.instancesPoll.lastError != nil
        var cached: (row: Int, cell: InstanceCell)?
        table.draw(into: &screen, top: layout.instancesTop, rows: layout.instanceRows, width: screen.width) { row, column in
            if cached?.row != row { cached = (row, state.instanceCell(snapshot.instances[rows[row]], glyphs: glyphs)) }
            return columns[column].cell(cached!.cell)
        }
    }
}
