import ClusterModel
import Foundation

/// Turns the bytes of an unexpected reply (a proxy's HTML page, a stack
/// trace) into one short, safe line for an error message: the `<title>` of an
/// HTML page when it has one, else the text with tags removed; control
/// characters dropped, whitespace collapsed, at most 120 characters.
public enum ReplyText {
    public static let maxExcerpt = 120

    public static func excerpt(_ bytes: some Collection<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(16 * 1024), as: UTF8.self)
        let source = htmlTitle(text) ?? stripTags(text)
        return oneLine(source, limit: maxExcerpt)
    }

    /// Collapses whitespace, shows every other control and bidi character
    /// visibly (`␛`, `<U+009B>`, as the tables do: one rendering everywhere,
    /// issue 13), truncates with `…`.
    public static func oneLine(_ s: String, limit: Int = maxExcerpt) -> String {
        var out = ""
        var lastWasSpace = true
        for scalar in s.unicodeScalars {
            let v = scalar.value
            let isControl = v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out += isControl ? TextSanitizer.visible(String(scalar)) : String(scalar)
                lastWasSpace = false
            }
        }
        while out.last == " " { out.removeLast() }
        if out.count > limit { out = String(out.prefix(limit - 1)) + "…" }
        return out.isEmpty ? "(empty body)" : out
    }

    static func htmlTitle(_ text: String) -> String? {
        let lower = text.lowercased()
        guard let open = lower.range(of: "<title"),
              let gt = lower[open.upperBound...].firstIndex(of: ">"),
              let close = lower[gt...].range(of: "</title>")
        else { return nil }
        let start = text.index(after: gt)
        guard start <= close.lowerBound else { return nil }
        let title = String(text[start..<close.lowerBound])
        return title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : title
    }

    static func stripTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        for c in text {
            if c == "<" { inTag = true; out.append(" ") } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }
}
