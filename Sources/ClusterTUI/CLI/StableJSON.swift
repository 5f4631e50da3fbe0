import Foundation

/// The JSON form of `clustertui get -o json`: pretty, sorted keys, dates as
/// the wire's `2026-05-18T10:00:00.000Z` (the wire types encode them so),
/// and C1 / bidi control characters written as `\u` escapes, which JSON
/// permits and which no terminal interprets (JSONEncoder escapes only C0).
enum StableJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapeControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// C1 and bidi controls as `\u` escapes, for JSON made by other encoders too.
    static func escapeControls(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            let v = u.value
            if (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || v == 0x2028 || v == 0x2029 || v == 0x200E || v == 0x200F || v == 0x061C
            {
                out.append(contentsOf: String(format: "\\u%04x", v).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}
