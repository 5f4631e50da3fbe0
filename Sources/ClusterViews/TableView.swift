import ClusterGrid
import ClusterState

/// The one column-layout engine (tables and wallboard lists, issue 12),
/// with the rules of issue 11: every column wants its natural width (the
/// widest of its title and the values shown) up to its cap, and a column is
/// shown readable or not at all where that is possible:
/// 1. the lowest-priority columns are dropped until every column left gets
///    what it wants (columns of priority ≥ `essential` are kept);
/// 2. dropped columns come back, most important first, where they fit whole;
/// 3. on a terminal too narrow even for that, columns are dropped until the
///    minimums fit and the rest shrink, identifying columns (names) last;
/// 4. width left over goes to columns cut by their cap, then to a flexible
///    column up to its cap; what remains stays blank.
package enum ColumnLayout {
    package static let essential = 90

    /// The widths per column (0 = dropped), one space between shown columns.
    package static func widths(_ columns: [ColumnSpec], natural: [Int], total: Int) -> [Int] {
        let n = columns.count
        let nat = (0..<n).map { i in i < natural.count ? natural[i] : 0 }
        let want = (0..<n).map { i in
            columns[i].flexible ? columns[i].minWidth
                : min(max(columns[i].minWidth, columns[i].maxWidth), max(columns[i].minWidth, nat[i]))
        }
        var shown = Array(repeating: true, count: n)
        func used(_ w: [Int]) -> Int {
            let visible = (0..<n).filter { shown[$0] }
            return visible.reduce(0) { $0 + w[$1] } + max(0, visible.count - 1)
        }
        let mins = columns.map(\.minWidth)
        let byPriority = (0..<n).sorted { columns[$0].priority < columns[$1].priority }
        for i in byPriority where used(want) > total && columns[i].priority < essential && !columns[i].identifying {
            shown[i] = false
        }
        for i in byPriority.reversed() where !shown[i] {
            shown[i] = true
            if used(want) > total { shown[i] = false }
        }
        for i in byPriority where used(mins) > total && shown.filter({ $0 }).count > 1 { shown[i] = false }
        var widths = (0..<n).map { shown[$0] ? want[$0] : 0 }
        var over = used(widths) - total
        let shrinkOrder = byPriority.filter { !columns[$0].identifying } + byPriority.filter { columns[$0].identifying }
        for i in shrinkOrder where shown[i] && over > 0 {
            let cut = min(over, widths[i] - mins[i])
            widths[i] -= cut
            over -= cut
        }
        var spare = total - used(widths)
        for i in byPriority.reversed() where shown[i] && spare > 0 && !columns[i].flexible && nat[i] > widths[i] {
            let grow = min(spare, nat[i] - widths[i])
            widths[i] += grow
            spare -= grow
        }
        for i in byPriority.reversed() where shown[i] && spare > 0 && columns[i].flexible {
            let grow = min(spare, max(0, columns[i].maxWidth - widths[i]))
            widths[i] += grow
            spare -= grow
        }
        return widths
    }
}

/// How a pane's title shows focus (issue 11: operators could not tell which
/// pane had it): a `▶` (`>` in ASCII) in place of the leading space, and
/// bold underlined text, so it shows under NO_COLOR and LANG=C too.
package enum PaneTitle {
    package static func text(_ title: String, focused: Bool, glyphs: Glyphs) -> String {
        let bare = title.hasPrefix(" ") ? String(title.dropFirst()) : title
        return (focused ? glyphs.pointer : " ") + bare
    }

    package static func style(focused: Bool) -> TextStyle {
        TextStyle(role: focused ? .title : .dim, bold: focused, underline: focused)
    }
}

/// Draws a scrolling table with a title bar, a column header and a
/// selection: the reusable list piece every pane is made of. Only the
/// visible rows are asked for (`cell`), so a 100,000-row table costs the
/// same to draw as a 40-row one.
package struct TableView {
    package var columns: [ColumnSpec]
    package var title: String
    package var focused: Bool
    package var rowCount: Int
    package var cursor: TableCursor
    /// Which column is sorted and which way, to mark its header.
    package var sortColumn: Int?
    package var sortAscending = true
    package var glyphs: Glyphs
    /// Rows drawn dimmed: the data is the last known, not live.
    package var dimmed = false
    /// What an empty table says: `(none)`, or why there are no rows to show.
    package var emptyText = "(none)"
    /// When set, a two-cell mark gutter: the glyph on the rows it is true for.
    package var marked: ((Int) -> Bool)?
    /// Rows the last poll changed, drawn whole in the `changed` role.
    package var highlighted: ((Int) -> Bool)?
    /// The title's end is news (an instance list that could not be re-read):
    /// the row position is left out rather than cut it.
    package var titleEndMatters = false

    /// Draws at `top`: title row, header row, then `rows` data rows.
    package func draw(into screen: inout Screen, top: Int, rows: Int, width: Int,
              cell: (_ row: Int, _ column: Int) -> (String, TextStyle)) {
        drawTitle(into: &screen, top: top, rows: rows, width: width)
        // The visible rows' cells, asked for once: they give the natural widths.
        var visible: [[(String, TextStyle)]] = []
        for line in 0..<rows {
            let row = cursor.offset + line
            guard row < rowCount else { break }
            visible.append(columns.indices.map { cell(row, $0) })
        }
        let arrow = sortAscending ? glyphs.sortUp : glyphs.sortDown
        var natural = columns.enumerated().map { i, c in DisplayWidth.of(c.title) + (sortColumn == i ? DisplayWidth.of(arrow) : 0) }
        for cells in visible {
            for (i, cell) in cells.enumerated() { natural[i] = max(natural[i], DisplayWidth.of(cell.0)) }
        }
        let gutter = marked == nil ? 0 : 2
        let widths = ColumnLayout.widths(columns, natural: natural, total: max(0, width - gutter))
        var x = gutter
        let headerStyle = TextStyle(role: .columnHeader, bold: true)
        screen.fill(x: 0, y: top + 1, width: width, height: 1, style: headerStyle)
        for (i, column) in columns.enumerated() where widths[i] > 0 {
            let text = Self.header(column, width: widths[i], arrow: sortColumn == i ? arrow : nil)
            put(&screen, text, x: x, y: top + 1, width: widths[i], right: column.rightAligned, style: headerStyle)
            x += widths[i] + 1
        }
        for (line, cells) in visible.enumerated() {
            let row = cursor.offset + line
            let y = top + 2 + line
            let selected = row == cursor.selected
            var rowStyle: TextStyle? = selected ? TextStyle(role: focused ? .selection : .selectionInactive, bold: focused) : nil
            if rowStyle == nil, highlighted?(row) == true { rowStyle = TextStyle(role: .changed) }
            if let rowStyle { screen.fill(x: 0, y: y, width: width, height: 1, style: rowStyle) }
            if selected && focused { screen.cursor = ScreenPoint(x: 0, y: y) }
            if let marked, marked(row) {
                screen.put(glyphs.mark, x: 0, y: y, maxWidth: 1, style: rowStyle ?? TextStyle(role: .accent, bold: true))
            }
            x = gutter
            for (i, column) in columns.enumerated() where widths[i] > 0 {
                var (text, style) = cells[i]
                if dimmed { style.dim = true }
                if DisplayWidth.of(text) > widths[i], let short = column.shortForm?(text), DisplayWidth.of(short) <= widths[i] {
                    text = short
                }
                if column.keepsEnd, text.count > widths[i] { text = String(text.suffix(widths[i])) }
                if let characterStyle = column.characterStyle, rowStyle == nil {
                    putEach(&screen, text, x: x, y: y, width: widths[i], dim: dimmed, style: characterStyle)
                } else {
                    put(&screen, text, x: x, y: y, width: widths[i], right: column.rightAligned, style: rowStyle ?? style)
                }
                x += widths[i] + 1
            }
        }
        if rowCount == 0 && rows > 0 {
            screen.put("  " + emptyText, x: 0, y: top + 2, maxWidth: width, style: TextStyle(role: .dim))
        }
    }

    /// The title bar; when the rows do not all fit, which of them are shown
    /// at its right end ("1-4 of 5"), so a row below the pane's edge is not
    /// taken for one that is not there ("none fit" when the pane has room
    /// for its header only). On a narrow pane the position keeps its place
    /// and the title's end (the sort) gives way, unless it is news
    /// (`titleEndMatters`).
    private func drawTitle(into screen: inout Screen, top: Int, rows: Int, width: Int) {
        let titleStyle = PaneTitle.style(focused: focused)
        let text = PaneTitle.text(title, focused: focused, glyphs: glyphs)
        screen.fill(x: 0, y: top, width: width, height: 1, style: titleStyle)
        var titleWidth = width
        if rowCount > max(0, rows) {
            let first = min(cursor.offset, rowCount - 1) + 1, last = min(rowCount, cursor.offset + rows)
            let position = rows <= 0 ? "none fit " : (first == last ? "\(first)" : "\(first)-\(last)") + " of \(rowCount) "
            let positionWidth = DisplayWidth.of(position)
            let cutsTitle = DisplayWidth.of(text) > width - positionWidth - 1
            if width - positionWidth - 1 >= Self.titleKept, !(cutsTitle && titleEndMatters) {
                titleWidth = width - positionWidth - 1
                screen.put(position, x: width - positionWidth, y: top, maxWidth: positionWidth, style: titleStyle)
            }
        }
        screen.put(text, x: 0, y: top, maxWidth: titleWidth, style: titleStyle)
    }

    /// The title cells a position may not take: enough for "Instances 150".
    static let titleKept = 16

    /// The column's header in `width` cells: the title and the sort arrow,
    /// else the short title and the arrow, never a word cut by the arrow.
    package static func header(_ column: ColumnSpec, width: Int, arrow: String?) -> String {
        guard let arrow else { return column.title }
        let full = column.title + arrow
        if DisplayWidth.of(full) <= width { return full }
        if let short = column.shortTitle, DisplayWidth.of(short + arrow) <= width { return short + arrow }
        return arrow + column.title
    }

    /// One character at a time, each in its own style (single-width characters: a strip).
    private func putEach(_ screen: inout Screen, _ text: String, x: Int, y: Int, width: Int, dim: Bool,
                         style: (Character) -> TextStyle) {
        var column = x
        for character in text where column < x + width {
            var cellStyle = style(character)
            if dim { cellStyle.dim = true }
            screen.put(String(character), x: column, y: y, maxWidth: 1, style: cellStyle)
            column += 1
        }
    }

    private func put(_ screen: inout Screen, _ text: String, x: Int, y: Int, width: Int, right: Bool, style: TextStyle) {
        guard width > 0 else { return }
        if right {
            let w = DisplayWidth.of(text)
            if w < width {
                screen.put(text, x: x + width - w, y: y, maxWidth: w, style: style)
                return
            }
        }
        screen.put(text, x: x, y: y, maxWidth: width, style: style)
    }
}
