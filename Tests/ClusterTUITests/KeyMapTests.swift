import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// Issue 12: the keys exist once, in `KeyMap`; handling, help, key bar and
/// README are produced from it, and these tests hold them together.
@Suite struct KeyMapTests {
    /// Every action is reachable by a key and documented with help text.
    @Test func everyActionIsBoundAndDocumented() {
        for action in KeyAction.allCases {
            let bindings = KeyMap.standard.bindings.filter { $0.action == action }
            #expect(!bindings.isEmpty, "\(action) has no key")
            #expect(bindings.allSatisfy { !$0.keys.isEmpty && !$0.help.isEmpty }, "\(action) undocumented")
        }
    }

    /// No key is claimed by two actions: each key of a binding reaches that binding's action.
    @Test func everyKeyReachesItsOwnAction() {
        for binding in KeyMap.standard.bindings {
            guard let action = binding.action else { continue }
            for key in binding.keys {
                #expect(KeyMap.standard.action(for: key) == action, "\(key) is shadowed")
            }
        }
    }

    /// The help overlay lists exactly the map's rows, then every other screen's (ScreenKeys).
    @Test func helpIsTheMap() {
        let rows = TestCluster.loadedState().helpSections.flatMap(\.1).map(\.0)
        let screens = ScreenKeys.all.flatMap { $0.rows.map(\.label) + ($0.anyOtherKey == nil ? [] : ["any other key"]) }
        #expect(rows == KeyMap.standard.bindings.map(\.label) + screens)
    }

    /// README's key table is the one the map generates.
    @Test func readmeKeyTableMatchesTheMap() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardized
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(KeyMap.markdownTable + "\n"),
                "README's key table differs from KeyMap.markdownTable; paste this:\n\(KeyMap.markdownTable)")
    }

    /// The key bar per pane and mode, as operators know it.
    @Test func keyBarPerPaneAndMode() {
        var state = TestCluster.loadedState()
        #expect(KeyMap.standard.hints(state).map(\.0) == ["A", "q", "?", "/", "Tab", "Enter", "x", "i", "Space", ":", "s", "r", "t"], "the demo's loud alert puts A first")
        state.focus = .nodes
        #expect(KeyMap.standard.hints(state).map { "\($0.0) \($0.1)" }
                == ["A alerts", "q quit", "? help", "/ filter", "Tab pane", "Enter details", "g ghosts", "E evacuate", ": palette", "s sort", "r refresh", "t UTC"])
        var readOnly = TestCluster.loadedState(config: { var c = AppConfig(label: "ro"); c.readOnly = true; return c }())
        #expect(KeyMap.standard.hints(readOnly).map { "\($0.0) \($0.1)" }
                == ["A alerts", "q quit", "? help", "/ filter", "Tab pane", "Enter info", "Space mark", ": palette", "s sort", "r refresh", "t UTC"])
        readOnly.instancePane.filter.query = try? .parse("x").get()
        #expect(KeyMap.standard.hints(readOnly).first.map { "\($0.0) \($0.1)" } == "Esc clear filter")
    }

    /// At 80×24 the help cut every long key text at the frame ("…"): each is now whole, over as many lines as it needs.
    @Test func theHelpShowsEveryTextWholeAt80Columns() {
        var state = TestCluster.loadedState(width: 80, height: 24)
        TestCluster.press(&state, .char("?"))
        let lines = state.helpLines
        let inner = min(HelpLine.frameWidth, 80 - 2) - 4
        var texts: [String] = []
        var open = false
        for line in lines {
            switch line {
            case .key(_, let text, let indent):
                #expect(indent + DisplayWidth.of(text) <= inner, "\(text)")
                texts.append(text)
                open = true
            case .more(let text, let indent):
                #expect(indent + DisplayWidth.of(text) <= inner, "\(text)")
                if open { texts[texts.count - 1] += " " + text }
            default: open = false
            }
        }
        let expected = state.helpSections.flatMap { $0.1.map(\.1) }
        #expect(texts.elementsEqual(expected), "\(zip(texts, expected).first { $0 != $1 }.map { "\($0)" } ?? "")")
        #expect(!RootView.render(state).text().contains("…│"))
    }
}
