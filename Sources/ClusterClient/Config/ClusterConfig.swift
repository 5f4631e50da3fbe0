import ClusterModel
import Foundation

/// One named context of the config file: where a core is and how to talk to it.
public struct ContextConfig: Sendable, Equatable {
    public var name: String
    public var url: String?
    public var tokenFile: String?
    public var caFile: String?
    public var insecure: Bool
    /// Seconds between overview polls (`poll-interval`).
    public var pollInterval: Double?
    /// Seconds between instance-list polls (`instances-interval`).
    public var instancesInterval: Double?
    /// The entries of `[contexts.NAME.alerts]`, over the global `[alerts]` (issue 21).
    public var alertEntries: [String: TOMLSubset.Entry] = [:]
    /// `protected = true` (issue 23): a badge on every screen of this
    /// cluster, and every write waits until the context's name is typed.
    public var isProtected = false
    /// `color = "red"` (issue 23): the context's name as a badge of that colour on every screen.
    public var color: String?

    public init(
        name: String, url: String? = nil, tokenFile: String? = nil, caFile: String? = nil, insecure: Bool = false,
        pollInterval: Double? = nil, instancesInterval: Double? = nil
    ) {
        self.name = name; self.url = url; self.tokenFile = tokenFile; self.caFile = caFile
        self.insecure = insecure; self.pollInterval = pollInterval; self.instancesInterval = instancesInterval
    }
}

/// The `clustertui` config file, `$XDG_CONFIG_HOME/clustertui/config.toml`
/// (default `~/.config/clustertui/config.toml`):
///
/// ```toml
/// current-context = "prod"
///
/// [contexts.prod]
/// url = "https://core.example:3000"
/// token-file = "~/.config/clustertui/prod.token"
/// ca-file = "/etc/ssl/corp-ca.pem"
/// insecure = false
/// poll-interval = 10          # seconds, overview
/// instances-interval = 60     # seconds, instance list
///
/// [alerts]                    # see AlertSettings; also [contexts.prod.alerts]
/// notify = "osc9"
/// ```
///
/// Tables are `[contexts.NAME]` (plural, like kubectl's `contexts`). Parsing
/// is strict: unknown keys or tables, wrong types and bad intervals are
/// errors naming the file and line, since a silently ignored typo in
/// `insecure` or `url` would point the tool somewhere unexpected.
public struct ClusterConfig: Sendable, Equatable {
    public var contexts: [String: ContextConfig]
    public var currentContext: String?
    /// `fleet = true`: the dashboard starts on the fleet screen, as with `--fleet` (issue 23).
    public var startOnFleet = false
    /// `clipboard = "osc52"`: `y`/`Y` copy through the terminal (issue 24); off by default.
    public var clipboard = false
    /// The entries of the global `[alerts]` table (issue 21; see `AlertSettings`).
    public var alertEntries: [String: TOMLSubset.Entry] = [:]
    /// `[keys]`: actions given other keys (issue 24), checked by the key map.
    public var keyOverrides: [KeyOverride] = []
    /// `[actions.NAME]`: custom actions (issue 24), in file order.
    public var actions: [CustomAction] = []

    public init(contexts: [String: ContextConfig] = [:], currentContext: String? = nil) {
        self.contexts = contexts; self.currentContext = currentContext
    }

    /// The default location, honouring `XDG_CONFIG_HOME`.
    public static var defaultPath: String { configDirectory + "/config.toml" }

    /// `$XDG_CONFIG_HOME/clustertui` or `~/.config/clustertui`.
    public static var configDirectory: String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/clustertui" }
        let home = env["HOME"] ?? NSHomeDirectory()
        return home + "/.config/clustertui"
    }

    /// Loads the file; a missing file is an empty config, anything unreadable
    /// or invalid is `ClusterError.usage` with the file and line.
    /// The largest config file read.
    public static let maxFileSize = 1 << 20

    public static func load(path: String) throws -> ClusterConfig {
        let expanded = TokenStore.expandTilde(path)
        guard FileManager.default.fileExists(atPath: expanded) else { return ClusterConfig() }
        // A config file is a few hundred bytes; a huge one is a mistake, not a config.
        let size = (try? FileManager.default.attributesOfItem(atPath: expanded)[.size] as? Int) ?? 0
        if size > maxFileSize {
            throw ClusterError.usage("config file \(TextSanitizer.excerpt(path)) is \(size) bytes; the limit is \(maxFileSize) (1 MB)")
        }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw ClusterError.usage("cannot read config file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ClusterError.usage("config file \(path) is not UTF-8 text")
        }
        return try parse(text, source: path)
    }

    /// Parses config text; `source` names the file in error messages.
    public static func parse(_ text: String, source: String = "config.toml") throws -> ClusterConfig {
        let tables: [TOMLSubset.Table]
        do { tables = try TOMLSubset.parse(text) } catch {
            // `file:LINE: message`, as every other config error says it (it said `file: line LINE: …`).
            throw ClusterError.usage("\(source):\(error.line): \(error.message)")
        }
        var config = ClusterConfig()
        for table in tables {
            try config.apply(table, source: source)
        }
        // `[contexts.prdo.alerts]` with no `[contexts.prdo]`: a typo, not a new context.
        let defined = Set(tables.filter { $0.path.count == 2 && $0.path[0] == "contexts" }.map { $0.path[1] })
        if let orphan = tables.first(where: { $0.path.count == 3 && $0.path[0] == "contexts" && !defined.contains($0.path[1]) }) {
            let name = TextSanitizer.excerpt(orphan.path[1])
            throw ClusterError.usage("\(source):\(orphan.line): [contexts.\(name).alerts] has no [contexts.\(name)] table")
        }
        if let current = config.currentContext, config.contexts[current] == nil {
            throw ClusterError.usage("\(source): current-context \"\(TextSanitizer.excerpt(current))\" has no [contexts.\(TextSanitizer.excerpt(current))] table")
        }
        return config
    }

    private mutating func apply(_ table: TOMLSubset.Table, source: String) throws {
        func fail(_ line: Int, _ message: String) -> ClusterError { .usage("\(source):\(line): \(message)") }
        switch table.path.count {
        case 0:
            for (key, entry) in table.entries {
                switch key {
                case "current-context": currentContext = try Self.string(entry, key: key, fail: fail)
                case "fleet":
                    guard case .bool(let b) = entry.value else { throw fail(entry.line, "\"fleet\" must be true or false") }
                    startOnFleet = b
                case "clipboard":
                    guard case .string(let s) = entry.value, s == "osc52" || s == "off" else {
                        throw fail(entry.line, "\"clipboard\" must be \"osc52\" or \"off\"")
                    }
                    clipboard = s == "osc52"
                default: throw fail(entry.line, "unknown top-level key \"\(TextSanitizer.excerpt(key))\"")
                }
            }
        case 2 where table.path[0] == "contexts":
            let name = table.path[1]
            var ctx = contexts[name] ?? ContextConfig(name: name)
            for (key, entry) in table.entries.sorted(by: { $0.value.line < $1.value.line }) {
                try ctx.set(key, entry, fail: fail)
            }
            contexts[name] = ctx
        case 1 where table.path[0] == "alerts":
            _ = try AlertSettings().applying(table.entries, fail: fail)
            alertEntries = table.entries
        case 3 where table.path[0] == "contexts" && table.path[2] == "alerts":
            // `[contexts.NAME.alerts]` may come before or after `[contexts.NAME]`.
            _ = try AlertSettings().applying(table.entries, fail: fail)
            contexts[table.path[1], default: ContextConfig(name: table.path[1])].alertEntries = table.entries
        case 1 where table.path[0] == "keys":
            keyOverrides = try Self.keyOverrides(table.entries, fail: fail)
        case 2 where table.path[0] == "actions":
            actions.append(try Self.customAction(table.path[1], table, fail: fail))
        case 1 where table.path[0] == "actions":
            if let entry = table.entries.values.min(by: { $0.line < $1.line }) {
                throw fail(entry.line, "put each action under [actions.NAME], not [actions]")
            }
        case 1 where table.path[0] == "contexts":
            if let entry = table.entries.values.min(by: { $0.line < $1.line }) {
                throw fail(entry.line, "put settings under [contexts.NAME], not [contexts]")
            }
        default:
            throw fail(table.line, "unknown table [\(TextSanitizer.excerpt(table.path.joined(separator: ".")))]; expected [contexts.NAME], [alerts], [contexts.NAME.alerts], [keys] or [actions.NAME]")
        }
    }

    static func string(_ e: TOMLSubset.Entry, key: String, fail: (Int, String) -> ClusterError) throws -> String {
        guard case .string(let s) = e.value else { throw fail(e.line, "\"\(key)\" must be a quoted string") }
        return s
    }
}

extension ContextConfig {
    fileprivate mutating func set(_ key: String, _ e: TOMLSubset.Entry, fail: (Int, String) -> ClusterError) throws {
        switch key {
        case "url": url = try ClusterConfig.string(e, key: key, fail: fail)
        case "token-file": tokenFile = try ClusterConfig.string(e, key: key, fail: fail)
        case "ca-file": caFile = try ClusterConfig.string(e, key: key, fail: fail)
        case "insecure":
            guard case .bool(let b) = e.value else { throw fail(e.line, "\"insecure\" must be true or false") }
            insecure = b
        case "protected":
            guard case .bool(let b) = e.value else { throw fail(e.line, "\"protected\" must be true or false") }
            isProtected = b
        case "color", "colour":
            guard case .string(let s) = e.value, ContextConfig.colors.contains(s) else {
                throw fail(e.line, "\"\(key)\" must be one of \(ContextConfig.colors.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            color = s
        case "poll-interval", "instances-interval":
            guard case .number(let n) = e.value, n >= 1, n <= 86_400 else {
                throw fail(e.line, "\"\(key)\" must be a number of seconds between 1 and 86400")
            }
            if key == "poll-interval" { pollInterval = n } else { instancesInterval = n }
        default:
            throw fail(e.line, "unknown key \"\(TextSanitizer.excerpt(key))\" in [contexts.\(TextSanitizer.excerpt(name))] (known: url, token-file, ca-file, insecure, protected, color, poll-interval, instances-interval)")
        }
    }
}

extension ContextConfig {
    /// The colours a context may have (the terminal's own eight, less black and white).
    public static let colors = ["red", "green", "yellow", "blue", "magenta", "cyan"]
}
