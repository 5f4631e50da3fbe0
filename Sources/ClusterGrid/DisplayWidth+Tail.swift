extension DisplayWidth {
    /// `text` as a field being typed shows it in `room` cells: whole when it
    /// fits, else `…` and its end, where the cursor is (the start and `…`
    /// hid what was being typed).
    package static func tail(_ text: String, room: Int) -> String {
        guard room > 0 else { return "" }
        guard of(text) > room else { return text }
        var kept: [Character] = []
        var used = 1
        for c in text.reversed() {
            let w = of(c)
            if used + w > room { break }
            kept.append(c)
            used += w
        }
        return "…" + String(kept.reversed())
    }
}
