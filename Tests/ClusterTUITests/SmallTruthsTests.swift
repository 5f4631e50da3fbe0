import ClusterModel
import Foundation
import Glibc
import Testing
@testable import ClusterApp
@testable import ClusterCLI
@testable import ClusterState
@testable import ClusterViews
@testable import ClusterWrites

/// Issue 20's smaller truths: the `--insecure` badge, the token file's mode
/// warned by every command, and an overview back-off that is capped and
/// ended by a success on the other endpoint.
@Suite struct SmallTruthsTests {
    /// Issue 20: `--insecure` was only a stderr line, gone once curses took the screen.
    @Test func insecureShowsAPermanentBadge() {
        var config = AppConfig(label: "prod")
        config.insecure = true
        let state = TestCluster.loadedState(config: config)
        let header = RootView.render(state).text().split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("INSECURE TLS"), "\(header)")
        #expect(!RootView.render(TestCluster.loadedState()).text().contains("INSECURE"))
    }

    /// Issue 20: a token file readable by group or others was only reported by `doctor`.
    @Test func anOpenTokenFileIsWarned() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tok-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { unlink(path) }
        try "t0ken".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        let warning = TokenFileWarning.text(forFile: path, environment: [:])
        #expect(warning?.contains("is mode 0644: other users of this machine can read your session; chmod 600") == true)
        #expect(TokenFileWarning.text(forFile: path, environment: ["CLUSTERTUI_TOKEN": "x"]) == nil, "the file is not used")
        chmod(path, 0o600)
        #expect(TokenFileWarning.text(forFile: path, environment: [:]) == nil)
    }

    /// Issue 20: the overview back-off grew to 60 s, and a good instance reply did not end it.
    @Test func overviewBackoffIsCappedAndEndedByTheOtherEndpoint() {
        var state = TestCluster.loadedState()
        var now = state.now
        for _ in 0..<10 {
            now = max(now, state.overviewPoll.nextDue)
            _ = Update.update(&state, .tick, now: now)
            _ = Update.update(&state, .overviewFetched(.failure(.connectionRefused("refused")), latency: 0), now: now)
            #expect(state.overviewPoll.nextDue.timeIntervalSince(now) <= 15)
        }
        #expect(state.overviewPoll.nextDue.timeIntervalSince(now) > 5, "backing off")
        let due = max(now, state.instancesPoll.nextDue)
        _ = Update.update(&state, .tick, now: due)
        _ = Update.update(&state, TestCluster.listed((TestCluster.fetched(nil as InstanceList?)), latency: 0), now: due)
        #expect(state.overviewPoll.nextDue <= due, "the overview is retried at once")
    }
}
