import ClusterModel

/// Reads one line of the TOML subset character by character (see `TOMLSubset`).
struct TOMLLineScanner {
    typealias ParseError = TOMLSubset.ParseError
    private let chars: [Unicode.Scalar]
    private var i = 0
    let line: Int

    init(_ chars: [Unicode.Scalar], line: Int) {
        // Tolerate CRLF files.
        var c = chars
        if c.last == "\r" { c.removeLast() }
        self.chars = c
        self.line = line
    }

    var peek: Unicode.Scalar? { i < chars.count ? chars[i] : nil }
    var atEndOrComment: Bool { peek == nil || peek == "#" }

    mutating func skipSpaces() { while peek == " " || peek == "\t" { i += 1 } }

    func fail(_ message: String) -> ParseError { ParseError(line: line, message: message) }

    /// `[a.b."c d"]` followed by nothing but a comment.
    mutating func tableHeader() throws(ParseError) -> [String] {
        i += 1
        if peek == "[" { throw fail("arrays of tables ([[…]]) are not supported") }
        var path: [String] = []
        while true {
            skipSpaces()
            path.append(try key())
            skipSpaces()
            if peek == "." { i += 1; continue }
            guard peek == "]" else { throw fail("expected `]` or `.` in the table header") }
            i += 1
            break
        }
        try expectLineEnd()
        return path
    }

    /// `key = value` followed by nothing but a comment.
    mutating func keyValue() throws(ParseError) -> (String, TOMLSubset.Value) {
        let k = try key()
        skipSpaces()
        if peek == "." { throw fail("dotted keys are not supported; use a [table] header") }
        guard peek == "=" else { throw fail("expected `=` after key \"\(TextSanitizer.excerpt(k))\"") }
        i += 1
        skipSpaces()
        let v = try value()
        try expectLineEnd()
        return (k, v)
    }

    mutating func expectLineEnd() throws(ParseError) {
        skipSpaces()
        guard atEndOrComment else {
            throw fail("unexpected text after the value: `\(TextSanitizer.excerpt(String(String.UnicodeScalarView(chars[i...]))))`")
        }
    }

    mutating func key() throws(ParseError) -> String {
        if peek == "\"" { return try basicString() }
        if peek == "'" { return try literalString() }
        var s = String.UnicodeScalarView()
        while let c = peek, isBare(c) { s.append(c); i += 1 }
        guard !s.isEmpty else { throw fail("expected a key") }
        return String(s)
    }

    mutating func value() throws(ParseError) -> TOMLSubset.Value {
        guard let c = peek else { throw fail("missing value after `=`") }
        switch c {
        case "\"":
            if chars.count >= i + 3, chars[i + 1] == "\"", chars[i + 2] == "\"" {
                throw fail("multi-line strings are not supported")
            }
            return .string(try basicString())
        case "'":
            if chars.count >= i + 3, chars[i + 1] == "'", chars[i + 2] == "'" {
                throw fail("multi-line strings are not supported")
            }
            return .string(try literalString())
        case "[": return .strings(try stringArray())
        case "{": throw fail("inline tables are not supported")
        default: break
        }
        var word = String.UnicodeScalarView()
        while let c = peek, c != " ", c != "\t", c != "#" { word.append(c); i += 1 }
        let text = String(word)
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let number = TOMLNumber.parse(text) { return .number(number) }
        if let unsupported = TOMLNumber.unsupportedKind(text) { throw fail("\(unsupported) are not supported") }
        throw fail("`\(TextSanitizer.excerpt(text, limit: 40))` is not a string, true/false or a number (strings need quotes)")
    }

    /// `["a", 'b',]` on one line; any other element, or an array that goes
    /// on past the line, is "not supported".
    mutating func stringArray() throws(ParseError) -> [String] {
        i += 1
        var items: [String] = []
        while true {
            skipSpaces()
            guard let c = peek, c != "#" else { throw fail("arrays over several lines are not supported; keep it on one line") }
            if c == "]" { i += 1; return items }
            if c == "\"" || c == "'" {
                if chars.count >= i + 3, chars[i + 1] == c, chars[i + 2] == c { throw fail("multi-line strings are not supported") }
                items.append(c == "\"" ? try basicString() : try literalString())
            } else {
                throw fail("arrays of anything but quoted strings are not supported")
            }
            skipSpaces()
            if peek == "," { i += 1; continue }
            if peek == "]" { i += 1; return items }
            if peek == nil || peek == "#" { throw fail("arrays over several lines are not supported; keep it on one line") }
            throw fail("expected `,` or `]` in the array")
        }
    }

    mutating func basicString() throws(ParseError) -> String { try quoted(by: "\"", escapes: true) }

    mutating func literalString() throws(ParseError) -> String { try quoted(by: "'", escapes: false) }

    /// A one-line string from its opening quote to `quote`: `\` escapes in a
    /// basic string, none in a literal one, and no control character in either.
    private mutating func quoted(by quote: Unicode.Scalar, escapes: Bool) throws(ParseError) -> String {
        i += 1
        var s = String.UnicodeScalarView()
        while let c = peek {
            i += 1
            if c == quote { return String(s) }
            if escapes, c == "\\" { s.append(try escape()); continue }
            if c.value < 0x20 && c != "\t" || c.value == 0x7F { throw fail("control character in a string") }
            s.append(c)
        }
        throw fail("unterminated string (missing closing `\(quote)`)")
    }

    mutating func escape() throws(ParseError) -> Unicode.Scalar {
        guard let c = peek else { throw fail("unterminated escape") }
        i += 1
        switch c {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "u", "U":
            let n = c == "u" ? 4 : 8
            guard i + n <= chars.count else { throw fail("short \\\(c) escape") }
            let hex = String(String.UnicodeScalarView(chars[i..<(i + n)]))
            i += n
            guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                throw fail("bad \\\(c) escape `\(hex)`")
            }
            return scalar
        default:
            throw fail("unknown escape `\\\(c)`")
        }
    }

    private func isBare(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }
}
