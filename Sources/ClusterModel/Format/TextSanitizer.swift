import Foundation

/// Makes server text safe to draw: shown, never obeyed (ARCHITECTURE.md, "Bad input").
///
/// Choices:
/// - C0 controls U+0000–U+001F (ESC, TAB, CR, LF included) become their
///   one-cell Unicode control pictures U+2400+code (ESC → ␛, LF → ␊), and
///   DEL becomes ␡, so the text keeps its length and the operator sees
///   where the control was.
/// - C1 controls U+0080–U+009F (including the one-byte CSI U+009B) and the
///   invisible bidi/format controls (U+200B–200F, U+202A–202E, U+2066–2069,
///   U+2028, U+2029, U+FEFF, U+061C) have no control picture, so they become
///   the ASCII escape `<U+009B>`, which no terminal interprets.
/// - Everything else (CJK, emoji) is untouched. One deliberate exception to
///   the U+200B–200F range: U+200D (zero-width joiner) is kept, because it
///   glues emoji sequences (👩‍💻) and joins letters in Indic scripts, and it
///   can neither reorder text nor move the cursor.
public enum TextSanitizer {
    /// How much of a value an error message may quote (issue 13: a 64 MB
    /// config value came back as a 134 MB stderr line).
    public static let excerptLimit = 120

    /// `s` made visible and cut to `limit` characters with `…`: the one way
    /// an error message quotes a value.
    public static func excerpt(_ s: String, limit: Int = excerptLimit) -> String {
        let head = s.count > limit ? String(s.prefix(limit - 1)) : s
        return visible(head) + (s.count > limit ? "…" : "")
    }

    /// The display-safe form of `s`; returns `s` itself (no allocation)
    /// when it holds only printable ASCII.
    public static func visible(_ s: String) -> String {
        if isPrintableASCII(s) { return s }
        guard !isClean(s) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x20 {
                out.append(Unicode.Scalar(0x2400 + v) ?? "?")
            } else if v == 0x7F {
                out.append("\u{2421}")
            } else if needsEscape(v) {
                out.append(contentsOf: escape(v).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// True when `visible(s)` would return `s` unchanged.
    public static func isClean(_ s: String) -> Bool {
        if isPrintableASCII(s) { return true }
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x20 || v == 0x7F || needsEscape(v) { return false }
        }
        return true
    }

    /// `<U+009B>`: four or more upper-case hex digits.
    static func escape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
    }

    /// C1 and the bidi/format controls that get the `<U+XXXX>` escape.
    static func needsEscape(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0x9F, 0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069,
             0x2028, 0x2029, 0xFEFF, 0x061C: return true
        default: return false
        }
    }

    static func isPrintableASCII(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { buf in
            for b in buf where b < 0x20 || b > 0x7E { return false }
            return true
        }
    }
}
