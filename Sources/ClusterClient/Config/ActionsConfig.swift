import ClusterModel
import Foundation

/// The `[keys]` and `[actions.NAME]` tables of the config file (issue 24).
///
/// ```toml
/// [keys]
/// rebind = "R"                # an action's name = a key, or a list of keys
/// refresh = ["r", "f5"]
///
/// [actions.ssh]
/// key = "S"
/// scope = "node"              # node, instance or marked
/// argv = ["ssh", "--", "{hostname}"]
/// mode = "foreground"         # or "background" (output captured)
/// confirm = false
/// read-only-safe = true
/// description = "ssh to the node"
/// ```
///
/// Names and types are checked here; which action names exist and which
/// keys clash is the key map's to say (`KeyMap.rebound`), with these lines.
extension ClusterConfig {
    static let actionKeys = ["key", "scope", "argv", "mode", "confirm", "read-only-safe", "description"]

    /// `[keys]`: each entry an action's name and a key or list of keys.
    static func keyOverrides(_ entries: [String: TOMLSubset.Entry], fail: (Int, String) -> ClusterError) throws -> [KeyOverride] {
        try entries.sorted(by: { $0.value.line < $1.value.line }).map { name, entry in
            switch entry.value {
            case .string(let key): return KeyOverride(action: name, keys: [key], line: entry.line)
            case .strings(let keys): return KeyOverride(action: name, keys: keys, line: entry.line)
            default: throw fail(entry.line, "\"\(TextSanitizer.excerpt(name, limit: 40))\" in [keys] must be a key (\"R\", \"ctrl-r\", \"f5\") or a list of keys")
            }
        }
    }

    /// `[actions.NAME]`: one custom action, every key checked.
    static func customAction(
        _ name: String, _ table: TOMLSubset.Table, fail: (Int, String) -> ClusterError
    ) throws -> CustomAction {
        let shownName = TextSanitizer.excerpt(name, limit: 40)
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw fail(table.line, "action name \"\(shownName)\": use letters, digits, - and _")
        }
        var action = CustomAction(name: name, scope: .node, argv: [], line: table.line)
        var scopeSet = false
        for (key, e) in table.entries.sorted(by: { $0.value.line < $1.value.line }) {
            switch key {
            case "key": action.key = try string(e, key: key, fail: fail)
            case "description": action.summary = try string(e, key: key, fail: fail)
            case "scope":
                guard case .string(let s) = e.value, let scope = CustomAction.Scope(rawValue: s) else {
                    throw fail(e.line, "\"scope\" must be \"node\", \"instance\" or \"marked\"")
                }
                action.scope = scope; scopeSet = true
            case "mode":
                guard case .string(let s) = e.value, let mode = CustomAction.Mode(rawValue: s) else {
                    throw fail(e.line, "\"mode\" must be \"foreground\" or \"background\"")
                }
                action.mode = mode
            case "argv":
                guard case .strings(let argv) = e.value, let program = argv.first, !program.isEmpty else {
                    throw fail(e.line, "\"argv\" must be a list [\"PROGRAM\", \"ARG\", …] with the program first (no shell)")
                }
                action.argv = argv
            case "confirm", "read-only-safe":
                guard case .bool(let b) = e.value else { throw fail(e.line, "\"\(key)\" must be true or false") }
                if key == "confirm" { action.confirm = b } else { action.readOnlySafe = b }
            default:
                throw fail(e.line, "unknown key \"\(TextSanitizer.excerpt(key, limit: 40))\" in [actions.\(shownName)] (known: \(actionKeys.joined(separator: ", ")))")
            }
        }
        guard scopeSet else { throw fail(table.line, "[actions.\(shownName)] needs scope = \"node\", \"instance\" or \"marked\"") }
        guard !action.argv.isEmpty else { throw fail(table.line, "[actions.\(shownName)] needs argv = [\"PROGRAM\", …]") }
        if ActionField.placeholder(action.argv[0]) != nil {
            throw fail(table.entries["argv"]?.line ?? table.line, "the program (argv's first item) cannot be a placeholder")
        }
        for item in action.argv {
            if let problem = ActionField.problem(in: item, scope: action.scope) {
                throw fail(table.entries["argv"]?.line ?? table.line, "[actions.\(shownName)] argv: \(problem)")
            }
        }
        return action
    }
}
