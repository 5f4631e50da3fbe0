import Foundation

/// Turns filter text into a `FilterQuery`. Never throws or traps: every
/// problem is a `FilterParseError` with a message and a character offset.
enum FilterParser {
    static let fieldHint = "(try type: node: tenant: mode: status: role: is: ctx:)"
    static let flagHint = "(try is:explicit is:default is:risk is:this is:flapping)"

    static func parse(_ text: String) -> Result<FilterQuery, FilterParseError> {
        let c = Array(text)
        var i = 0
        var terms: [FilterTerm] = []
        while true {
            while i < c.count, c[i].isWhitespace { i += 1 }
            guard i < c.count else { break }
            let start = i
            var negated = false
            if c[i] == "-" {
                negated = true
                i += 1
                guard i < c.count, !c[i].isWhitespace else {
                    return .failure(.init(message: "nothing after - (write -term to exclude matches)", position: start))
                }
            }
            switch readTerm(c, &i, negated: negated) {
            case .failure(let e): return .failure(e)
            case .success(let term?): terms.append(term)
            case .success(nil): break
            }
        }
        return .success(FilterQuery(terms: terms))
    }

    /// Reads one term starting at `i` (after any `-`); `nil` for an empty phrase `""`.
    static func readTerm(_ c: [Character], _ i: inout Int, negated: Bool) -> Result<FilterTerm?, FilterParseError> {
        let start = i
        if c[i] == "\"" {
            guard let phrase = readQuoted(c, &i) else { return .failure(.init(message: "unclosed quote", position: start)) }
            return .success(phrase.isEmpty ? nil : FilterTerm(field: nil, value: phrase, negated: negated))
        }
        var j = i
        while j < c.count, !c[j].isWhitespace, c[j] != ":" { j += 1 }
        if j < c.count, c[j] == ":" {
            let prefix = String(c[i..<j])
            if let field = FilterField(rawValue: prefix.lowercased()) {
                i = j + 1
                return readValue(c, &i, field: field, termStart: start, negated: negated)
            }
            let isURL = j + 2 < c.count && c[j + 1] == "/" && c[j + 2] == "/"
            if !prefix.isEmpty, !isURL, prefix.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) {
                return .failure(.init(message: "unknown field \(prefix): \(fieldHint)", position: start))
            }
        }
        while i < c.count, !c[i].isWhitespace { i += 1 }
        return .success(FilterTerm(field: nil, value: String(c[start..<i]), negated: negated))
    }

    static func readValue(
        _ c: [Character], _ i: inout Int, field: FilterField, termStart: Int, negated: Bool
    ) -> Result<FilterTerm?, FilterParseError> {
        let valueStart = i
        let value: String
        if i < c.count, c[i] == "\"" {
            guard let v = readQuoted(c, &i) else { return .failure(.init(message: "unclosed quote", position: valueStart)) }
            value = v
        } else {
            while i < c.count, !c[i].isWhitespace { i += 1 }
            value = String(c[valueStart..<i])
        }
        guard !value.isEmpty else {
            return .failure(.init(message: "empty value after \(field.rawValue):", position: termStart))
        }
        if field == .is, FilterFlag(rawValue: value.lowercased()) == nil {
            return .failure(.init(message: "unknown is:\(value) \(flagHint)", position: termStart))
        }
        return .success(FilterTerm(field: field, value: value, negated: negated))
    }

    /// Reads `"…"` at `i`; `nil` when the closing quote is missing.
    static func readQuoted(_ c: [Character], _ i: inout Int) -> String? {
        var j = i + 1
        while j < c.count, c[j] != "\"" { j += 1 }
        guard j < c.count else { return nil }
        let s = String(c[(i + 1)..<j])
        i = j + 1
        return s
    }
}
