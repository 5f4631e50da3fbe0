import ClusterGrid
import ClusterState

/// A column of a wallboard list (nodes, at-risk instances): fixed widths
/// except one flexible column, and a priority deciding which columns go
/// first when the screen is narrow. Laid out by `ColumnLayout`, like the
/// tables; drawn without cursor, sort marks or scrolling.
package struct WallColumn: Sendable, Equatable {
    package var id: String
    package var title: String
    package var width: Int
    package var rightAligned = false
    /// Lower goes first when space runs out.
    package var priority = 50
    package var flexible = false
    /// A fixed column that may shrink to this before it is dropped (a
    /// problem's STATE at 60 columns, cut, rather than no STATE at all).
    package var minWidth: Int?
    /// Where the column starts, once fitted.
    package var x = 0

    /// The columns that fit in `width`, positioned, laid out by the same
    /// engine as the tables (`ColumnLayout`): fixed columns at their width,
    /// the flexible one between `minFlex` and `maxFlex` (capped so a wide
    /// screen keeps each row compact enough to read across from afar).
    package static func fit(_ columns: [WallColumn], width: Int, minFlex: Int = 10, maxFlex: Int = 40) -> [WallColumn] {
        let specs = columns.map { c in
            ColumnSpec(title: c.title, minWidth: c.flexible ? minFlex : min(c.width, c.minWidth ?? c.width), maxWidth: c.flexible ? maxFlex : c.width,
                       priority: c.priority, rightAligned: c.rightAligned, flexible: c.flexible)
        }
        let natural = columns.map { $0.width }
        var widths = ColumnLayout.widths(specs, natural: natural, total: width)
        // A single column narrower than its minimum still shows what fits.
        if widths.allSatisfy({ $0 == 0 }), let flex = columns.firstIndex(where: \.flexible) { widths[flex] = max(1, width) }
        var kept: [WallColumn] = []
        var x = 0
        for (i, column) in columns.enumerated() where widths[i] > 0 {
            var placed = column
            placed.width = widths[i]
            placed.x = x
            x += widths[i] + 1
            kept.append(placed)
        }
        return kept
    }

    /// Draws `text` in this column of row `y`, right-aligned when asked.
    package func draw(_ text: String, y: Int, style: TextStyle, into screen: inout Screen) {
        guard width > 0 else { return }
        var x = self.x
        if rightAligned { x += max(0, width - DisplayWidth.of(text)) }
        screen.put(text, x: x, y: y, maxWidth: max(1, self.x + width - x), style: style)
    }
}
