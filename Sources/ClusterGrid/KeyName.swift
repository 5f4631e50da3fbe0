/// How a key is written: as the help and the key bar show it (`label`), and
/// as the config file's `[keys]` table and custom actions name it (`init(name:)`,
/// issue 24). The two agree, so a key shown in help can be typed in the config.
extension Key {
    /// The key as help and the key bar show it: `↑`, `PgUp`, `Ctrl-B`, `Space`, `F1`, `k`.
    package var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .unknown(let code): "key \(code)"
        }
    }

    private static let named: [String: Key] = [
        "space": .char(" "), "↑": .up, "↓": .down, "←": .left, "→": .right, "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace,
        "del": .delete, "delete": .delete, "ins": .insert, "insert": .insert,
    ]

    /// A key from its config name: one printable character (`"R"`, `":"`),
    /// `ctrl-x`, `f1`…`f12`, or a name (`enter`, `esc`, `tab`, `shift-tab`,
    /// `space`, `up`, `pgdn`, `home`, …, or the arrows help shows); names are
    /// case-insensitive. Nil for anything else, and for Ctrl-H, Ctrl-I, Ctrl-J
    /// and Ctrl-M, which terminals send as Backspace, Tab and Enter.
    package init?(name: String) {
        let lower = name.lowercased()
        if let key = Self.named[lower] {
            self = key
        } else if name.count == 1, let c = name.first, !c.isWhitespace || c == " ", c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
            self = .char(c)
        } else if lower.count == 6, lower.hasPrefix("ctrl-"), let c = lower.last, c.isASCII, c.isLetter, !"hijm".contains(c) {
            self = .ctrl(c)
        } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
        } else {
            return nil
        }
    }

}
