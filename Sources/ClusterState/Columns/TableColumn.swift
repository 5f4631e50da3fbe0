import ClusterGrid
import Foundation

/// Where a column is shown: the dashboard's table, `clustertui get`'s
/// plain table (and so its `-o wide` one too), or only `-o wide`.
package enum ColumnSurface: Sendable, Hashable {
    case dashboard, table, wide
}

extension Set where Element == ColumnSurface {
    /// The dashboard and both of the CLI's tables.
    package static var everywhere: Self { [.dashboard, .table] }
}

/// One column of a table, defined once (issue 19): the dashboard lays it out
/// by `spec`, the sort cycle walks the columns that have a `sort` key in
/// their order, and `clustertui get -o table|wide` prints `cliText` (the
/// cell's text unless the CLI says it in words) under the same title.
/// ARCHITECTURE.md: adding a column is adding one of these to a list.
package struct TableColumn<Row, SortKey: Sendable>: Sendable {
    /// The word for the column in sort messages and the README.
    package var name: String
    /// Title, width policy and priority for the dashboard's layout.
    package var spec: ColumnSpec
    /// The key `s` sorts by when it reaches this column; `nil`: not sortable.
    package var sort: SortKey?
    package var surfaces: Set<ColumnSurface>
    /// The dashboard's cell: text and style.
    package var cell: @Sendable (Row) -> (String, TextStyle)
    /// The CLI's text when it differs from the cell's (marks in words, not glyphs).
    package var plain: (@Sendable (Row) -> String)?

    package init(
        _ name: String, _ spec: ColumnSpec, sort: SortKey? = nil, surfaces: Set<ColumnSurface> = .everywhere,
        plain: (@Sendable (Row) -> String)? = nil, cell: @escaping @Sendable (Row) -> (String, TextStyle)
    ) {
        self.name = name; self.spec = spec; self.sort = sort; self.surfaces = surfaces; self.cell = cell; self.plain = plain
    }

    /// The text `clustertui get` prints; the dashboard's `—` for "none" is
    /// left empty, which the CLI's tables print as `-`, as for every empty cell.
    package func cliText(_ row: Row) -> String {
        let text = plain?(row) ?? cell(row).0
        return text == "—" ? "" : text
    }

    /// Shown by `get` with `-o wide` (`wide`) or `-o table`.
    package func isShown(wide: Bool) -> Bool {
        surfaces.contains(.table) || (wide && surfaces.contains(.wide))
    }
}

extension Array {
    /// The columns the dashboard shows, in order.
    package func onDashboard<Row, SortKey>() -> [TableColumn<Row, SortKey>] where Element == TableColumn<Row, SortKey> {
        filter { $0.surfaces.contains(.dashboard) }
    }

    /// The word for a sort key: its column's name.
    package func sortName<Row, SortKey: Equatable>(_ key: SortKey) -> String where Element == TableColumn<Row, SortKey> {
        first { $0.sort == key }?.name ?? "\(key)"
    }

    /// The sort keys in column order: what `s` cycles through.
    package func sortCycle<Row, SortKey>() -> [SortKey] where Element == TableColumn<Row, SortKey> {
        filter { $0.surfaces.contains(.dashboard) }.compactMap(\.sort)
    }
}
