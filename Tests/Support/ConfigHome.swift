import Foundation

/// A throw-away `XDG_CONFIG_HOME` with a `clustertui/config.toml` of
/// contexts, for tests that drive the real binary against several
/// clusters (the fleet, protected contexts). Token files are written 0600;
/// `remove()` deletes everything.
public struct ConfigHome {
    /// One `[contexts.NAME]` table: its URL, the token written to its own
    /// token file (when given), and any further `key = value` lines.
    public struct Context {
        public var name: String
        public var url: String
        public var token: String?
        public var extra: [String]
        public init(_ name: String, url: String, token: String? = nil, extra: [String] = []) {
            self.name = name; self.url = url; self.token = token; self.extra = extra
        }
    }

    public let home: URL

    public init(_ contexts: [Context]) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-home-\(UUID().uuidString)")
        let dir = home.appendingPathComponent("clustertui")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var text = ""
        for context in contexts {
            text += "[contexts.\(context.name)]\nurl = \"\(context.url)\"\n"
            if let token = context.token {
                let file = dir.appendingPathComponent("\(context.name).token").path
                try token.write(toFile: file, atomically: true, encoding: .utf8)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
                text += "token-file = \"\(file)\"\n"
            }
            text += context.extra.map { $0 + "\n" }.joined() + "\n"
        }
        try text.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    /// The environment that points the binary here (config, and state for the journal).
    public var environment: [String: String] { ["XDG_CONFIG_HOME": home.path, "XDG_STATE_HOME": home.path] }

    public func remove() { try? FileManager.default.removeItem(at: home) }
}
