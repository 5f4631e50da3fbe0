import ClusterClient
import ClusterGrid
import ClusterModel
import ClusterState
import ClusterSupport
import Foundation

/// Doctor's keys and custom actions lines (issue 24): the `[keys]` table
/// and the actions' keys resolve without a clash (as the dashboard checks
/// at start), and each action's program is found and executable. Its
/// placeholders were checked when the file was parsed (a config failure).
enum ActionsCheck {
    static func lines(configPath: String, environment: [String: String]) -> [DoctorLine] {
        guard let config = try? ClusterConfig.load(path: configPath) else { return [] }  // the config line says why
        var lines: [DoctorLine] = []
        do {
            let (keys, _) = try KeyConfiguration.resolve(config, source: configPath)
            let rebound = config.keyOverrides.map { override in
                "\(override.action) → \(keys.binding(KeyAction.named(override.action)!)?.label ?? "-")"
            }
            lines.append(.ok("keys", rebound.isEmpty ? "the defaults (a [keys] table in the config file rebinds them)"
                                                      : "rebound: \(rebound.joined(separator: ", "))"))
        } catch {
            lines.append(.fail("keys", "\(ConfigChecks.describe(error)); the dashboard refuses to start until it is fixed"))
        }
        for action in config.actions {
            lines.append(line(action, path: environment["PATH"]))
        }
        return lines
    }

    /// One action: its program found and executable, and what it runs on.
    static func line(_ action: CustomAction, path: String?) -> DoctorLine {
        let label = "action"
        let program = TextSanitizer.excerpt(action.argv[0], limit: 60)
        guard let resolved = ChildSpawn.resolve(action.argv[0], path: path) else {
            let why = action.argv[0].contains("/") ? "is not an executable file" : "is not on PATH"
            return .fail(label, "\(action.name): \(program) \(why): the action cannot run (\(action.key.map { "key \($0)" } ?? "palette only"))")
        }
        let fields = action.placeholders.map { "{\($0.rawValue)}" }
        let key = action.key.flatMap(Key.init(name:))?.label ?? "no key (palette: \(action.name))"
        return .ok(label, "\(action.name): \(resolved) on the \(action.scope.rawValue)\(action.scope == .marked ? " rows (JSON on stdin)" : ""), "
            + "\(action.mode.rawValue), \(key)" + (fields.isEmpty ? "" : ", fills \(fields.joined(separator: " "))")
            + (action.readOnlySafe ? ", read-only-safe" : ""))
    }
}
