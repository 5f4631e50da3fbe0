import ClusterClient
import ClusterModel
import Foundation

/// The config checks of `clustertui doctor`: the config file (found,
/// parses, its current-context) and which cluster the flags and the file
/// point at, by the same rules as every other command
/// (`ConnectionOptions.resolve`).
enum ConfigChecks {
    /// The config file line.
    static func file(path: String) -> DoctorLine {
        let expanded = TokenStore.expandTilde(path)
        guard FileManager.default.fileExists(atPath: expanded) else {
            return .ok("config", "no config file at \(path) (optional: contexts for several clusters go there)")
        }
        let config: ClusterConfig
        do {
            config = try ClusterConfig.load(path: path)
        } catch {
            return .fail("config", "\(describe(error)); fix it (every command refuses the whole file until then)")
        }
        let names = config.contexts.keys.sorted()
        let listed = names.isEmpty ? "no contexts" : "\(names.count) context\(names.count == 1 ? "" : "s") (\(names.joined(separator: ", ")))"
        // A current-context without its table is a parse error (fail, above).
        guard let current = config.currentContext else {
            return .ok("config", "\(path): \(listed), no current-context")
        }
        return .ok("config", "\(path): \(listed), current-context \(current)")
    }

    /// The context line, and the target it resolved to (nil: nothing to check).
    static func context(_ options: ConnectionOptions, configPath: String) -> (DoctorLine, ResolvedTarget?) {
        let target: ResolvedTarget?
        do {
            target = try options.resolve(configPath: configPath)
        } catch {
            let text = describe(error)
            // The config file's own failure, already reported on its line.
            if file(path: configPath).text.hasPrefix(text) {
                return (.fail("context", "none: the config file does not parse (see config above)"), nil)
            }
            return (.fail("context", text), nil)
        }
        guard let target else {
            return (.warn("context", "no --url, --context or current-context: `clustertui` runs the embedded demo "
                + "core and there is no server to check; pass --url URL or --context NAME"), nil)
        }
        let url = target.url.absoluteString
        let line: DoctorLine
        if let name = target.contextName {
            let how = options.context != nil ? "--context" : "current-context in \(configPath)"
            line = .ok("context", "\(name) (\(how)): \(url)" + (options.url != nil ? " (--url overrides its url)" : ""))
        } else {
            line = .ok("context", "--url \(url) (the config's current-context does not apply)")
        }
        return (line, target)
    }

    /// The command that logs in to `target` again.
    static func loginCommand(_ target: ResolvedTarget) -> String {
        target.contextName.map { "clustertui login --context \($0)" } ?? "clustertui login --url \(target.url.absoluteString)"
    }

    /// An error's one line, controls made visible.
    static func describe(_ error: Error) -> String {
        if let error = error as? ClusterError { return error.description }
        return ReplyText.oneLine(String(describing: error))
    }
}
