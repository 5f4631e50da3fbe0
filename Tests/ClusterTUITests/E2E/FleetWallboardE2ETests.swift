import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 23 in a real terminal: `--wallboard --fleet` with four contexts —
/// healthy, unreachable, answering HTML 502, and one whose node has died —
/// shows a tile for every one in trouble with its cause (the served demo
/// has instances at risk of its own, so it gets one too) and no ALL CLEAR.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct FleetWallboardE2ETests {
    @Test func tilesForTheTroubledOnly() async throws {
        try await FleetCLIE2ETests.withFourContexts { config in
            let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path,
                           "--context", "alpha", "--wallboard", "--fleet"]
            let session = try TmuxSession(name: DashboardE2ETests.name("fleetwb"), width: 140, height: 40, command: command,
                                          environment: config.environment)
            defer { session.kill() }
            let board = try await offPool {
                try session.waitUntil(timeout: 30) { screen in
                    // Beta is `protected = true` in the config file: its tile's title carries the mark.
                    screen.contains("┌ ⚑ beta") && screen.contains("UNREACHABLE") && screen.contains("┌ gamma")
                        && screen.contains("MALFORMED REPLY") && screen.contains("┌ delta") && screen.contains("┌ alpha")
                }
            }
            #expect(!board.contains("██████"), "no ALL CLEAR: \(board)")
            let lines = board.split(separator: "\n")
            let delta = try #require(lines.firstIndex { $0.contains("┌ delta") })
            #expect(lines[delta + 2].contains("1 silent") || lines[delta + 2].contains("1 offline"), "delta's dead node: \(board)")
            session.sendKeys("q")
            try await offPool { _ = try session.waitFor("EXITED:0", timeout: 10) }
        }
    }
}
