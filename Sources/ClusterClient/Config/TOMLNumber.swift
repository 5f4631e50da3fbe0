/// TOML's decimal numbers, exactly as TOML 1.0 spells them (issue 19: the
/// config reader accepted `1__0`, `007` and `.5`, which TOML rejects):
/// an optional sign, an integer part without leading zeros, an optional
/// fraction and exponent, each digit run with single `_` between digits.
/// Hexadecimal, octal, binary, `inf` and `nan` are valid TOML outside the
/// config file's subset: refused by name.
enum TOMLNumber {
    /// The value, or `nil` when `text` is not a decimal TOML number.
    static func parse(_ text: String) -> Double? {
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        guard let integer = digitRun(&chars), integer.count == 1 || integer.first != "0" else { return nil }
        if chars.first == "." {
            chars = chars.dropFirst()
            guard digitRun(&chars) != nil else { return nil }
        }
        if chars.first == "e" || chars.first == "E" {
            chars = chars.dropFirst()
            if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
            guard digitRun(&chars) != nil else { return nil }
        }
        guard chars.isEmpty else { return nil }
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "_" }))
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// Digits with single underscores between them; the digits without underscores.
    private static func digitRun(_ chars: inout ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
        var digits: [Unicode.Scalar] = []
        while let c = chars.first {
            if ("0"..."9").contains(c) {
                digits.append(c)
                chars = chars.dropFirst()
            } else if c == "_", !digits.isEmpty, let next = chars.dropFirst().first, ("0"..."9").contains(next) {
                chars = chars.dropFirst()
            } else {
                break
            }
        }
        return digits.isEmpty ? nil : digits
    }

    /// What valid TOML outside the subset `text` is, for the error line.
    static func unsupportedKind(_ text: String) -> String? {
        let unsigned = text.hasPrefix("+") || text.hasPrefix("-") ? String(text.dropFirst()) : text
        if unsigned == "inf" || unsigned == "nan" { return "inf and nan" }
        if ["0x", "0o", "0b"].contains(where: { text.hasPrefix($0) }) { return "hexadecimal, octal and binary numbers" }
        let scalars = Array(text.unicodeScalars)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= scalars.count && scalars[range].allSatisfy { ("0"..."9").contains($0) } }
        // 1979-05-27… or 07:32:00…
        if digits(0..<4), scalars.count > 4, scalars[4] == "-" { return "dates and times" }
        if digits(0..<2), scalars.count > 2, scalars[2] == ":" { return "dates and times" }
        return nil
    }
}
