import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterRuntime
import ClusterState
import ClusterViews

/// Issue 24: columns chosen at run time with `o`, applied at once, kept per
/// cluster and written for the next run.
@Suite struct ColumnChoiceTests {
    /// Pinning ID shows it at 80 columns; turning TENANT off hides it; NAME cannot be turned off.
    @Test func choicesApplyAtOnce() {
        var state = TestCluster.loadedState(width: 80, height: 24)
        TestCluster.press(&state, .char("2"))
        #expect(!RootView.render(state).text().contains(" ID "))
        TestCluster.press(&state, .char("o"))
        let list = ColumnPicker.columns(.instances)
        let id = list.firstIndex { $0.name == "id" }!, tenant = list.firstIndex { $0.name == "tenant" }!
        let name = list.firstIndex { $0.name == "name" }!
        for _ in 0..<id { TestCluster.press(&state, .down) }
        let effects = TestCluster.press(&state, .char(" "))
        #expect(effects.contains { if case .saveColumns = $0 { true } else { false } })
        for _ in id..<tenant { TestCluster.press(&state, .down) }
        TestCluster.press(&state, .char(" "), .char(" "))
        TestCluster.press(&state, .home)
        for _ in 0..<name { TestCluster.press(&state, .down) }
        TestCluster.press(&state, .char(" "), .char(" "))
        #expect(state.columns.visibility(.instances, "name") == .auto, "NAME goes on → auto, never off")
        TestCluster.press(&state, .escape)
        let text = RootView.render(state).text()
        let header = text.split(separator: "\n").first { $0.contains("NAME") && $0.contains("NODE") } ?? ""
        #expect(header.contains("ID") && !header.contains("TENANT"), "\(header)")
    }

    /// `o` could turn off the health glyph, leaving a late node's state in colour only; LANG=C drew "±" as "?".
    @Test func theHealthGlyphIsNeverOffAndPlusMinusHasAnASCIIForm() {
        var state = TestCluster.loadedState(width: 80, height: 24)
        TestCluster.press(&state, .char("1"), .char("o"), .char(" "), .char(" "), .char(" "))
        #expect(state.columns.visibility(.nodes, "mark") != .off)
        #expect(ColumnPicker.columns(.nodes).first?.name == "mark" && ColumnPicker.columns(.nodes).first?.identifying == true)
        #expect(ASCIIFallback.transliterate("[ ] ±1 min") == "[ ] +/-1 min")
    }

    /// Each cluster keeps its own choices; a context switch takes the new cluster's.
    @Test func choicesArePerCluster() {
        var choices = ColumnChoices()
        choices.set(.nodes, "url", .on)
        var config = AppConfig(label: "a")
        config.clusterURL = "https://a.example"
        config.savedColumns = ["https://a.example": choices]
        let state = TestCluster.loadedState(config: config)
        #expect(state.columns.visibility(.nodes, "url") == .on)
        var other = config
        other.clusterURL = "https://b.example"
        #expect(AppState(config: other, width: 80, height: 24, now: TestCluster.now).columns == ColumnChoices())
    }

    /// The file round-trips and is private; a damaged one reads as no choices.
    @Test func storeRoundTrips() throws {
        let dir = NSTemporaryDirectory() + "ctui-cols-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/columns.json"
        var choices = ColumnChoices()
        choices.set(.instances, "updated-by", .on)
        try ColumnStore.save(["https://a.example": choices], path: path)
        #expect(ColumnStore.load(path: path) == ["https://a.example": choices])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ColumnStore.load(path: path).isEmpty)
    }
}
