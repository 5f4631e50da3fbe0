import Testing
import ClusterClient
import ClusterModel

/// Issue 24: the config file's `[keys]` and `[actions.NAME]` tables are
/// read strictly; every mistake names its line.
@Suite struct ActionsConfigTests {
    @Test func keysAndActionsAreRead() throws {
        let config = try ClusterConfig.parse("""
            [keys]
            rebind = "R"
            refresh = ["r", "f5"]

            [actions.ssh]
            key = "S"
            scope = "node"
            argv = ["ssh", "--", "{hostname}"]
            mode = "foreground"
            read-only-safe = true
            description = "ssh to the node"
            """)
        #expect(config.keyOverrides == [KeyOverride(action: "rebind", keys: ["R"], line: 2),
                                        KeyOverride(action: "refresh", keys: ["r", "f5"], line: 3)])
        #expect(config.actions == [CustomAction(name: "ssh", key: "S", scope: .node, argv: ["ssh", "--", "{hostname}"], mode: .foreground,
                                                readOnlySafe: true, summary: "ssh to the node", line: 5)])
    }

    /// Each mistake is refused with its line.
    @Test(arguments: [
        ("[keys]\nrebind = 5", "config.toml:2: \"rebind\" in [keys] must be a key"),
        ("[actions.x]\nscope = \"node\"\nargv = \"ssh {hostname}\"", "config.toml:3: \"argv\" must be a list"),
        ("[actions.x]\nscope = \"cluster\"\nargv = [\"a\"]", "config.toml:2: \"scope\" must be"),
        ("[actions.x]\nargv = [\"a\"]", "config.toml:1: [actions.x] needs scope"),
        ("[actions.x]\nscope = \"node\"\nargv = [\"ssh\", \"root@{hostname}\"]", "config.toml:3: [actions.x] argv: {hostname} must be a whole argument"),
        ("[actions.x]\nscope = \"node\"\nargv = [\"{name}\"]", "config.toml:3: the program (argv's first item) cannot be a placeholder"),
        ("[actions.x]\nscope = \"marked\"\nargv = [\"a\", \"{name}\"]", "config.toml:3: [actions.x] argv: {name} is not offered"),
        ("[actions.x]\nscope = \"node\"\nargv = [\"a\"]\nshell = true", "config.toml:4: unknown key \"shell\" in [actions.x]"),
        ("[actions]\nx = 1", "config.toml:2: put each action under [actions.NAME]"),
    ])
    func mistakesNameTheirLine(_ text: String, _ expected: String) {
        expectConfigRefused(text, saying: expected)
    }
}

/// Issue 23: a context's colour is one of six names; anything else is refused with its line.
@Suite struct ContextColourConfigTests {
    @Test func colourIsRead() throws {
        let config = try ClusterConfig.parse("[contexts.prod]\nurl = \"https://p\"\ncolor = \"red\"\n")
        #expect(config.contexts["prod"]?.color == "red")
        expectConfigRefused("[contexts.prod]\nurl = \"https://p\"\ncolour = \"pink\"\n", saying: "config.toml:3: \"colour\" must be one of")
    }
}
