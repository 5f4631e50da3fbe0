import ClusterClient
import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState

/// Issue 24: `y` and `Y` copy the selected row by OSC 52 — only when the
/// config says so, only visible text, wrapped for tmux inside tmux.
@Suite struct CopyFlowTests {
    /// The text an OSC 52 sequence carries.
    static func copied(_ effects: [Effect]) -> String? {
        guard case .notifyTerminal(let bytes)? = effects.first else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "]52;c;")?.upperBound, let end = text[start...].firstIndex(of: "\u{07}") else { return nil }
        return Data(base64Encoded: String(text[start..<end])).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func offByDefaultSaysHowToTurnItOn() {
        var state = TestCluster.loadedState()
        #expect(TestCluster.press(&state, .char("y")).isEmpty)
        #expect(state.notice?.text.contains("clipboard = \"osc52\"") == true)
    }

    @Test func yCopiesTheIdAndYTheRowAsJSON() throws {
        var config = AppConfig(label: "test")
        config.clipboard = true
        var state = TestCluster.loadedState(config: config)
        let id = Self.copied(TestCluster.press(&state, .char("y")))
        #expect(id == state.selectedInstance?.key.description)
        let json = try #require(Self.copied(TestCluster.press(&state, .char("Y"))))
        #expect(try JSONDecoder().decode(Instance.self, from: Data(json.utf8)).key == state.selectedInstance?.key)
        state.focus = .nodes
        #expect(Self.copied(TestCluster.press(&state, .char("y"))) == state.selectedNode?.name)
    }

    /// Guards a pasted id typing an escape sequence into a shell.
    @Test func aHostileIdIsCopiedVisibleAndTmuxGetsPassthrough() {
        let bytes = TerminalClipboard.bytes(TextSanitizer.visible("t1:\u{1B}[31mred"), inTmux: true)
        #expect(bytes.starts(with: [0x1B] + Array("Ptmux;".utf8)))
        let inner = String(decoding: bytes, as: UTF8.self)
        let start = inner.range(of: "]52;c;")!.upperBound
        let encoded = inner[start...].prefix { $0 != "\u{07}" }
        let text = String(decoding: Data(base64Encoded: String(encoded))!, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func theConfigTurnsItOnAndRefusesOtherValues() throws {
        #expect(try ClusterConfig.parse("clipboard = \"osc52\"\n").clipboard)
        #expect(try !ClusterConfig.parse("clipboard = \"off\"\n").clipboard)
        #expect(throws: ClusterError.self) { try ClusterConfig.parse("clipboard = \"xclip\"\n") }
    }
}
