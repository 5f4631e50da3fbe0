/// One column of a table: its title, how wide it wants to be, and how
/// important it is when the terminal is too narrow for all columns.
struct ColumnSpec: Sendable {
    var title: String
    /// Narrowest useful width.
    var minWidth: Int
    /// Width it grows to when there is room.
    var idealWidth: Int
    /// Higher survives longer when columns must be dropped.
    var priority: Int
    var rightAligned = false
    /// Takes whatever room is left after every column reached its ideal width.
    var flexible = false
}

/// Lays out column widths for a given total width: drops the lowest-priority
/// columns until the rest fit at their minimum, then grows them toward their
/// ideal widths, most important first; a flexible column takes the rest.
enum ColumnLayout {
    /// The widths per column (0 = dropped), one space between shown columns.
    static func widths(_ columns: [ColumnSpec], total: Int) -> [Int] {
        var shown = Array(repeating: true, count: columns.count)
        func needed() -> Int {
            let visible = columns.indices.filter { shown[$0] }
            return visible.reduce(0) { $0 + columns[$1].minWidth } + max(0, visible.count - 1)
        }
        let byPriority = columns.indices.sorted { columns[$0].priority < columns[$1].priority }
        var dropIndex = 0
        while needed() > total, dropIndex < byPriority.count {
            shown[byPriority[dropIndex]] = false
            dropIndex += 1
        }
        var widths = columns.indices.map { shown[$0] ? columns[$0].minWidth : 0 }
        var spare = total - needed()
        for i in byPriority.reversed() where shown[i] && spare > 0 {
            let grow = min(spare, max(0, columns[i].idealWidth - widths[i]))
            widths[i] += grow
            spare -= grow
        }
        if spare > 0, let flex = columns.indices.first(where: { shown[$0] && columns[$0].flexible }) {
            widths[flex] += spare
        }
        return widths
    }
}

/// How a pane's title shows focus (issue 11: operators could not tell which
/// pane had it): a `▶` (`>` in ASCII) in place of the leading space, and
/// bold underlined text, so it shows under NO_COLOR and LANG=C too.
enum PaneTitle {
    static func text(_ title: String, focused: Bool, glyphs: Glyphs) -> String {
        let bare = title.hasPrefix(" ") ? String(title.dropFirst()) : title
        return (focused ? glyphs.pointer : " ") + bare
    }

    static func style(focused: Bool) -> TextStyle {
        TextStyle(role: focused ? .title : .dim, bold: focused, underline: focused)
    }
}

/// Draws a scrolling table with a title bar, a column header and a
/// selection: the reusable list piece every pane is made of. Only the
/// visible rows are asked for (`cell`), so a 100,000-row table costs the
/// same to draw as a 40-row one.
struct TableView {
    var columns: [ColumnSpec]
    var title: String
    var focused: Bool
    var rowCount: Int
    var cursor: TableCursor
    /// Which column is sorted and which way, to mark its header.
    var sortColumn: Int?
    var sortAscending = true
    var glyphs: Glyphs
    /// Rows drawn dimmed: the data is the last known, not live.
    var dimmed = false

    /// Draws at `top`: title row, header row, then `rows` data rows.
    func draw(into screen: inout Screen, top: Int, rows: Int, width: Int,
              cell: (_ row: Int, _ column: Int) -> (String, TextStyle)) {
        let titleStyle = PaneTitle.style(focused: focused)
        screen.fill(x: 0, y: top, width: width, height: 1, style: titleStyle)
        screen.put(PaneTitle.text(title, focused: focused, glyphs: glyphs), x: 0, y: top, maxWidth: width, style: titleStyle)
        let widths = ColumnLayout.widths(columns, total: width)
        var x = 0
        let headerStyle = TextStyle(role: .columnHeader, bold: true)
        screen.fill(x: 0, y: top + 1, width: width, height: 1, style: headerStyle)
        for (i, column) in columns.enumerated() where widths[i] > 0 {
            var text = column.title
            if sortColumn == i { text += sortAscending ? glyphs.sortUp : glyphs.sortDown }
            put(&screen, text, x: x, y: top + 1, width: widths[i], right: column.rightAligned, style: headerStyle)
            x += widths[i] + 1
        }
        for line in 0..<rows {
            let row = cursor.offset + line
            let y = top + 2 + line
            guard row < rowCount else { break }
            let selected = row == cursor.selected
            let rowStyle: TextStyle? = selected ? TextStyle(role: focused ? .selection : .selectionInactive, bold: focused) : nil
            if let rowStyle { screen.fill(x: 0, y: y, width: width, height: 1, style: rowStyle) }
            x = 0
            for (i, column) in columns.enumerated() where widths[i] > 0 {
                var (text, style) = cell(row, i)
                if dimmed { style.dim = true }
                put(&screen, text, x: x, y: y, width: widths[i], right: column.rightAligned, style: rowStyle ?? style)
                x += widths[i] + 1
            }
        }
        if rowCount == 0 && rows > 0 {
            screen.put("  (none)", x: 0, y: top + 2, maxWidth: width, style: TextStyle(role: .dim))
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
