import ClusterClient
import ClusterModel
import ClusterTestSupport
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 13's fault matrix, in CI: every server fault the matrix found,
/// against the CLI (exit code and its one stderr line) and against the
/// dashboard's reader and `update` (the last good data kept, STALE with the
/// reason, live again when the fault clears). Malformed replies are never
/// an empty cluster; controls from the server never reach a terminal raw.
@Suite struct FaultMatrixTests {
    /// One row of the matrix: the fault and what the CLI must say for `get overview`.
    struct Row: Sendable, CustomStringConvertible {
        var fault: Fault
        var exit: Int32
        var says: String
        /// The CLI's `--timeout`: short only where the time-out is the point.
        var timeout = 10
        var description: String { "\(fault)" }
    }

    static let rows: [Row] = [
        Row(fault: .proxyHTML, exit: 66, says: "unexpected non-JSON reply (HTTP 502): 502 Bad Gateway"),
        Row(fault: .truncatedJSON, exit: 66, says: "malformed reply"),
        Row(fault: .malformedJSON, exit: 66, says: "malformed reply"),
        Row(fault: .emptyOK, exit: 66, says: "unexpected non-JSON reply (HTTP 200)"),
        Row(fault: .nullArrays, exit: 66, says: "malformed reply: GET"),
        Row(fault: .deepNesting, exit: 66, says: "malformed reply"),
        // Issue 23: the 401 names where the refused token came from.
        Row(fault: .unauthorized, exit: 65, says: "not logged in (Invalid or expired token; the token sent came from CLUSTERTUI_TOKEN)"),
        Row(fault: .rateLimited, exit: 66, says: "rate limited (429): retry in 7 s"),
        Row(fault: .starting, exit: 66, says: "server is starting (503)"),
        Row(fault: .hugeBody, exit: 66, says: "reply too large: more than 1 MB"),
        Row(fault: .endlessBody, exit: 69, says: "timed out:", timeout: 1),
        Row(fault: .slowHead, exit: 69, says: "timed out:", timeout: 1),
        Row(fault: .invalidUTF8, exit: 0, says: ""),
        Row(fault: .escapesEverywhere, exit: 0, says: ""),
        // Issue 20: a heartbeat sent as a number read "silent" under "live".
        Row(fault: .heartbeatAsNumber, exit: 66, says: "malformed reply: GET /api/cluster/overview: at nodes[0].lastHeartbeatAt"),
        Row(fault: .heartbeatInFuture, exit: 0, says: ""),
        Row(fault: .serverDateAhead, exit: 0, says: ""),
        Row(fault: .duplicateNames, exit: 0, says: ""),
    ]

    @Sendable func cli(_ args: [String]) throws -> ChildProcess.Result { try CLIChild.run(args) }

    /// The CLI: the documented exit code and exactly one stderr line saying what happened.
    @Test(arguments: rows)
    func theCLISaysWhatHappened(_ row: Row) async throws {
        try await FaultServer.with(row.fault) { url, _ in
            // Off the concurrency pool: the in-process server needs its threads to answer.
            let args = ["get", "overview", "-o", "json", "--url", url.absoluteString, "--timeout", "\(row.timeout)", "--max-body", "1"]
            let result = try await offPool { try cli(args) }
            #expect(result.status == row.exit, "stderr: \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            if row.exit == 0 {
                #expect(lines.isEmpty, "stderr: \(result.stderr)")
                #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{9B}"), "no raw control on stdout")
            } else {
                #expect(lines.count == 1, "one line: \(result.stderr)")
                #expect(result.stderr.contains(row.says), "stderr: \(result.stderr)")
                #expect(!result.stderr.contains("\u{1B}"))
            }
        }
    }

    /// The dashboard: the reader's error keeps the last good data on screen,
    /// STALE with the reason, and the next good reply makes it live again.
    @Test(arguments: rows.filter { $0.exit != 0 })
    func theDashboardKeepsTheLastDataAndRecovers(_ row: Row) async throws {
        let error = try await Self.readerError(row)
        var state = TestCluster.loadedState()
        let later = TestCluster.now.addingTimeInterval(2)
        _ = Update.update(&state, .tick, now: later)
        _ = Update.update(&state, .overviewFetched(.failure(error), latency: 0), now: later)
        #expect(state.snapshot?.nodes.count == 5, "the last good data stays (\(row.fault))")
        #expect(state.isStale)
        let screen = RootView.render(state).text()
        #expect(screen.contains("STALE — cluster as of"), "\(row.fault):\n\(screen)")
        #expect(screen.contains(String(error.description.prefix(20))), "the reason is on screen")
        let back = state.overviewPoll.nextDue
        _ = Update.update(&state, .tick, now: back)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview, digest: 9)), latency: 0), now: back)
        #expect(!state.isStale && !RootView.render(state).text().contains("STALE"))
    }

    /// The error the real client makes of `row`'s fault.
    static func readerError(_ row: Row) async throws -> ClusterError {
        try await FaultServer.with(row.fault) { url, _ in
            // A connect time-out of 1 s was met on a loaded CI machine, turning a 401 row into "connection".
            let client = try ClusterHTTPClient(ClientConfiguration(
                baseURL: url, token: "t0ken", connectTimeout: min(3, Double(row.timeout)), requestTimeout: Double(row.timeout),
                bodyLimit: 1 << 20))
            defer { Task { await client.shutdown() } }
            do {
                _ = try await client.reader.overview(unlessUnchangedFrom: nil)
                throw TmuxError(description: "\(row.fault) was answered as a good overview")
            } catch let error as ClusterError {
                return error
            }
        }
    }

    /// Issue 13: invalid UTF-8 in one node name rejected the whole overview,
    /// while in an instance name it was silently replaced. One rule for
    /// both: the row is kept and the bad bytes show as `�`.
    @Test func invalidUTF8KeepsTheRowsWithReplacementCharacters() async throws {
        try await FaultServer.with(.invalidUTF8) { url, _ in
            let client = try ClusterHTTPClient(ClientConfiguration(baseURL: url, token: "t0ken"))
            defer { Task { await client.shutdown() } }
            let overview = try await client.reader.overview()
            #expect(overview.nodes.map(\.name).contains("node-\u{FFFD}"))
            let instances = try await client.reader.instances().instances
            #expect(instances.contains { $0.nodeName == "node-\u{FFFD}" })
        }
    }

    /// Issue 13: an id that was not valid UTF-8 cannot be written back: say so, send nothing.
    @Test func aWriteToAnInvalidIdIsRefused() {
        var state = TestCluster.loadedState()
        var list = TestCluster.instances
        list[0].entityId = "tenant1:\u{FFFD}bad"
        _ = Update.update(&state, TestCluster.listed((TestCluster.fetched(InstanceList(instances: list), digest: 4)), latency: 0),
                          now: state.now)
        let row = state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].entityId == "tenant1:\u{FFFD}bad" }!
        state.instancePane.cursor.selected = row
        let effects = TestCluster.press(&state, .enter)
        #expect(!effects.contains(where: TestCluster.isWrite))
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text.contains("not valid UTF-8") == true)
    }

    /// Reads closed without a reply: never sent, 69, safe to retry.
    @Test func aClosedConnectionIsReported() async throws {
        let server = try LossyWriteServer(mode: .closeEverything)
        defer { server.stop() }
        let url = server.url.absoluteString
        let result = try await offPool { try CLIChild.run(["get", "nodes", "--url", url, "--timeout", "5"]) }
        #expect(result.status == 69, "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("connection failed"))
    }

    /// Polls `fault` `times` times, `gap` seconds apart, on this machine's
    /// clock, through the real client and `update`; returns the state and its screen.
    func dashboard(_ fault: Fault, times: Int = 1, gap: Double = 1.1) async throws -> (AppState, String) {
        try await FaultServer.with(fault) { url, _ in
            let client = try ClusterHTTPClient(ClientConfiguration(baseURL: url, token: "t0ken"))
            defer { Task { await client.shutdown() } }
            var state = AppState(config: AppConfig(label: "fault"), width: 160, height: 40, now: Date())
            for i in 0..<times {
                if i > 0 { try await Task.sleep(nanoseconds: UInt64(gap * 1e9)) }
                let fetched = try await client.reader.overview(unlessUnchangedFrom: state.overviewPoll.digest)
                let now = Date()
                _ = Update.update(&state, .tick, now: now)
                _ = Update.update(&state, .overviewFetched(.success(fetched), latency: fetched.roundTrip ?? 0), now: now)
            }
            return (state, RootView.render(state).text())
        }
    }

    /// Issue 20: a heartbeat 1 h in the future read `ok 0s` forever; it is flagged "clock ahead", never counted ok.
    @Test func aHeartbeatInTheFutureIsFlaggedNotOk() async throws {
        let (state, screen) = try await dashboard(.heartbeatInFuture)
        #expect(state.derived.healthSignature["node-c"] == .ahead)
        #expect(screen.contains("●2 ok ▲1 clock ahead"), "\(screen)")
        let row = screen.split(separator: "\n").first { $0.contains("node-c") }
        #expect(row?.contains("+59m") == true || row?.contains("+1h") == true, "\(String(describing: row))")
    }

    /// Issue 20: a server `Date` 1 h ahead of fresh heartbeats marked every node silent; beats that advance are alive.
    @Test func aServerDateAheadOfTheHeartbeatsKeepsLiveNodesOk() async throws {
        let (state, screen) = try await dashboard(.serverDateAhead, times: 2)
        #expect(["node-a", "node-b", "node-c"].allSatisfy { state.derived.healthSignature[$0] == .ok }, "\(screen)")
        #expect(screen.contains("Nodes ●3 ok"), "\(screen)")
        #expect(!screen.contains("silent") && !screen.contains("late"), "\(screen)")
        var details = state
        _ = Update.update(&details, .key(.char("1")), now: details.now)
        _ = Update.update(&details, .key(.char("i")), now: details.now)
        let text = RootView.render(details).text()
        #expect(text.contains("behind the answering node's clock"), "\(text)")
    }

    /// Issue 20: duplicate node names gave `●1 ok` above three rows and no warning.
    @Test func duplicateNodeNamesAreCountedAndWarned() async throws {
        let (_, screen) = try await dashboard(.duplicateNames)
        #expect(screen.contains("Nodes ●3 ok"), "counts add up to the rows: \(screen)")
        #expect(screen.contains("name listed twice: node-a"), "\(screen)")
    }

    /// Issue 20: invalid UTF-8 in a name changed the risk counts with no word of a bad reply.
    @Test func invalidUTF8InANodeNameIsSaid() async throws {
        let (_, screen) = try await dashboard(.invalidUTF8)
        #expect(screen.contains("1 node name(s) not valid UTF-8"), "\(screen)")
    }
}
