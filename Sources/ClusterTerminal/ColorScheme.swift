import ClusterGrid

/// How each `StyleRole` looks: a colour table per palette size (8, 16, 256)
/// and a monochrome table that uses attributes only. The backend turns the
/// chosen table into curses colour pairs; views only ever name roles.
/// Colour numbers are curses colours; -1 is the terminal's default colour.
package struct ColorScheme: Sendable {
    /// What one role looks like.
    package struct Entry: Sendable {
        package var fg: Int16
        package var bg: Int16
        package var bold = false
        package var reverse = false
        package var underline = false
        package var dim = false
    }

    /// The palette sizes a scheme exists for.
    package enum Depth: Sendable { case monochrome, colors8, colors16, colors256 }

    package let depth: Depth
    /// One entry per `StyleRole`, indexed by raw value.
    package let entries: [Entry]

    /// The scheme for a terminal with `colors` colours (0 = monochrome).
    package static func forColors(_ colors: Int) -> ColorScheme {
        if colors >= 256 { return ColorScheme(depth: .colors256, entries: StyleRole.allCases.map(entry256)) }
        if colors >= 16 { return ColorScheme(depth: .colors16, entries: StyleRole.allCases.map(entry16)) }
        if colors >= 8 { return ColorScheme(depth: .colors8, entries: StyleRole.allCases.map(entry8)) }
        return monochrome
    }

    package static let monochrome = ColorScheme(depth: .monochrome, entries: StyleRole.allCases.map(entryMono))

    private static let black: Int16 = 0, red: Int16 = 1, green: Int16 = 2, yellow: Int16 = 3
    private static let blue: Int16 = 4, magenta: Int16 = 5, cyan: Int16 = 6, white: Int16 = 7, none: Int16 = -1

    private static func entry8(_ role: StyleRole) -> Entry {
        switch role {
        case .normal, .modal, .keyHint: Entry(fg: none, bg: none)
        case .header: Entry(fg: white, bg: blue, bold: true)
        case .badge: Entry(fg: black, bg: yellow, bold: true)
        case .title: Entry(fg: cyan, bg: none, bold: true)
        case .border: Entry(fg: blue, bg: none)
        case .selection: Entry(fg: black, bg: cyan)
        case .selectionInactive: Entry(fg: black, bg: white)
        case .columnHeader: Entry(fg: black, bg: green)
        case .dim, .ghost: Entry(fg: none, bg: none, dim: true)
        case .ok: Entry(fg: green, bg: none)
        case .late, .notice: Entry(fg: yellow, bg: none)
        case .stale: Entry(fg: magenta, bg: none)
        case .draining: Entry(fg: cyan, bg: none)
        case .offline, .risk: Entry(fg: red, bg: none, bold: true)
        case .warning: Entry(fg: yellow, bg: none, bold: true)
        case .error, .banner: Entry(fg: white, bg: red, bold: true)
        case .accent: Entry(fg: cyan, bg: none)
        case .keyHintKey: Entry(fg: black, bg: cyan, bold: true)
        case .input: Entry(fg: none, bg: none, underline: true)
        case .changed: Entry(fg: black, bg: yellow)
        case .contextRed: Entry(fg: white, bg: red, bold: true)
        case .contextGreen: Entry(fg: black, bg: green, bold: true)
        case .contextYellow: Entry(fg: black, bg: yellow, bold: true)
        case .contextBlue: Entry(fg: white, bg: blue, bold: true)
        case .contextMagenta: Entry(fg: white, bg: magenta, bold: true)
        case .contextCyan: Entry(fg: black, bg: cyan, bold: true)
        }
    }

    private static func entry16(_ role: StyleRole) -> Entry {
        switch role {
        case .dim, .ghost: Entry(fg: 8, bg: none)
        case .border: Entry(fg: 12, bg: none)
        case .title: Entry(fg: 14, bg: none, bold: true)
        case .header: Entry(fg: 15, bg: blue, bold: true)
        default: entry8(role)
        }
    }

    private static func entry256(_ role: StyleRole) -> Entry {
        switch role {
        case .header: Entry(fg: 255, bg: 24, bold: true)
        case .badge: Entry(fg: 16, bg: 214, bold: true)
        case .title: Entry(fg: 117, bg: none, bold: true)
        case .border: Entry(fg: 67, bg: none)
        case .selection: Entry(fg: 16, bg: 117)
        case .selectionInactive: Entry(fg: 255, bg: 240)
        case .columnHeader: Entry(fg: 16, bg: 108, bold: true)
        case .dim: Entry(fg: 245, bg: none)
        case .ghost: Entry(fg: 240, bg: none)
        case .ok: Entry(fg: 114, bg: none)
        case .late: Entry(fg: 221, bg: none)
        case .stale: Entry(fg: 208, bg: none)
        case .draining: Entry(fg: 75, bg: none)
        case .offline: Entry(fg: 203, bg: none, bold: true)
        case .risk: Entry(fg: 203, bg: none, bold: true)
        case .warning: Entry(fg: 214, bg: none, bold: true)
        case .error, .banner: Entry(fg: 231, bg: 160, bold: true)
        case .accent: Entry(fg: 81, bg: none)
        case .notice: Entry(fg: 186, bg: none)
        case .keyHintKey: Entry(fg: 16, bg: 73, bold: true)
        case .keyHint: Entry(fg: 250, bg: none)
        case .changed: Entry(fg: 16, bg: 187)
        case .normal, .modal, .input, .contextRed, .contextGreen, .contextYellow, .contextBlue, .contextMagenta, .contextCyan:
            entry8(role)
        }
    }

    /// Attributes only, for `--monochrome`, NO_COLOR and terminals without colour.
    private static func entryMono(_ role: StyleRole) -> Entry {
        switch role {
        case .normal, .border, .modal, .keyHint, .ok, .accent: Entry(fg: none, bg: none)
        case .header, .badge, .banner, .error, .contextRed, .contextGreen, .contextYellow, .contextBlue, .contextMagenta, .contextCyan:
            Entry(fg: none, bg: none, bold: true, reverse: true)
        case .title, .late, .risk, .warning, .notice: Entry(fg: none, bg: none, bold: true)
        case .selection, .keyHintKey: Entry(fg: none, bg: none, reverse: true)
        case .selectionInactive, .draining, .input: Entry(fg: none, bg: none, underline: true)
        case .columnHeader: Entry(fg: none, bg: none, bold: true, underline: true)
        case .dim, .ghost: Entry(fg: none, bg: none, dim: true)
        case .stale, .changed: Entry(fg: none, bg: none, bold: true, underline: true)
        case .offline: Entry(fg: none, bg: none, bold: true, reverse: true)
        }
    }
}
