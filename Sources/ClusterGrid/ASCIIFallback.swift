/// Plain-ASCII stand-ins for the symbols the views use, applied by
/// `Screen.put` when the locale is not UTF-8 (`LANG=C`), so the screen reads
/// `->` and `.` instead of `?`. Characters outside this table (a server's
/// non-Latin names) are left to the backend, which shows `?`.
package enum ASCIIFallback {
    package static let table: [Character: String] = [
        "·": ".", "•": "*", "→": "->", "←": "<-", "↑": "^", "↓": "v", "—": "-", "–": "-", "±": "+/-",
        "…": "~", "█": "#", "▶": ">", "▲": "^", "▼": "v", "★": "*", "◆": "+", "●": "o",
        "◐": "~", "○": "?", "◒": "d", "✕": "x", "✓": "ok", "⚠": "!", "│": "|", "─": "-",
        "×": "x", "␛": "^[", "ü": "u", "é": "e",
    ]

    /// `text` with every tabled symbol replaced; pure-ASCII text is returned as is.
    package static func transliterate(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if let replacement = table[c] { out += replacement } else { out.append(c) }
        }
        return out
    }
}
