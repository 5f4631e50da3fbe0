/// How many terminal columns text takes, from compiled-in tables rather than
/// `wcwidth(3)`, so layout is the same under every locale and in tests.
///
/// Rules: East Asian Wide/Fullwidth and emoji-presentation code points are
/// 2 columns; combining and enclosing marks, format characters, ZWJ and
/// variation selectors are 0. A grapheme (Swift `Character`) takes the width
/// of its first non-zero-width scalar, except that VS16 (U+FE0F) after an
/// emoji or a pair of regional indicators (a flag) makes it 2. A grapheme
/// made only of zero-width scalars (a lone combining mark) is 0. Controls
/// are 1: the sanitizer turns them into one-column control pictures before
/// any text is drawn.
package enum DisplayWidth {
    /// Columns taken by one grapheme: 0, 1 or 2.
    package static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        var it = scalars.makeIterator()
        guard let first = it.next() else { return 0 }
        guard let second = it.next() else { return of(scalar: first.value) }
        var width = of(scalar: first.value)
        if width == 2 { return 2 }
        var previous = first
        var next: Unicode.Scalar? = second
        while let s = next {
            if s.value == 0xFE0F, previous.properties.isEmoji { return 2 }
            if width == 0 { width = of(scalar: s.value) }
            if width == 2 { return 2 }
            previous = s
            next = it.next()
        }
        return width
    }

    /// Columns taken by `s`: the sum over its graphemes.
    package static func of(_ s: String) -> Int {
        if let ascii = asciiCount(s) { return ascii }
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// Columns taken by one scalar (`0x20...0x7E` answers without a lookup).
    package static func of(scalar v: UInt32) -> Int {
        if v < 0x300 { return 1 }
        if v < 0x1100 { return isZeroWidth(v) ? 0 : 1 }
        if DisplayWidthTables.contains(DisplayWidthTables.wide, v) { return 2 }
        return isZeroWidth(v) ? 0 : 1
    }

    /// `s` cut to at most `width` columns; when it had to be cut, the last
    /// column holds `ellipsis` and a wide grapheme is never split (the result
    /// may then be one column narrower than `width`).
    package static func truncate(_ s: String, to width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        let total = of(s)
        if total <= width { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        out.append(ellipsis)
        return out
    }

    /// The length of `s` when it is all printable ASCII (one column per byte), else nil.
    package static func asciiCount(_ s: String) -> Int? {
        var s = s
        return s.withUTF8 { buf -> Int? in
            for b in buf where b < 0x20 || b > 0x7E { return nil }
            return buf.count
        }
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        if DisplayWidthTables.contains(DisplayWidthTables.zeroExtra, v) { return true }
        guard let scalar = Unicode.Scalar(v) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        case .format: return v != 0x00AD && v != 0x0600 && !(0x0600...0x0605).contains(v)
        default: return false
        }
    }
}
