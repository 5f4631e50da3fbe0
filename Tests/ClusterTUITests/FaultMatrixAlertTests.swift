import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState

/// Issue 21's alert cases of the fault matrix: under every server fault the
/// dashboard's engine pages exactly once (the connection, or the session
/// for a 401) however long the fault lasts, no node or instance alert fires
/// from the stale data, and recovery is one resolve, not a node alert.
@Suite struct FaultMatrixAlertTests {
    /// The cluster as a live server would answer at `time`: beats a second old.
    static func fresh(at time: Date) -> Overview {
        var overview = TestCluster.overview
        for i in overview.nodes.indices where overview.nodes[i].status != .offline {
            overview.nodes[i].lastHeartbeatAt = time.addingTimeInterval(-1)
        }
        return overview
    }

    /// Guards: a lost connection must never read as every node dying (0 false alerts under every fault).
    @Test(arguments: FaultMatrixTests.rows.filter { $0.exit != 0 })
    func aFaultPagesOnceAndNeverAsANodeAlert(_ row: FaultMatrixTests.Row) async throws {
        let error = try await FaultMatrixTests.readerError(row)
        var state = TestCluster.loadedState()
        var paged: [AlertHookMessage] = []
        var digest: UInt64 = 10
        func poll(_ at: Double, _ reply: Result<Fetched<Overview>, ClusterError>) {
            let now = TestCluster.now.addingTimeInterval(at)
            for message in [Message.tick, .overviewFetched(reply, latency: 0.01)] {
                for case .announceAlert(let alert) in Update.update(&state, message, now: now) { paged.append(alert) }
            }
        }
        func good(_ at: Double) -> Result<Fetched<Overview>, ClusterError> {
            digest += 1
            return .success(TestCluster.fetched(Self.fresh(at: TestCluster.now.addingTimeInterval(at)), digest: digest))
        }
        // 30 s of good data: what is really wrong has paged by then.
        for t in stride(from: 2.0, through: 30, by: 2) { poll(t, good(t)) }
        // (node-d, offline, paged as the state loaded; the blocked instance waits out its 15 s hold.)
        #expect(paged.contains { $0.kind == "instances-at-risk" }, "the engine is on: \(paged.map { "\($0.kind) \($0.subject)" })")
        let before = paged.count
        // Three minutes of the fault.
        for t in stride(from: 32.0, through: 210, by: 2) { poll(t, .failure(error)) }
        let during = paged[before...]
        let expectedKind = row.fault == .unauthorized ? "authentication" : "connection"
        #expect(during.map(\.kind) == [expectedKind], "\(row.fault): \(during.map { "\($0.state) \($0.kind) \($0.subject)" })")
        #expect(during.allSatisfy { $0.state == "fired" })
        // The fault clears.
        let cleared = paged.count
        for t in stride(from: 212.0, through: 230, by: 2) { poll(t, good(t)) }
        let after = paged[cleared...]
        #expect(after.map { "\($0.state) \($0.kind)" } == ["resolved \(expectedKind)"],
                "\(row.fault): \(after.map { "\($0.state) \($0.kind) \($0.subject)" })")
    }
}
