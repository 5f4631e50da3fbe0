import ClusterTestSupport
import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// Whole-screen snapshots of the views at the sizes operators use, compared
/// with readable text fixtures in `Fixtures/` (read from the source tree). To re-record after an
/// intended change: `RECORD_SNAPSHOTS=1 swift test --filter ViewSnapshotTests`,
/// then read the new files before committing them.
@Suite struct ViewSnapshotTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (40, 12), (20, 6)]

    func check(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try ScreenFixture.check(name, state, sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes)
    func mainScreen(width: Int, height: Int) throws {
        try check("main-\(width)x\(height)", TestCluster.loadedState(width: width, height: height))
    }

    /// Styles where colour is the point (issue 12): each node's heartbeat in
    /// the colour of its health (ok, draining, offline), the focused pane's
    /// title, the selected row, the risk badge, and stale data dimmed.
    @Test func mainScreenStyles() throws {
        try StyledScreen.check("main-80x24", TestCluster.loadedState(width: 80, height: 24))
        var stale = TestCluster.loadedState(width: 80, height: 24)
        let later = TestCluster.now.addingTimeInterval(2)
        _ = Update.update(&stale, .tick, now: later)
        _ = Update.update(&stale, .overviewFetched(.failure(.connectionRefused("127.0.0.1:9")), latency: 0), now: later)
        try StyledScreen.check("main-stale-80x24", stale)
    }

    @Test(arguments: sizes)
    func rebindForm(width: Int, height: Int) throws {
        var state = TestCluster.loadedState(width: width, height: height)
        TestCluster.press(&state, .enter)
        TestCluster.type(&state, "node-")
        try check("rebind-\(width)x\(height)", state)
    }

    @Test func connectingFirstFrame() throws {
        var state = AppState(config: AppConfig(label: "http://127.0.0.1:9"), width: 80, height: 24, now: TestCluster.now)
        _ = Update.update(&state, .tick, now: TestCluster.now)
        try check("connecting-80x24", state)
    }

    /// Issue 15: the help overlay names the version (`{VERSION}` in the fixture).
    @Test func helpOverlay() throws {
        var state = TestCluster.loadedState(width: 120, height: 40)
        TestCluster.press(&state, .char("?"))
        let title = "Help · clustertui \(BuildInfo.version) — "
        #expect(RootView.render(state).text().contains(title))
        try ScreenFixture.check("help-120x40", state) {
            $0.replacingOccurrences(of: title, with: "Help · clustertui {VERSION} — ")
        }
    }

    @Test func instanceDetailsReadOnly() throws {
        var config = AppConfig(label: "test")
        config.readOnly = true
        var state = TestCluster.loadedState(width: 120, height: 40, config: config)
        TestCluster.press(&state, .end, .enter)
        try check("details-readonly-120x40", state)
    }

    @Test func asciiGlyphsForNonUTF8Locales() throws {
        var config = AppConfig(label: "test")
        config.asciiOnly = true
        try check("main-ascii-80x24", TestCluster.loadedState(width: 80, height: 24, config: config))
    }

    /// Guards against server text reaching the terminal raw: the demo's ESC-laden name must show inert.
    @Test func escapeSequencesFromTheServerAreInert() {
        let text = RootView.render(TestCluster.loadedState()).text()
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
        #expect(text.contains("␛[31mred"))
    }

    /// Review of issue 19: this asserted only the line count `Screen` guarantees.
    /// Below 30×8 the notice says so (cut to the width); from 30×8 the header is drawn.
    @Test func everySizeDownToOneByOneRenders() {
        var state = TestCluster.loadedState()
        for width in [0, 1, 2, 5, 19, 29, 30, 41] {
            for height in [0, 1, 2, 5, 7, 8, 13] {
                _ = Update.update(&state, .resize(width: width, height: height), now: state.now)
                let lines = RootView.render(state).lines()
                guard width > 0, height > 0 else { #expect(lines.joined().isEmpty); continue }
                // A line cut to the width ends in `…`.
                let first = String(lines[0].trimmingCharacters(in: .whitespaces).trimmingSuffix("…"))
                if width < 30 || height < 8 {
                    #expect("terminal too small".hasPrefix(first), "\(width)×\(height): \(first)")
                    if height >= 3, width >= 8 { #expect(lines[2].hasPrefix("q quits"), "\(width)×\(height): \(lines[2])") }
                } else {
                    #expect(first.hasPrefix("ClusterTUI"), "\(width)×\(height): \(first)")
                }
            }
        }
    }
}

extension String {
    /// The string without one trailing `suffix`, if it has it.
    func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : Substring(self) }
}
