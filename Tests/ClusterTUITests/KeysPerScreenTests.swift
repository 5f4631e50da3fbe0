import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// Every key belongs to a screen state (issue 19): for each screen, every
/// key that acts — changes what is shown or asks for an effect — must be in
/// that screen's `ScreenKeys` (or `KeyMap` on the main screen), which the
/// help overlay and README are made from. Found undocumented: Ctrl-U/Ctrl-W
/// in the filter prompt, `s`/`p` in the rebind form, `a` in the plan view,
/// `E`/`e`/`x` in the details overlays.
@Suite struct KeysPerScreenTests {
    /// Every key a keyboard (or a terminal reply) can send, but the three that act everywhere.
    static let universe: [Key] = {
        var keys: [Key] = (0x20...0x7E).compactMap { Unicode.Scalar($0).map { .char(Character($0)) } }
        keys += [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                 .backspace, .delete, .insert, .char("é"), .char("日")]
        keys += (1...12).map { .function($0) }
        keys += "abdefghijkmnopqrstuvwxy".map { .ctrl($0) }
        return keys
    }()

    static let contexts = [ContextChoice(name: "prod", url: "https://p", hasToken: true),
                           ContextChoice(name: "staging", url: "https://s", hasToken: true)]

    /// A state showing `screen`.
    static func state(on screen: KeyScreen) -> AppState {
        var config = AppConfig(label: "prod")
        config.contexts = contexts
        config.currentContext = "prod"
        if screen == .wallboard { config.wallboard = true }
        if screen == .typeName { config.isProtected = true }
        if screen == .actionConfirm {
            config.customActions = [CustomAction(name: "probe", key: "K", scope: .instance, argv: ["/bin/true", "{id}"], confirm: true)]
            config.keys = try! KeyMap.standard.rebound([], actions: config.customActions)
        }
        var state = TestCluster.loadedState(config: config)
        let brw = state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].entityId == "tenant1:brw_42" }!
        state.instancePane.cursor.selected = brw
        switch screen {
        case .filterPrompt: TestCluster.press(&state, .char("/"))
        case .rebindForm: TestCluster.press(&state, .enter)
        case .resetConfirm: TestCluster.press(&state, .char("x"))
        case .bulkForm: TestCluster.press(&state, .char("*"), .enter)
        case .planView: TestCluster.press(&state, .char("*"), .enter, .enter)
        case .planExport: TestCluster.press(&state, .char("*"), .enter, .enter, .char("w"))
        case .instanceDetails: TestCluster.press(&state, .char("i"))
        case .nodeDetails: TestCluster.press(&state, .char("1"), .char("i"))
        case .help: TestCluster.press(&state, .char("?"))
        case .contextPicker: TestCluster.press(&state, .char("c"))
        case .alerts: TestCluster.press(&state, .char("A"))
        case .fleet: TestCluster.press(&state, .char("F"))
        case .merged: TestCluster.press(&state, .char("F"), .char("n"))
        case .problems: TestCluster.press(&state, .char("P"))
        case .changes: TestCluster.press(&state, .char("C"))
        case .exportForm: TestCluster.press(&state, .char("w"))
        case .asOf:
            state.config.recordsHistory = true
            state.history = HistoryDigest(endsAt: state.now, nodes: [:], flapping: [], changes: [])
            TestCluster.press(&state, .char("["))
        case .typeName: TestCluster.press(&state, .char("x"), .char("y"))
        case .palette: TestCluster.press(&state, .char(":"))
        case .columnPicker: TestCluster.press(&state, .char("o"))
        case .actionConfirm: TestCluster.press(&state, .char("K"))
        case .actionOutput:
            state.lastActionOutput = ActionOutputView(result: ActionResult(name: "probe", subject: "node n", mode: .background, status: 0, output: "a\nb"))
            TestCluster.press(&state, .char("O"))
        case .tooSmall: _ = Update.update(&state, .resize(width: 20, height: 6), now: state.now)
        case .wallboard: break
        }
        return state
    }

    /// What a key can change that the operator would notice.
    static func fingerprint(_ s: AppState) -> String {
        String(describing: (s.overlays, s.editingFilter, s.instancePane.filter.text, s.nodePane.filter.text, s.focus, s.instancePane.cursor, s.nodePane.cursor,
                            s.marks, s.quitting, s.helpScroll, s.notice?.text, s.showGhosts, s.absoluteTimes))
    }

    @Test(arguments: KeyScreen.allCases)
    func everyKeyThatActsIsDocumented(_ screen: KeyScreen) {
        let base = Self.state(on: screen)
        #expect(base.keyScreen == screen, "the test reached \(screen), not \(String(describing: base.keyScreen))")
        let docs = ScreenKeys.of(screen)
        var undocumented: [Key] = []
        for key in Self.universe {
            var state = base
            let effects = Update.update(&state, .key(key), now: base.now)
            let acted = !effects.isEmpty || Self.fingerprint(state) != Self.fingerprint(base)
            let documented = docs.keys.contains(key) || (docs.typing && TextEditing.isEditingKey(key)) || docs.anyOtherKey != nil
            if acted && !documented { undocumented.append(key) }
        }
        #expect(undocumented.isEmpty, "\(screen): keys that act but are not in ScreenKeys: \(undocumented)")
    }

    /// The main screen: every key that acts has a KeyMap action.
    @Test func everyMainScreenKeyThatActsIsInTheKeyMap() {
        let base = Self.state(on: .instanceDetails)
        var main = base
        TestCluster.press(&main, .escape)
        #expect(main.keyScreen == nil)
        var undocumented: [Key] = []
        for key in Self.universe {
            var state = main
            let effects = Update.update(&state, .key(key), now: main.now)
            if (!effects.isEmpty || Self.fingerprint(state) != Self.fingerprint(main)) && KeyMap.standard.action(for: key) == nil {
                undocumented.append(key)
            }
        }
        #expect(undocumented.isEmpty, "main screen: keys that act but are not in KeyMap: \(undocumented)")
    }

    /// Below the minimum size and on the wallboard, only quit acts (besides Ctrl-C, Ctrl-L).
    @Test(arguments: [KeyScreen.tooSmall, .wallboard])
    func onlyQuitActsWhereNothingCanBeChosen(_ screen: KeyScreen) {
        let base = Self.state(on: screen)
        for key in Self.universe where key != .char("q") {
            var state = base
            #expect(Update.update(&state, .key(key), now: base.now).isEmpty, "\(screen): \(key) asked for an effect")
            #expect(Self.fingerprint(state) == Self.fingerprint(base), "\(screen): \(key) changed the screen")
        }
    }

    /// README's table of the forms' and overlays' keys is the one ScreenKeys generates.
    @Test func readmeListsEveryScreensKeys() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(ScreenKeys.markdownTable), "README's table differs from ScreenKeys.markdownTable; paste this:\n\(ScreenKeys.markdownTable)")
    }

    /// Issue 19: the context picker could not be narrowed by typing.
    @Test func theContextPickerNarrowsAsYouType() {
        var state = Self.state(on: .contextPicker)
        TestCluster.type(&state, "stag")
        guard case .contextPicker(let picker)? = state.topOverlay else { Issue.record("picker closed"); return }
        #expect(picker.shown(Self.contexts).map(\.name) == ["staging"])
        let effects = TestCluster.press(&state, .enter)
        #expect(effects == [.switchContext("staging")])
        #expect(RootView.render(Self.state(on: .contextPicker)).text().contains("type to narrow"))
    }

    /// Ctrl-W and Ctrl-U edit every text field the same way.
    @Test func everyTextFieldEditsAlike() {
        var text = "node:worker-03 is:risk"
        TextEditing.apply(.ctrl("w"), to: &text, limit: 100)
        #expect(text == "node:worker-03 ")
        TextEditing.apply(.ctrl("u"), to: &text, limit: 100)
        #expect(text == "")
        var state = Self.state(on: .rebindForm)
        TestCluster.type(&state, "node-b extra")
        TestCluster.press(&state, .ctrl("w"))
        guard case .rebind(let form)? = state.topOverlay else { Issue.record("form closed"); return }
        #expect(form.pickerText == "node-b ")
    }

    /// The screens' own key bars showed the help's sentences: at 80 columns the fleet screen's held Enter and Esc, not P, n or i.
    @Test(arguments: ScreenKeys.all.filter(\.ownsKeyBar).map(\.screen))
    func anOwnedKeyBarShowsEveryHintAt80Columns(_ screen: KeyScreen) {
        let rows = ScreenKeys.of(screen).rows.filter { !$0.keys.isEmpty }
        #expect(rows.allSatisfy { $0.bar != nil }, "a row without a bar word: \(rows.filter { $0.bar == nil }.map(\.label))")
        let width = rows.reduce(0) { $0 + DisplayWidth.of(" \($1.barKey) \($1.bar ?? $1.help)") }
        #expect(width <= 80, "\(screen)'s bar is \(width) columns")
    }
}
