import ClusterGrid
import ClusterModel

/// Why the config's keys cannot be used: one line with the config line it is about.
package struct KeyMapError: Error, Sendable, Equatable {
    package var line: Int
    package var message: String
}

extension KeyMap {
    /// Keys that act before any key map is read: Ctrl-C quits, Ctrl-L
    /// repaints, Ctrl-Z suspends, on every screen. No action or custom action may take them.
    package static let reserved: [Key: KeyAction] = [.ctrl("c"): .quit, .ctrl("l"): .repaint, .ctrl("z"): .suspend]

    /// This map with the config's `[keys]` lines and custom actions' keys
    /// applied (issue 24): each `[keys]` line replaces its action's keys
    /// (an empty list unbinds it); a custom action's `key` adds one. An
    /// unknown action name, an unreadable key, or a key that would then do
    /// two things is refused, naming the line.
    package func rebound(_ overrides: [KeyOverride], actions: [CustomAction] = []) throws(KeyMapError) -> KeyMap {
        var bindings = self.bindings
        var changed: [KeyAction: Int] = [:]
        for override in overrides {
            guard let action = KeyAction.named(override.action) else {
                throw KeyMapError(line: override.line, message: "unknown action \"\(TextSanitizer.excerpt(override.action, limit: 40))\" in [keys] (the names are README's key table's second column, e.g. rebind, refresh, copy-id)")
            }
            let keys = try override.keys.map { name throws(KeyMapError) -> Key in try Self.key(name, line: override.line) }
            guard let index = bindings.firstIndex(where: { $0.action == action }) else { continue }
            bindings[index].keys = keys
            changed[action] = override.line
        }
        // Defaults first, then the changed ones in file order: a clash names the later line.
        var owner: [Key: (String, Int?)] = [:]
        let ordered = bindings.filter { $0.action.map { changed[$0] == nil } ?? false }
            + bindings.filter { $0.action.map { changed[$0] != nil } ?? false }.sorted { changed[$0.action!]! < changed[$1.action!]! }
        for binding in ordered {
            guard let action = binding.action else { continue }
            for key in binding.keys {
                try Self.claim(key, for: action.name, line: changed[action], in: &owner)
            }
        }
        var custom: [Key: String] = [:]
        for action in actions {
            if KeyAction.named(action.name) != nil {
                throw KeyMapError(line: action.line, message: "[actions.\(action.name)]: \(action.name) is a built-in action's name; call it something else")
            }
            guard let name = action.key else { continue }
            let key = try Self.key(name, line: action.line)
            try Self.claim(key, for: action.name, line: action.line, in: &owner)
            custom[key] = action.name
        }
        return KeyMap(bindings: bindings, customKeys: custom)
    }

    private static func key(_ name: String, line: Int) throws(KeyMapError) -> Key {
        guard let key = Key(name: name) else {
            throw KeyMapError(line: line, message: "\"\(TextSanitizer.excerpt(name, limit: 20))\" is not a key (write \"R\", \":\", \"ctrl-r\", \"f5\", \"enter\", \"tab\", \"space\", \"pgdn\" …)")
        }
        return key
    }

    /// Gives `key` to `name`, or says which action has it already.
    private static func claim(_ key: Key, for name: String, line: Int?, in owner: inout [Key: (String, Int?)]) throws(KeyMapError) {
        if let reserved = reserved[key], reserved.name != name {
            throw KeyMapError(line: line ?? 0, message: "\(key.label) is reserved for \(reserved.name) (on every screen); \(name) cannot have it")
        }
        if let (other, otherLine) = owner[key], other != name {
            let whose = otherLine.map { "line \($0)" } ?? "its default"
            let fix = otherLine == nil ? "; give \(other) another key in [keys] to free it" : ""
            throw KeyMapError(line: line ?? otherLine ?? 0, message: "\(key.label) for \(name) is already bound to \(other) (\(whose))\(fix)")
        }
        owner[key] = (name, line)
    }
}
