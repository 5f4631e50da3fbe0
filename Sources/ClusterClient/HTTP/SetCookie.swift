import Foundation

/// Finds one cookie's value in `Set-Cookie` header lines
/// (`token=abc; Path=/; HttpOnly`) as RFC 6265 §5.2 says a user agent
/// reads them: the name-value pair is everything before the first `;`,
/// split at its first `=`, with spaces and tabs trimmed from both; the
/// value is kept as sent, double quotes and `=` included (issue 20: a
/// quoted value was saved cut). Attributes are ignored here. An empty
/// value (the server clearing it) counts as absent.
enum SetCookie {
    static func value(named name: String, in headerLines: [String]) -> String? {
        for line in headerLines {
            guard let (cookieName, value) = pair(line), cookieName == name, !value.isEmpty else { continue }
            return value
        }
        return nil
    }

    /// The line's name and value, or `nil` when it has no `=` or no name (§5.2 steps 2–5).
    static func pair(_ line: String) -> (name: String, value: String)? {
        let nameValue = line.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard let equals = nameValue.firstIndex(of: "=") else { return nil }
        let name = trim(nameValue[..<equals])
        guard !name.isEmpty else { return nil }
        return (name, trim(nameValue[nameValue.index(after: equals)...]))
    }

    private static func trim(_ s: Substring) -> String {
        String(s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
