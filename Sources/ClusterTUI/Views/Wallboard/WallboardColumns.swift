/// A column of a wallboard list (nodes, at-risk instances): fixed widths
/// except one flexible column, and a priority deciding which columns go
/// first when the screen is narrow. Simpler than `TableView`: no cursor,
/// no sort marks, nothing to scroll.
struct WallColumn: Sendable, Equatable {
    var id: String
    var title: String
    var width: Int
    var rightAligned = false
    /// Lower goes first when space runs out.
    var priority = 50
    var flexible = false
    /// Where the column starts, once fitted.
    var x = 0

    /// The columns that fit in `width`, positioned: the lowest-priority ones
    /// are dropped until the flexible one gets at least `minFlex` columns.
    /// The flexible column stops at `maxFlex` so a wide screen keeps each row
    /// compact enough to read across from afar.
    static func fit(_ columns: [WallColumn], width: Int, minFlex: Int = 10, maxFlex: Int = 40) -> [WallColumn] {
        var kept = columns
        func fixed(_ cols: [WallColumn]) -> Int { cols.filter { !$0.flexible }.reduce(0) { $0 + $1.width + 1 } }
        while width - fixed(kept) < minFlex,
              let drop = kept.filter({ !$0.flexible }).min(by: { $0.priority < $1.priority }),
              kept.count > 1 {
            kept.removeAll { $0.id == drop.id }
        }
        let flexWidth = min(maxFlex, max(1, width - fixed(kept)))
        var x = 0
        for i in kept.indices {
            if kept[i].flexible { kept[i].width = flexWidth }
            kept[i].x = x
            x += kept[i].width + 1
        }
        return kept
    }

    /// Draws `text` in this column of row `y`, right-aligned when asked.
    func draw(_ text: String, y: Int, style: TextStyle, into screen: inout Screen) {
        guard width > 0 else { return }
        var x = self.x
        if rightAligned { x += max(0, width - DisplayWidth.of(text)) }
        screen.put(text, x: x, y: y, maxWidth: max(1, self.x + width - x), style: style)
    }
}
