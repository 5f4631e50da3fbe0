/// One line of the config file's `[keys]` table (issue 24): an action's
/// name and the keys it gets instead of its defaults, as written. The key
/// map checks the names and the conflicts (`KeyMap.rebound`).
public struct KeyOverride: Sendable, Equatable {
    /// The action's name as help and the palette show it (`rebind`, `copy-id`).
    public var action: String
    /// Key names (`"R"`, `"ctrl-r"`, `"f5"`); empty unbinds the action.
    public var keys: [String]
    public var line: Int

    public init(action: String, keys: [String], line: Int) {
        self.action = action; self.keys = keys; self.line = line
    }
}
