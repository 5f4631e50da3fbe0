import CNcurses
import ClusterGrid
import Glibc

/// Drawing: colour setup and copying a `Screen` into curses.
extension Terminal {
    /// Copies `screen` into curses and sends the difference to the terminal:
    /// erase, then every cell (trailers of wide graphemes skipped), clipped
    /// to the terminal's size, which may differ mid-resize. `erase` rather
    /// than `clear`: curses then writes only what changed.
    package func present(_ screen: Screen) {
        guard isActive else { return }
        _ = erase()
        let rows = min(screen.height, Int(ctui_lines()))
        let cols = min(screen.width, Int(ctui_cols()))
        for y in 0..<max(0, rows) {
            for x in 0..<max(0, cols) {
                let cell = screen[x: x, y: y]
                if cell.width == 0 { continue }
                if cell.width == 1, cell.char == " ", cell.style == .plain { continue }  // erase left it blank
                // A wide glyph whose right half is beyond the terminal's edge (mid-resize): a space.
                let clipped = cell.width == 2 && x + 1 >= cols
                putCell(clipped ? " " : cell.char, width: clipped ? 1 : Int(cell.width), x: x, y: y, style: cell.style)
            }
        }
        placeCursor(screen.cursor, rows: rows, cols: cols)
        _ = ctui_wnoutrefresh()
        _ = doupdate()
    }

    /// Shows the cursor at `point` (`--accessible`), or keeps it hidden;
    /// curses is told only when that changes.
    private func placeCursor(_ point: ScreenPoint?, rows: Int, cols: Int) {
        guard let point, point.y < rows, point.x < cols else {
            if cursorShown { _ = curs_set(0); _ = ctui_leaveok_on(); cursorShown = false }
            return
        }
        if !cursorShown { _ = curs_set(1); _ = ctui_leaveok_off(); cursorShown = true }
        _ = ctui_move(Int32(point.y), Int32(point.x))
    }

    /// Writes one grapheme. When the C library's `wcwidth` (which curses and
    /// most terminals follow) disagrees with our width, the glyph is
    /// simplified so it never takes more columns than the grid reserved:
    /// an emoji sequence that libc thinks narrow loses its VS16/ZWJ tail
    /// (and shows in text style), anything else becomes "?".
    private func putCell(_ char: Character, width: Int, x: Int, y: Int, style: TextStyle) {
        var count = 0
        for scalar in char.unicodeScalars {
            if count == 5 { break }  // CCHARW_MAX: base plus four combining marks
            cellBuffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if !isUTF8, char.unicodeScalars.contains(where: { $0.value > 0x7E }) {
            cellBuffer[0] = 0x3F  // "?": the locale cannot show it
            count = 1
        } else if cellBuffer[0] >= 0x300 {
            let libc = Int(ctui_wcwidth(cellBuffer[0]))
            if libc != width {
                if width == 2 && libc == 1 { count = 1 } else { cellBuffer[0] = 0x3F; count = 1 }
            }
        }
        cellBuffer[count] = 0
        var attrs = roleAttrs[Int(style.role.rawValue)]
        if style.bold { attrs |= ctui_a_bold() }
        if style.reverse { attrs |= ctui_a_reverse() }
        if style.underline { attrs |= ctui_a_underline() }
        if style.dim { attrs |= ctui_a_dim() }
        // At the bottom-right corner with scrollok off, curses stores the
        // cell and returns ERR instead of scrolling: ERR is expected there.
        _ = ctui_put_cell(Int32(y), Int32(x), cellBuffer, attrs, rolePairs[Int(style.role.rawValue)])
    }

    /// Starts colour when the terminal has it; true when colour pairs can be used.
    package static func startColor() -> Bool {
        guard has_colors() else { return false }
        guard start_color() == OK else { return false }
        return ctui_color_pairs() > Int32(StyleRole.allCases.count)
    }

    /// Fills the per-role attribute and pair tables from the colour scheme.
    package func configureRoles() {
        let scheme = usesColor ? ColorScheme.forColors(Int(ctui_colors())) : ColorScheme.monochrome
        let defaults = usesColor && use_default_colors() == OK
        roleAttrs = []
        rolePairs = []
        for role in StyleRole.allCases {
            let entry = scheme.entries[Int(role.rawValue)]
            var attrs = ctui_a_normal()
            if entry.bold { attrs |= ctui_a_bold() }
            if entry.reverse { attrs |= ctui_a_reverse() }
            if entry.underline { attrs |= ctui_a_underline() }
            if entry.dim { attrs |= ctui_a_dim() }
            var pair: Int16 = 0
            if usesColor {
                pair = Int16(role.rawValue) + 1
                let fg = entry.fg >= 0 || defaults ? entry.fg : Int16(COLOR_WHITE)
                let bg = entry.bg >= 0 || defaults ? entry.bg : Int16(COLOR_BLACK)
                _ = init_pair(pair, fg, bg)
            }
            roleAttrs.append(attrs)
            rolePairs.append(pair)
        }
    }
}
