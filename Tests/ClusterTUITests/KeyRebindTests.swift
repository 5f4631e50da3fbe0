import ClusterModel
import Foundation
@testable import ClusterClient
import Testing
@testable import ClusterApp
@testable import ClusterGrid
@testable import ClusterState

/// Issue 24: keys rebound by the config's `[keys]` table act, show in the
/// key bar and help, and a clash or unknown name is refused with its line.
@Suite struct KeyRebindTests {
    /// Config key names read back as the keys help shows.
    @Test func keyNamesAndLabelsAgree() {
        #expect(Key(name: "R") == .char("R"))
        #expect(Key(name: ":") == .char(":"))
        #expect(Key(name: "ctrl-r") == .ctrl("r") && Key(name: "Ctrl-R") == .ctrl("r"))
        #expect(Key(name: "F5") == .function(5) && Key(name: "f13") == nil)
        #expect(Key(name: "space") == .char(" ") && Key(name: "shift-tab") == .backTab && Key(name: "pgdn") == .pageDown)
        #expect(Key(name: "ab") == nil && Key(name: "") == nil && Key(name: "\u{1B}") == nil)
        for key: Key in [.char("x"), .ctrl("b"), .function(3), .enter, .escape, .tab, .backTab, .pageUp, .home, .char(" "),
                         .up, .down, .left, .right, .delete, .insert, .backspace] {
            #expect(Key(name: key.label) == key, "\(key.label)")
        }
        // Terminals send these as Tab, Enter and Backspace: a binding to them would never fire.
        #expect(Key(name: "ctrl-i") == nil && Key(name: "ctrl-m") == nil && Key(name: "ctrl-h") == nil && Key(name: "ctrl-j") == nil)
        #expect(Key(name: "ctrl-shift-x") == nil, "not silently Ctrl-X")
    }

    /// A rebound action answers its new key only; its old key is free; the key bar shows the new one.
    @Test func reboundKeyActsAndShows() throws {
        var config = AppConfig(label: "t")
        config.keys = try KeyMap.standard.rebound([KeyOverride(action: "sort-next", keys: ["v"], line: 2)])
        var state = TestCluster.loadedState(config: config)
        let before = state.instancePane.sort
        TestCluster.press(&state, .char("s"))
        #expect(state.instancePane.sort == before, "s no longer sorts")
        TestCluster.press(&state, .char("v"))
        #expect(state.instancePane.sort != before, "v sorts")
        #expect(state.config.keys.hints(state).contains { $0 == ("v", "sort") })
        #expect(state.helpSections.flatMap(\.1).contains { $0.0 == "v" && $0.1 == "next sort column" })
    }

    /// Two actions on one key: the later line is named, and so is the other action.
    @Test func clashNamesTheLaterLine() {
        #expect(throws: KeyMapError(line: 3, message: "r for rebind is already bound to refresh (line 2)")) {
            try KeyMap.standard.rebound([KeyOverride(action: "refresh", keys: ["r"], line: 2),
                                         KeyOverride(action: "rebind", keys: ["r"], line: 3)])
        }
        #expect(throws: KeyMapError(line: 4, message: "q for rebind is already bound to quit (its default); give quit another key in [keys] to free it")) {
            try KeyMap.standard.rebound([KeyOverride(action: "rebind", keys: ["q"], line: 4)])
        }
    }

    /// Unknown names, unreadable keys, reserved keys and custom actions' clashes are refused.
    @Test func otherMistakesAreRefused() {
        #expect(throws: KeyMapError.self) { try KeyMap.standard.rebound([KeyOverride(action: "rebnd", keys: ["R"], line: 2)]) }
        #expect(throws: KeyMapError.self) { try KeyMap.standard.rebound([KeyOverride(action: "rebind", keys: ["ctrl-"], line: 2)]) }
        #expect(throws: KeyMapError(line: 2, message: "Ctrl-C is reserved for quit (on every screen); help cannot have it")) {
            try KeyMap.standard.rebound([KeyOverride(action: "help", keys: ["ctrl-c"], line: 2)])
        }
        let ssh = CustomAction(name: "ssh", key: "x", scope: .node, argv: ["ssh"], line: 7)
        #expect(throws: KeyMapError(line: 7, message: "x for ssh is already bound to reset (its default); give reset another key in [keys] to free it")) {
            try KeyMap.standard.rebound([], actions: [ssh])
        }
        #expect(throws: KeyMapError(line: 2, message: "Ctrl-Z is reserved for suspend (on every screen); help cannot have it")) {
            try KeyMap.standard.rebound([KeyOverride(action: "help", keys: ["ctrl-z"], line: 2)])
        }
        // A custom action may not take a built-in's name (it would replace that key silently).
        let refresh = CustomAction(name: "refresh", key: "F9", scope: .node, argv: ["x"], line: 9)
        #expect(throws: KeyMapError(line: 9, message: "[actions.refresh]: refresh is a built-in action's name; call it something else")) {
            try KeyMap.standard.rebound([], actions: [refresh])
        }
        // Freeing x by moving reset makes room for the action.
        #expect((try? KeyMap.standard.rebound([KeyOverride(action: "reset", keys: ["X"], line: 2)], actions: [ssh]))?.customKeys == [.char("x"): "ssh"])
    }

    /// An empty list unbinds an action (it stays in the palette).
    @Test func emptyListUnbinds() throws {
        let keys = try KeyMap.standard.rebound([KeyOverride(action: "quit", keys: [], line: 2)])
        #expect(keys.action(for: .char("q")) == nil)
        #expect(keys.binding(.quit)?.label == "-")
    }
}

/// README's `[keys]` and `[actions.…]` examples are read as the dashboard reads them.
@Suite struct ReadmeKeysExampleTests {
    @Test func readmeExamplesParseAndResolve() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized
        let text = try String(contentsOf: readme, encoding: .utf8)
        let blocks = text.components(separatedBy: "```toml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let examples = blocks.filter { $0.hasPrefix("[keys]") || $0.hasPrefix("[actions.") }
        #expect(examples.count == 2)
        let config = try ClusterConfig.parse(examples.joined(separator: "\n"))
        #expect(config.actions.map(\.name) == ["ssh", "runbook"])
        let keys = try KeyMap.standard.rebound(config.keyOverrides, actions: config.actions)
        #expect(keys.action(for: .char("R")) == .rebind && keys.customKeys[.char("H")] == "ssh")
    }
}
