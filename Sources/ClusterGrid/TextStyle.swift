/// The semantic colour role of a piece of text. Views name roles, never
/// colours: the terminal backend maps each role to a colour pair (or, on a
/// monochrome terminal, to attributes) through a scheme table, like htop's
/// `CRT_colors[...]`.
package enum StyleRole: UInt8, CaseIterable, Sendable {
    case normal, header, badge, title, border, selection, selectionInactive,
         columnHeader, dim, ok, late, stale, draining, offline, ghost, risk,
         warning, error, accent, keyHint, keyHintKey, notice, banner, input, modal,
         /// A row the last poll changed (issue 10, like htop's -H).
         changed,
         /// A context's own colour (`color = "red"` in the config, issue 23): its name as a badge.
         contextRed, contextGreen, contextYellow, contextBlue, contextMagenta, contextCyan

    /// The badge role for a context colour name of the config file.
    package static func context(_ colour: String) -> StyleRole? {
        switch colour {
        case "red": .contextRed
        case "green": .contextGreen
        case "yellow": .contextYellow
        case "blue": .contextBlue
        case "magenta": .contextMagenta
        case "cyan": .contextCyan
        default: nil
        }
    }
}

/// How one cell is drawn: a role plus attributes that add to whatever the
/// role's scheme entry already sets.
package struct TextStyle: Hashable, Sendable {
    package var role: StyleRole
    package var bold: Bool
    package var reverse: Bool
    package var underline: Bool
    package var dim: Bool

    package init(role: StyleRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// Normal text with no attributes: what a fresh `Screen` holds.
    package static let plain = TextStyle()

    /// A style of `role` with no extra attributes (`.role(.ok)`).
    package static func role(_ role: StyleRole) -> TextStyle { TextStyle(role: role) }

    /// This style with bold added.
    package var bolded: TextStyle { var s = self; s.bold = true; return s }
}
