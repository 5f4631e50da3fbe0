import Foundation

/// Finds one cookie's value in `Set-Cookie` header lines
/// (`token=abc; Path=/; HttpOnly`). Attributes are ignored; a quoted value
/// is unquoted; an empty value (the server clearing it) counts as absent.
enum SetCookie {
    static func value(named name: String, in headerLines: [String]) -> String? {
        for line in headerLines {
            guard let pair = line.split(separator: ";", maxSplits: 1).first,
                  let eq = pair.firstIndex(of: "=")
            else { continue }
            let key = pair[..<eq].trimmingCharacters(in: .whitespaces)
            guard key == name else { continue }
            var value = pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            if !value.isEmpty { return value }
        }
        return nil
    }
}
