import Foundation

/// Makes JSON text inert in a terminal: C1 controls, DEL and the bidi and
/// line-separator controls written as `\u` escapes, which JSON permits and
/// no terminal interprets. `JSONEncoder` and `JSONSerialization` escape only
/// C0, so `cat` of a journal, an events log or a plan file holding a
/// server's U+009B (one-byte CSI) or U+202E would otherwise drive the
/// terminal (issue 20). Every JSON file or line this tool writes goes
/// through here.
public enum JSONControlEscaping {
    /// `text` with every such scalar as `\uXXXX`; `text` itself when it has none.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if needsEscape(u.value) {
                out.append(contentsOf: String(format: "\\u%04x", u.value).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// The same for encoded bytes (UTF-8 JSON).
    public static func escape(_ data: Data) -> Data {
        // Printable ASCII and the C0 escapes the encoders wrote are the common case: no copy.
        guard data.contains(where: { $0 >= 0x7F }) else { return data }
        return Data(escape(String(decoding: data, as: UTF8.self)).utf8)
    }

    /// C0 is left alone: the encoders escape it inside strings, and outside
    /// strings it is the whitespace of pretty-printed JSON.
    static func needsEscape(_ v: UInt32) -> Bool {
        (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x2028 || v == 0x2029 || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
