import Foundation

/// One custom action of the config file (issue 24): a program the operator
/// runs on the selected node, the selected instance or the marked rows,
/// from a key or the command palette.
///
/// ```toml
/// [actions.ssh]
/// key = "S"
/// scope = "node"
/// argv = ["ssh", "--", "{hostname}"]
/// mode = "foreground"
/// ```
///
/// `argv` is a list, never a shell string: each item is one argument, and a
/// placeholder (`{hostname}`) fills a whole item, so a value from the
/// server can never become two arguments or shell code.
public struct CustomAction: Sendable, Equatable {
    /// What the action runs on.
    public enum Scope: String, Sendable, CaseIterable {
        /// The selected node of the nodes pane.
        case node
        /// The selected instance of the instances pane.
        case instance
        /// The marked instances, as a JSON array on stdin.
        case marked
    }

    /// How the program meets the terminal.
    public enum Mode: String, Sendable, CaseIterable {
        /// The dashboard steps aside (as for Ctrl-Z) and the program has the terminal.
        case foreground
        /// The program runs beside the dashboard; its output is captured and its exit status shown.
        case background
    }

    public var name: String
    /// The key as the config names it (`"S"`, `"ctrl-o"`), if bound to one.
    public var key: String?
    public var scope: Scope
    public var argv: [String]
    public var mode: Mode
    /// Ask `y` before running.
    public var confirm: Bool
    /// Runs in read-only mode too (the operator vouches it writes nothing).
    public var readOnlySafe: Bool
    /// Shown in help and the palette.
    public var summary: String
    /// The line of its `[actions.NAME]` header, for messages.
    public var line: Int

    public init(
        name: String, key: String? = nil, scope: Scope, argv: [String], mode: Mode = .background,
        confirm: Bool = false, readOnlySafe: Bool = false, summary: String = "", line: Int = 0
    ) {
        self.name = name; self.key = key; self.scope = scope; self.argv = argv; self.mode = mode
        self.confirm = confirm; self.readOnlySafe = readOnlySafe; self.summary = summary; self.line = line
    }

    /// The placeholders the argv uses, in order.
    public var placeholders: [ActionField] { argv.compactMap(ActionField.placeholder) }
}
