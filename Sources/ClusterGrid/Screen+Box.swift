/// Box drawing on a `Screen`: frames for panes and modals.
extension Screen {
    /// Draws a frame around the rectangle (the interior is left as it is)
    /// with line-drawing characters, or `+-|` when `asciiOnly` is set, and an
    /// optional title in the top edge. Rectangles smaller than 2×2 draw nothing.
    package mutating func box(x: Int, y: Int, width w: Int, height h: Int, style: TextStyle = .role(.border), title: String? = nil) {
        guard w >= 2, h >= 2 else { return }
        let g: (h: Character, v: Character, tl: Character, tr: Character, bl: Character, br: Character) =
            asciiOnly ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
        let right = x + w - 1, bottom = y + h - 1
        fill(x: x + 1, y: y, width: w - 2, height: 1, char: g.h, style: style)
        fill(x: x + 1, y: bottom, width: w - 2, height: 1, char: g.h, style: style)
        fill(x: x, y: y + 1, width: 1, height: h - 2, char: g.v, style: style)
        fill(x: right, y: y + 1, width: 1, height: h - 2, char: g.v, style: style)
        fill(x: x, y: y, width: 1, height: 1, char: g.tl, style: style)
        fill(x: right, y: y, width: 1, height: 1, char: g.tr, style: style)
        fill(x: x, y: bottom, width: 1, height: 1, char: g.bl, style: style)
        fill(x: right, y: bottom, width: 1, height: 1, char: g.br, style: style)
        if let title, !title.isEmpty, w >= 5 {
            var titleStyle = style
            titleStyle.role = .title
            titleStyle.bold = true
            put(" " + title + " ", x: x + 1, y: y, maxWidth: w - 2, style: titleStyle)
        }
    }
}
