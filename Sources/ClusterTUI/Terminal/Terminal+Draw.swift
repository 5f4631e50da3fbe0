import CNcurses
import Glibc

/// Drawing: colour setup and copying a `Screen` into curses.
extension Terminal {
    /// Copies `screen` into curses and sends the difference to the terminal:
    /// erase, then every cell (trailers of wide graphemes skipped), clipped
    /// to the terminal's size, which may differ mid-resize. `erase` rather
    /// than `clear`: curses then writes only what changed.
    func present(_ screen: Screen) {
        guard isActive else { return }
        _ = erase()
        let rows = min(screen.height, Int(ctui_lines()))
        let cols = min(screen.width, Int(ctui_cols()))
        for y in 0..<max(0, rows) {
            for x in 0..<max(0, cols) {
                let cell = screen[x: x, y: y]
                if cell.width == 0 { continue }
                let wide = cell.width == 2
                if cell.char == " ", !wide, cell.style == .plain { continue }  // erase left it blank
                putCell(cell.char, wide: wide && x + 1 < cols, x: x, y: y, style: cell.style)
            }
        }
        _ = ctui_wnoutrefresh()
        _ = doupdate()
    }

    private func putCell(_ char: Character, wide: Bool, x: Int, y: Int, style: TextStyle) {
        var count = 0
        if !wide && DisplayWidth.of(char) == 2 {
            cellBuffer[0] = 0x20  // half a wide glyph would not fit: a space
            count = 1
        } else {
            for scalar in char.unicodeScalars {
                if count == 5 { break }
                cellBuffer[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            if !isUTF8, char.unicodeScalars.contains(where: { $0.value > 0x7E }) {
                cellBuffer[0] = 0x3F  // "?": the locale cannot show it
                count = 1
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
    static func startColor() -> Bool {
        guard has_colors() else { return false }
        guard start_color() == OK else { return false }
        return ctui_color_pairs() > Int32(StyleRole.allCases.count)
    }

    /// Fills the per-role attribute and pair tables from the colour scheme.
    func configureRoles() {
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
