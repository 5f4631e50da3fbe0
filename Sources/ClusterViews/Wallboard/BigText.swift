import ClusterGrid

/// Large characters for the wallboard, legible from across a room: a 3×5
/// pixel font (digits, `-`, `.`, and the letters of "CONNECTING" and "ALL CLEAR") drawn at
/// one of several scales.
///
/// Decisions:
/// - One bitmap, several renderings, so every size shows the same shapes.
/// - `.large` doubles each pixel horizontally (6×5 cells) because terminal
///   cells are about twice as tall as wide: the digit then looks upright.
/// - `.half` packs two pixel rows into one cell with `▀ ▄ █` (3×3 cells);
///   there is no ASCII form of a half block, so ASCII terminals skip it.
/// - Characters the font lacks are drawn as a blank, never a crash.
package enum BigText {
    /// How large the characters are drawn.
    package enum Scale: CaseIterable, Sendable {
        /// 6 columns × 5 rows per character.
        case large
        /// 3 × 5.
        case tall
        /// 3 × 3, with half blocks (Unicode only).
        case half
        /// Ordinary text, one row.
        case plain

        /// Rows one line of text takes.
        package var height: Int {
            switch self {
            case .large, .tall: 5
            case .half: 3
            case .plain: 1
            }
        }

        /// Columns per pixel, and blank columns between characters.
        fileprivate var pixelWidth: Int { self == .large ? 2 : 1 }
        fileprivate var gap: Int { self == .large ? 2 : 1 }
    }

    /// Columns `text` takes at `scale`.
    package static func width(_ text: String, scale: Scale) -> Int {
        let n = text.count
        guard n > 0 else { return 0 }
        if scale == .plain { return DisplayWidth.of(text) }
        return n * 3 * scale.pixelWidth + (n - 1) * scale.gap
    }

    /// Draws `text` with its top-left corner at (x, y); clipped by the screen.
    /// Returns the columns used.
    @discardableResult
    package static func draw(_ text: String, x: Int, y: Int, scale: Scale, style: TextStyle, into screen: inout Screen) -> Int {
        if scale == .plain { return screen.put(text, x: x, y: y, style: style) }
        let full: Character = screen.asciiOnly ? "#" : "█"
        var col = x
        for char in text {
            let rows = glyph(char)
            if scale == .half {
                drawHalf(rows, x: col, y: y, style: style, into: &screen)
            } else {
                drawFull(rows, x: col, y: y, pixel: scale.pixelWidth, char: full, style: style, into: &screen)
            }
            col += 3 * scale.pixelWidth + scale.gap
        }
        return width(text, scale: scale)
    }

    private static func drawFull(
        _ rows: [UInt8], x: Int, y: Int, pixel: Int, char: Character, style: TextStyle, into screen: inout Screen
    ) {
        for (r, bits) in rows.enumerated() {
            for c in 0..<3 where bits & (4 >> c) != 0 {
                screen.fill(x: x + c * pixel, y: y + r, width: pixel, height: 1, char: char, style: style)
            }
        }
    }

    private static func drawHalf(_ rows: [UInt8], x: Int, y: Int, style: TextStyle, into screen: inout Screen) {
        for cellRow in 0..<3 {
            let top = rows[cellRow * 2]
            let bottom = cellRow * 2 + 1 < rows.count ? rows[cellRow * 2 + 1] : 0
            for c in 0..<3 {
                let mask: UInt8 = 4 >> c
                let char: Character
                switch (top & mask != 0, bottom & mask != 0) {
                case (true, true): char = "█"
                case (true, false): char = "▀"
                case (false, true): char = "▄"
                case (false, false): continue
                }
                screen.fill(x: x + c, y: y + cellRow, width: 1, height: 1, char: char, style: style)
            }
        }
    }

    /// The five pixel rows of `char`, three bits each (4 = left pixel).
    package static func glyph(_ char: Character) -> [UInt8] {
        font[char] ?? [0, 0, 0, 0, 0]
    }

    private static let font: [Character: [UInt8]] = [
        "0": [7, 5, 5, 5, 7], "1": [2, 6, 2, 2, 7], "2": [7, 1, 7, 4, 7], "3": [7, 1, 7, 1, 7],
        "4": [5, 5, 7, 1, 1], "5": [7, 4, 7, 1, 7], "6": [7, 4, 7, 5, 7], "7": [7, 1, 1, 1, 1],
        "8": [7, 5, 7, 5, 7], "9": [7, 5, 7, 1, 7], "-": [0, 0, 7, 0, 0], ".": [0, 0, 0, 0, 2],
        "C": [7, 4, 4, 4, 7], "O": [7, 5, 5, 5, 7], "N": [6, 5, 5, 5, 5], "E": [7, 4, 6, 4, 7],
        "T": [7, 2, 2, 2, 2], "I": [7, 2, 2, 2, 7], "G": [7, 4, 5, 5, 7], " ": [0, 0, 0, 0, 0],
        "A": [2, 5, 7, 5, 5], "L": [4, 4, 4, 4, 7], "R": [6, 5, 6, 5, 5],
    ]
}
