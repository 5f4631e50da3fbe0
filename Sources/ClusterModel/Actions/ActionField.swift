import Foundation

/// A field a custom action's argument may be filled from (issue 24): the
/// allow-list. Each is written `{name}` and fills a whole argument; each
/// scope offers its own, and every value is checked for its field before
/// anything runs.
public enum ActionField: String, Sendable, CaseIterable {
    // The selected node.
    case name, hostname, url, version, status, role
    // The selected instance.
    case type, entityId, id, instanceName, node, mode, tenantId, projectId
    // Every scope.
    case context, cluster

    /// The fields a scope offers.
    public static func offered(by scope: CustomAction.Scope) -> [ActionField] {
        switch scope {
        case .node: [.name, .hostname, .url, .version, .status, .role, .context, .cluster]
        case .instance: [.type, .entityId, .id, .instanceName, .node, .mode, .tenantId, .projectId, .context, .cluster]
        case .marked: [.context, .cluster]
        }
    }

    /// The field an argument is exactly a placeholder of (`"{hostname}"`), if any.
    public static func placeholder(_ argument: String) -> ActionField? {
        guard argument.hasPrefix("{"), argument.hasSuffix("}"), argument.count > 2 else { return nil }
        return ActionField(rawValue: String(argument.dropFirst().dropLast()))
    }

    /// Why `argument` is not acceptable in an argv for `scope`, or nil:
    /// an unknown `{word}` alone, a field the scope does not offer, or a
    /// known placeholder inside a longer item (placeholders fill whole arguments).
    public static func problem(in argument: String, scope: CustomAction.Scope) -> String? {
        if let field = placeholder(argument) {
            if offered(by: scope).contains(field) { return nil }
            return "{\(field.rawValue)} is not offered for scope \"\(scope.rawValue)\" (offered: \(offered(by: scope).map { "{\($0.rawValue)}" }.joined(separator: " ")))"
        }
        if argument.hasPrefix("{"), argument.hasSuffix("}"), argument.count > 2,
           argument.dropFirst().dropLast().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " }) {
            return "unknown placeholder \(TextSanitizer.excerpt(argument, limit: 40)) (known: \(allCases.map { "{\($0.rawValue)}" }.joined(separator: " ")))"
        }
        if let embedded = allCases.first(where: { argument.contains("{\($0.rawValue)}") }) {
            return "{\(embedded.rawValue)} must be a whole argument, not part of \(TextSanitizer.excerpt(argument, limit: 40)): give it its own item"
        }
        return nil
    }

    /// Why `value` cannot fill this field, or nil. Every field refuses an
    /// empty value and one starting with `-` (a program would read it as an
    /// option); a hostname must look like one, a URL must be http(s) with
    /// nothing invisible in it. Names may hold anything else, quotes,
    /// `$(…)` and escapes included: they go as one argument, never through a shell.
    public func problem(with value: String) -> String? {
        if value.isEmpty { return "it is empty" }
        // By bytes, not characters: "-\u{301}o…" is one Character but reaches the program as "-" first.
        if let first = value.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            return "it starts with \"\(Character(Unicode.Scalar(first)))\" and would be read as an option"
        }
        if value.unicodeScalars.contains(where: { $0.value == 0 }) { return "it holds a NUL byte" }
        switch self {
        case .hostname:
            let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:[]%")
            guard value.utf8.count <= 253, value.unicodeScalars.allSatisfy(allowed.contains) else {
                return "it does not look like a host name"
            }
        case .url:
            guard value.utf8.count <= 2048, value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }),
                  let url = URL(string: value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                return "it is not an http(s) URL"
            }
        default:
            break
        }
        return nil
    }
}
