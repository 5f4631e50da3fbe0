import ClusterGrid
import ClusterState

/// A list that covers the panes (the fleet screen, the problems view): a
/// title on row 1, the fitted column headers on row 2, then the rows,
/// scrolled to keep the selected one in sight and drawn highlighted.
/// Columns drop by priority on narrow screens.
enum FullScreenList {
    /// Draws the list; `cell(row, column)` gives each cell's text and role.
    /// Returns the row after the last one drawn.
    @discardableResult
    static func draw(
        title: String, titleRole: StyleRole, columns: [WallColumn], minFlex: Int = 10, maxFlex: Int, count: Int, selected: Int,
        into screen: inout Screen, cell: (Int, WallColumn) -> (String, StyleRole)
    ) -> Int {
        let bottom = max(1, screen.height - 1)
        screen.fill(x: 0, y: 1, width: screen.width, height: bottom - 1, style: .plain)
        screen.put(title, x: 0, y: 1, maxWidth: screen.width, style: TextStyle(role: titleRole, bold: true))
        // `--accessible`: a reader is on the title, then on the selected row (not under the list on the dashboard's).
        screen.cursor = ScreenPoint(x: 0, y: 1)
        let fitted = WallColumn.fit(columns, width: screen.width, minFlex: minFlex, maxFlex: maxFlex)
        for column in fitted {
            column.draw(column.title, y: 2, style: TextStyle(role: .columnHeader, bold: true), into: &screen)
        }
        let visible = max(0, bottom - 3)
        let first = max(0, min(selected - visible + 1, count - visible))
        var y = 3
        for index in first..<min(count, first + visible) {
            let isSelected = index == selected
            if isSelected {
                screen.fill(x: 0, y: y, width: screen.width, height: 1, style: TextStyle(role: .selection))
                screen.cursor = ScreenPoint(x: 0, y: y)
            }
            for column in fitted {
                let (text, role) = cell(index, column)
                column.draw(text, y: y, style: isSelected ? TextStyle(role: .selection, bold: true) : TextStyle(role: role), into: &screen)
            }
            y += 1
        }
        return y
    }
}
