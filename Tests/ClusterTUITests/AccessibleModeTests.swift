import ClusterModel
import Foundation
import Testing
@testable import ClusterApp
@testable import ClusterGrid
@testable import ClusterState
@testable import ClusterViews

/// Issue 24, `--accessible`: the cursor sits on the selected row, no block
/// graphs or spinners, and new events are said in the status line.
@Suite struct AccessibleModeTests {
    static func state(accessible: Bool) -> AppState {
        var config = AppConfig(label: "a11y")
        config.accessible = accessible
        return TestCluster.loadedState(config: config)
    }

    /// The cursor follows the focused pane's selection, the filter prompt and an overlay's list.
    @Test func cursorFollowsTheSelection() {
        var state = Self.state(accessible: true)
        let first = RootView.render(state).cursor
        TestCluster.press(&state, .down)
        let second = RootView.render(state).cursor
        #expect(first != nil && second?.y == (first?.y ?? 0) + 1 && second?.x == 0)
        let screen = RootView.render(state)
        let row = screen.text().split(separator: "\n", omittingEmptySubsequences: false)[second!.y]
        #expect(row.contains(state.selectedInstance!.entityId), "\(row)")
        TestCluster.press(&state, .char("/"))
        #expect(RootView.render(state).cursor?.y == state.height - 1, "in the filter prompt")
        TestCluster.press(&state, .escape, .char(":"))
        let palette = RootView.render(state)
        #expect(palette.cursor.map { palette.text().split(separator: "\n", omittingEmptySubsequences: false)[$0.y].contains("▶ action") } == true)
    }

    /// In the fleet, problems and context-picker overlays the cursor stayed under them on the dashboard's row.
    @Test func cursorIsOnTheOverlaysSelection() {
        var state = TestCluster.withContexts(["alpha", "beta"])
        state.config.accessible = true
        for key: Character in ["F", "P", "c"] {
            TestCluster.press(&state, .char(key))
            let screen = RootView.render(state)
            guard let cursor = screen.cursor else { Issue.record("\(key): no cursor"); continue }
            #expect(screen[cursor.x, cursor.y].style.role == .selection, "\(key): the cursor is on row \(cursor.y):\n\(screen.text())")
            TestCluster.press(&state, .escape)
        }
    }

    /// Tab in the rebind form left the cursor on the node list, and look-back's `@` prompt left it in the table.
    @Test func cursorFollowsTheFormsFieldsAndTheTimePrompt() {
        var state = Self.state(accessible: true)
        TestCluster.press(&state, .char("2"), .enter, .tab)
        var screen = RootView.render(state)
        #expect(screen.cursor.map { screen.lines()[$0.y].contains("( ) preferred") } == true, "mode:\n\(screen.text())")
        TestCluster.press(&state, .tab)
        screen = RootView.render(state)
        #expect(screen.cursor.map { screen[$0.x, $0.y].char == "[" && screen[$0.x + 2, $0.y].char == "A" } == true, "apply:\n\(screen.text())")
        TestCluster.press(&state, .tab)
        screen = RootView.render(state)
        #expect(screen.cursor.map { screen[$0.x + 2, $0.y].char == "C" } == true, "cancel:\n\(screen.text())")
        TestCluster.press(&state, .escape)
        state.config.recordsHistory = true
        _ = Update.update(&state, .historyUpdated(HistoryDigest(endsAt: state.now, nodes: [:], flapping: [], changes: [])), now: state.now)
        TestCluster.press(&state, .char("["), .char("@"))
        #expect(RootView.render(state).cursor?.y == state.height - 1, "in the time prompt")
    }

    /// Without the flag the cursor stays hidden.
    @Test func hiddenByDefault() {
        #expect(RootView.render(Self.state(accessible: false)).cursor == nil)
    }

    /// New events are said in the status line, the most severe first.
    @Test func eventsAreAnnounced() {
        var state = Self.state(accessible: true)
        var overview = TestCluster.overview
        overview.nodes[1].status = .offline
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview, digest: 5)), latency: 0), now: state.now)
        #expect(state.notice?.text.hasPrefix("node-b:") == true, "\(state.notice?.text ?? "nothing said")")
        var quiet = Self.state(accessible: false)
        _ = Update.update(&quiet, .overviewFetched(.success(TestCluster.fetched(overview, digest: 5)), latency: 0), now: quiet.now)
        #expect(quiet.notice?.text.hasPrefix("node-b:") != true)
    }

    /// The node details say the hour in words; the nodes pane has no strip.
    @Test func noBlockGraphs() {
        #expect(NodeHistorySection.minutes([.ok, .ok, .late, .restart, .unknown]) == "minutes: 2 ok, 1 late, 1 restarted, 1 not watched")
        var state = Self.state(accessible: true)
        state.history = HistoryDigest(endsAt: state.now, nodes: [:], flapping: [], changes: [])
        let text = RootView.render(state).text()
        #expect(!text.contains("HISTORY") && text.contains("RESTARTS"), "\(text)")
    }
}
