/// One column of a `Screen`: a grapheme, how many columns it covers, and its
/// style. A wide grapheme (CJK, emoji) is stored in its leading cell with
/// `width == 2`, followed by a trailer cell with `width == 0` that the
/// backend skips (ratatui's model of hidden trailing cells).
package struct Cell: Hashable, Sendable {
    package var char: Character
    /// 1 or 2 for a cell that starts a grapheme; 0 for the trailing half of a wide one.
    package var width: UInt8
    package var style: TextStyle

    package init(char: Character, width: UInt8 = 1, style: TextStyle = .plain) {
        self.char = char
        self.width = width
        self.style = style
    }

    /// An empty (space) cell of `style`.
    package static func blank(_ style: TextStyle = .plain) -> Cell { Cell(char: " ", width: 1, style: style) }

    /// The hidden trailing half of a wide grapheme.
    package static func trailer(_ style: TextStyle) -> Cell { Cell(char: " ", width: 0, style: style) }
}
