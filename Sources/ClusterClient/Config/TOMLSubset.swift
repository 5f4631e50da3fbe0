/// A small, strict parser for the subset of TOML the config file uses.
///
/// Supported: `# comments`; table headers made of dotted bare or quoted keys
/// (`[contexts.prod]`, `[contexts."eu west"]`); `key = value` lines where the
/// key is bare (`A-Z a-z 0-9 _ -`) or quoted and the value is a basic string
/// (`"…"` with `\" \\ \n \t \r \uXXXX` escapes), a literal string (`'…'`),
/// `true` / `false`, or a number (integer or decimal, optional sign, `_`
/// separators), or a one-line array of strings (`["prog", 'arg']`, for a
/// hook's argv). Everything else (other arrays, inline tables, multi-line
/// strings, dates, dotted keys on the left) is rejected with the line
/// number, so a typo never silently changes meaning. Duplicate keys and
/// tables are errors.
public enum TOMLSubset {
    /// One value of the subset.
    public enum Value: Equatable, Sendable {
        case string(String)
        case bool(Bool)
        case number(Double)
        /// A one-line array of strings (issue 21: `on-alert = ["page", "--team", "ops"]`).
        case strings([String])
    }

    /// One `key = value`, remembering its line for later type errors.
    public struct Entry: Equatable, Sendable {
        public var value: Value
        public var line: Int
    }

    /// A table: its dotted path (empty for the top level), the line of its header, its entries.
    public struct Table: Equatable, Sendable {
        public var path: [String]
        public var line: Int
        public var entries: [String: Entry]
    }

    /// A parse failure at a 1-based line.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses `text` into tables in file order; the first is always the top level.
    public static func parse(_ text: String) throws(ParseError) -> [Table] {
        var tables = [Table(path: [], line: 0, entries: [:])]
        var index: [[String]: Int] = [[]: 0]
        var lineNumber = 0
        // Split on Characters that are newlines: "\r\n" is one Character in
        // Swift, so splitting on "\n" alone would miss CRLF files.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var scanner = TOMLLineScanner(Array(rawLine.unicodeScalars), line: lineNumber)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                let path = try scanner.tableHeader()
                let name = path.joined(separator: ".")
                guard index[path] == nil else { throw ParseError(line: lineNumber, message: "table [\(name)] is defined twice") }
                // `a = 1` then `[a]`, or `[t]` `b = 1` then `[t.b]`: TOML rejects a table over a value.
                for cut in 0..<path.count {
                    if let parent = index[Array(path[..<cut])], tables[parent].entries[path[cut]] != nil {
                        throw ParseError(line: lineNumber, message: "[\(name)]: \"\(path[cut])\" is already a value")
                    }
                }
                index[path] = tables.count
                tables.append(Table(path: path, line: lineNumber, entries: [:]))
                continue
            }
            let (key, value) = try scanner.keyValue()
            let last = tables.count - 1
            guard tables[last].entries[key] == nil else {
                throw ParseError(line: lineNumber, message: "key \"\(key)\" is set twice in the same table")
            }
            let below = tables[last].path + [key]
            guard !index.keys.contains(where: { $0.starts(with: below) }) else {
                throw ParseError(line: lineNumber, message: "key \"\(key)\" is already a table")
            }
            tables[last].entries[key] = Entry(value: value, line: lineNumber)
        }
        return tables
    }
}
