import ClusterModel

/// An in-memory frame: a `width × height` grid of `Cell`s that views draw
/// into and the terminal backend copies to curses. Tests compare its text
/// (`lines()`) with fixtures, so every view is testable without a terminal.
///
/// Invariants kept by every mutation: a cell of width 2 is always followed
/// by its width-0 trailer on the same row, and a trailer never stands alone
/// (overwriting half of a wide grapheme blanks the other half).
/// All coordinates are clipped: drawing outside the grid is a no-op, never a
/// crash, at any size including 0×0.
package struct Screen: Sendable, Equatable {
    package let width: Int
    package let height: Int
    /// Draw boxes with `+-|` instead of line-drawing characters, and use `~`
    /// as the truncation mark: for terminals whose locale is not UTF-8.
    package var asciiOnly = false
    package private(set) var cells: [Cell]
    /// Where the terminal's cursor should be, shown (issue 24, `--accessible`:
    /// screen readers and magnifiers follow it); nil: hidden.
    package var cursor: ScreenPoint?

    package init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(), count: self.width * self.height)
    }

    /// The cell at (x, y); a blank cell outside the grid.
    package subscript(x x: Int, y y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank() }
        return cells[y * width + x]
    }

    /// The cell at (x, y), unlabelled (`screen[3, 0]`).
    package subscript(_ x: Int, _ y: Int) -> Cell { self[x: x, y: y] }

    /// True when (x, y) is inside the grid.
    package func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// The mark that ends truncated text.
    package var ellipsis: Character { asciiOnly ? "~" : "…" }

    /// Draws `text` at (x, y) after making it safe with `TextSanitizer.visible`.
    ///
    /// Two different limits apply. Text wider than `maxWidth` (default: the
    /// room to the right edge) is truncated by display width and ends in `…`.
    /// Independently, what is drawn is clipped to the screen like a terminal
    /// would, without an ellipsis; a wide grapheme cut by either limit becomes
    /// a space, never half a glyph. Returns the columns the text advanced
    /// (≤ `maxWidth`; columns clipped off either edge included), or 0 when
    /// the row is off screen or `x` is at or past the right edge.
    @discardableResult
    package mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: TextStyle = .plain) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let room = maxWidth ?? (width - x)
        guard room > 0 else { return 0 }
        let visible = TextSanitizer.visible(text)
        let safe = asciiOnly ? ASCIIFallback.transliterate(visible) : visible
        if let count = DisplayWidth.asciiCount(safe) {
            return putASCII(safe, count: count, x: x, y: y, room: room, style: style)
        }
        return putUnicode(safe, x: x, y: y, room: room, style: style)
    }

    /// Paints a rectangle with `char` (a wide or zero-width `char` paints spaces).
    package mutating func fill(x: Int, y: Int, width w: Int, height h: Int, char: Character = " ", style: TextStyle = .plain) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + max(0, w)), y1 = min(height, y + max(0, h))
        guard x0 < x1, y0 < y1 else { return }
        let safeChar: Character = DisplayWidth.of(char) == 1 && !char.isControlLike ? char : " "
        for row in y0..<y1 {
            for col in x0..<x1 { setNarrow(Cell(char: safeChar, width: 1, style: style), x: col, y: row) }
        }
    }

    /// Changes the style of the cells in a run of a row, keeping their text
    /// (a selection bar over already-drawn columns).
    package mutating func restyle(x: Int, y: Int, width w: Int, style: TextStyle) {
        guard y >= 0, y < height else { return }
        let x0 = max(0, x), x1 = min(width, x + max(0, w))
        guard x0 < x1 else { return }
        for col in x0..<x1 { cells[y * width + col].style = style }
    }

    /// The text of each row, trailers skipped and trailing spaces trimmed.
    package func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            line.reserveCapacity(width)
            for col in 0..<width {
                let cell = cells[row * width + col]
                if cell.width != 0 { line.append(cell.char) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// `lines()` joined by newlines.
    package func text() -> String { lines().joined(separator: "\n") }

    // MARK: - Drawing internals

    // A cut text always advances exactly `room` columns (the kept prefix, a
    // pad space when a wide grapheme did not fit, the ellipsis), an uncut one
    // its full width; so drawing may stop at the right edge of the screen.

    private mutating func putASCII(_ s: String, count: Int, x: Int, y: Int, room: Int, style: TextStyle) -> Int {
        let cut = count > room
        let keep = cut ? room - 1 : count
        let start = max(0, -x)
        let stop = min(keep, width - x)
        if start < stop {
            var s = s
            s.withUTF8 { buf in
                for i in start..<stop {
                    setNarrow(Cell(char: Character(Unicode.Scalar(buf[i])), width: 1, style: style), x: x + i, y: y)
                }
            }
        }
        if cut { place(ellipsis, width: 1, x: x + keep, y: y, style: style) }
        return cut ? room : count
    }

    private mutating func putUnicode(_ s: String, x: Int, y: Int, room: Int, style: TextStyle) -> Int {
        let total = DisplayWidth.of(s)
        let cut = total > room
        let limit = cut ? room - 1 : room
        var col = x
        for c in s {
            if col >= width { break }
            let w = DisplayWidth.of(c)
            if w == 0 { continue }  // a lone combining mark: nothing to attach it to
            if col - x + w > limit {
                if w == 2, col - x < limit { place(" ", width: 1, x: col, y: y, style: style) }
                break
            }
            place(c, width: w, x: col, y: y, style: style)
            col += w
        }
        if cut { place(ellipsis, width: 1, x: x + limit, y: y, style: style) }
        return cut ? room : total
    }

    /// Writes a grapheme of width 1 or 2 at a column that may be off either edge.
    private mutating func place(_ c: Character, width w: Int, x: Int, y: Int, style: TextStyle) {
        guard x < width else { return }
        if w == 1 {
            if x >= 0 { setNarrow(Cell(char: c, width: 1, style: style), x: x, y: y) }
            return
        }
        if x == -1 { setNarrow(.blank(style), x: 0, y: y); return }  // right half on screen only
        guard x >= 0 else { return }
        guard x + 1 < width else { setNarrow(.blank(style), x: x, y: y); return }
        unlink(x: x, y: y)
        unlink(x: x + 1, y: y)
        cells[y * width + x] = Cell(char: c, width: 2, style: style)
        cells[y * width + x + 1] = .trailer(style)
    }

    /// Stores a one-column cell at an on-screen position, keeping the wide-grapheme invariant.
    private mutating func setNarrow(_ cell: Cell, x: Int, y: Int) {
        unlink(x: x, y: y)
        cells[y * width + x] = cell
    }

    /// Before (x, y) is overwritten: blanks the other half of a wide grapheme it belongs to.
    private mutating func unlink(x: Int, y: Int) {
        let i = y * width + x
        switch cells[i].width {
        case 0 where x > 0: cells[i - 1] = .blank(cells[i - 1].style)
        case 2 where x + 1 < width: cells[i + 1] = .blank(cells[i + 1].style)
        default: break
        }
    }
}

private extension Character {
    /// A control character that must not reach the terminal as itself.
    package var isControlLike: Bool {
        unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}

/// A cell position on the screen.
package struct ScreenPoint: Sendable, Equatable {
    package var x: Int
    package var y: Int
    package init(x: Int, y: Int) { self.x = x; self.y = y }
}
