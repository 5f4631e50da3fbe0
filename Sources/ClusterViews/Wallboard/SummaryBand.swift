import ClusterGrid
import ClusterState

/// The wallboard's summary band: one block per figure (online, draining,
/// offline, at risk), each a reverse-video colour band carrying the label,
/// the count in large digits below it, and a short note. Scales down to
/// smaller digits, then plain numbers, then a single line of text.
package enum SummaryBand {
    /// The digit scale chosen for a band of `rows` rows over `width` columns.
    package static func scale(for figures: [WallboardFigure], width: Int, rows: Int, asciiOnly: Bool) -> BigText.Scale {
        let blockWidth = figures.isEmpty ? width : width / figures.count
        let widest = figures.map { text($0) }.max { $0.count < $1.count } ?? "0"
        for scale in BigText.Scale.allCases {
            if scale == .half && asciiOnly { continue }
            // Label row above the digits; the digits need a column of margin.
            if scale.height + 1 <= rows, BigText.width(widest, scale: scale) <= blockWidth - 2 { return scale }
        }
        return .plain
    }

    /// Rows a band of `scale` takes (label, digits, note when `withNote`).
    package static func height(scale: BigText.Scale, withNote: Bool) -> Int {
        1 + scale.height + (withNote ? 1 : 0)
    }

    /// Draws the band at row `y`, `rows` rows tall; under 2 rows, one line of text.
    package static func draw(_ figures: [WallboardFigure], y: Int, rows: Int, into screen: inout Screen) {
        guard rows > 0, !figures.isEmpty else { return }
        if rows < 2 || screen.width < figures.count * 6 {
            drawLine(figures, y: y, into: &screen)
            return
        }
        let scale = scale(for: figures, width: screen.width, rows: rows, asciiOnly: screen.asciiOnly)
        let withNote = rows >= height(scale: scale, withNote: true)
        let blockWidth = screen.width / figures.count
        for (i, figure) in figures.enumerated() {
            let x = i * blockWidth
            // The last block takes the columns left over by the division.
            let w = i == figures.count - 1 ? screen.width - x : blockWidth - 1
            drawBlock(figure, x: x, y: y, width: w, scale: scale, withNote: withNote, into: &screen)
        }
    }

    private static func drawBlock(
        _ figure: WallboardFigure, x: Int, y: Int, width: Int, scale: BigText.Scale, withNote: Bool, into screen: inout Screen
    ) {
        let band = TextStyle(role: figure.role, bold: true, reverse: true)
        screen.fill(x: x, y: y, width: width, height: 1, style: band)
        let label = DisplayWidth.of(figure.label) + 1 <= width ? figure.label : figure.shortLabel
        screen.put(" " + label, x: x, y: y, maxWidth: width, style: band)
        let digits = text(figure)
        let digitsWidth = BigText.width(digits, scale: scale)
        let dx = x + max(0, (width - digitsWidth) / 2)
        BigText.draw(digits, x: dx, y: y + 1, scale: scale, style: TextStyle(role: figure.role, bold: true), into: &screen)
        if withNote, !figure.note.isEmpty {
            let noteWidth = min(width, DisplayWidth.of(figure.note))
            screen.put(figure.note, x: x + max(0, (width - noteWidth) / 2), y: y + 1 + scale.height,
                       maxWidth: width, style: TextStyle(role: .dim))
        }
    }

    /// The smallest form: "ONLINE 3  DRAINING 1  OFFLINE 2  AT RISK 2".
    private static func drawLine(_ figures: [WallboardFigure], y: Int, into screen: inout Screen) {
        var x = 0
        for figure in figures {
            guard x < screen.width else { return }
            x += screen.put(figure.label + " ", x: x, y: y, maxWidth: screen.width - x, style: TextStyle(role: figure.role))
            guard x < screen.width else { return }
            x += screen.put(text(figure), x: x, y: y, maxWidth: screen.width - x, style: TextStyle(role: figure.role, bold: true))
            guard x < screen.width else { return }
            x += screen.put("  ", x: x, y: y, maxWidth: screen.width - x)
        }
    }

    /// The figure as the digits show it: `-` while unknown.
    package static func text(_ figure: WallboardFigure) -> String {
        figure.value.map { String($0) } ?? "-"
    }
}
