import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// Wallboard pages: content taller than the screen is cut into pages that
/// each read on their own, and the page shown follows the clock.
@Suite struct WallboardPagingTests {
    /// A wallboard over a cluster of `count` healthy nodes, at 80×24.
    static func bigCluster(count: Int = 40, width: Int = 80, height: Int = 24) -> AppState {
        let nodes = (0..<count).map { TestCluster.node(String(format: "node-%02d", $0), age: 2) }
        let overview = Overview(thisNodeName: "node-00", defaultNodeName: "node-00", nodes: nodes, assignments: [])
        var config = AppConfig(label: "big")
        config.wallboard = true
        config.readOnly = true
        config.cycle = 15
        var state = AppState(config: config, width: width, height: height, now: TestCluster.now)
        _ = Update.update(&state, .tick, now: TestCluster.now)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview)), latency: 0.01), now: TestCluster.now)
        return state
    }

    @Test func overflowingContentCyclesThroughPagesWithTheClock() throws {
        var state = Self.bigCluster()
        let first = RootView.render(state).text()
        state.now = state.now.addingTimeInterval(state.config.cycle)
        let second = RootView.render(state).text()
        #expect(first != second)
        let pageLine = try #require(first.split(separator: "\n").first)
        let match = try #require(pageLine.firstMatch(of: /page (\d+)\/(\d+)/))
        let page = try #require(Int(match.1)), count = try #require(Int(match.2))
        #expect(count > 1)
        let next = page % count + 1
        #expect(second.split(separator: "\n").first?.contains("page \(next)/\(count)") == true)
        // Within one cycle the page does not move.
        state.now = state.now.addingTimeInterval(state.config.cycle - 1)
        #expect(RootView.render(state).text().contains("page \(next)/\(count)"))
    }

    @Test func everyNodeAppearsOnSomePage() {
        var state = Self.bigCluster()
        var seen = Set<String>()
        for step in 0..<20 {
            state.now = TestCluster.now.addingTimeInterval(Double(step) * state.config.cycle)
            let text = RootView.render(state).text()
            for i in 0..<40 where text.contains(String(format: "node-%02d ", i)) || text.contains(String(format: "node-%02d\n", i)) {
                seen.insert(String(format: "node-%02d", i))
            }
        }
        #expect(seen.count == 40, "missing: \(Set((0..<40).map { String(format: "node-%02d", $0) }).subtracting(seen).sorted())")
    }

    @Test func contentThatFitsHasOnePageAndNoPageMark() {
        let state = WallboardViewTests.loaded(width: 120, height: 40)
        let text = RootView.render(state).text()
        #expect(!text.contains("page "))
    }

    @Test(arguments: [1, 2, 3, 4, 5, 9, 30])
    func pagesNeverOverflowNorEndOnAHeading(rows: Int) {
        let state = Self.bigCluster(count: 13)
        var lines = WallboardPages.lines(state)
        lines += WallboardPages.lines(WallboardViewTests.loaded(width: 80, height: 24))
        let pages = WallboardPages.paginate(lines, rows: rows)
        let bodyLines = lines.filter { if case .node = $0 { true } else if case .risk = $0 { true } else { false } }
        var bodySeen = 0
        for page in pages {
            #expect(page.count <= rows)
            bodySeen += page.filter { if case .node = $0 { true } else if case .risk = $0 { true } else { false } }.count
            if rows >= 3, let last = page.last, page.count > 1 {
                switch last {
                case .title, .columns: Issue.record("page ends with a heading: \(page)")
                default: break
                }
            }
        }
        #expect(bodySeen == bodyLines.count, "every row is on exactly one page")
    }

    @Test func pageFromTheClockIsStableAndWraps() {
        var state = Self.bigCluster()
        state.now = Date(timeIntervalSince1970: 15 * 7)
        #expect(state.wallboardPage(of: 3) == 1)
        #expect(state.wallboardPage(of: 1) == 0)
        #expect(state.wallboardPage(of: 0) == 0)
        state.now = Date(timeIntervalSince1970: 15 * 8 - 0.5)
        #expect(state.wallboardPage(of: 3) == 1)
    }

    @Test func bigDigitsDrawTheirShapes() {
        var screen = Screen(width: 12, height: 5)
        screen.asciiOnly = true
        BigText.draw("10", x: 0, y: 0, scale: .tall, style: .plain, into: &screen)
        #expect(screen.lines() == [" #  ###", "##  # #", " #  # #", " #  # #", "### ###"])
        #expect(BigText.width("10", scale: .large) == 14)
        #expect(BigText.width("10", scale: .half) == 7)
    }
}
