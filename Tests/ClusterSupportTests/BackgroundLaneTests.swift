import Foundation
import Testing
import ClusterSupport

/// The low-priority lane runs jobs one after another, in order, hands back
/// results and errors, and (on Linux) really runs at the lower priority.
@Suite struct BackgroundLaneTests {
    struct Boom: Error, Equatable {}

    /// Collects what the jobs did, in the order they did it.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Int] = []
        func add(_ i: Int) { lock.lock(); items.append(i); lock.unlock() }
        var all: [Int] { lock.lock(); defer { lock.unlock() }; return items }
    }

    @Test func runsJobsInOrderAndSyncWaitsForEarlierOnes() {
        let lane = BackgroundLane(name: "test-lane-order", nice: 5)
        let log = Log()
        for i in 0..<200 { lane.async { log.add(i) } }
        lane.sync {}
        #expect(log.all == Array(0..<200))
        #expect(lane.sync { 6 * 7 } == 42)
    }

    @Test func runHandsBackValuesAndErrors() async throws {
        let lane = BackgroundLane(name: "test-lane-run", nice: 5)
        let value = await lane.run { (1...100).reduce(0, +) }
        #expect(value == 5050)
        await #expect(throws: Boom.self) { try await lane.runThrowing { () throws -> Int in throw Boom() } }
        let ok = try await lane.runThrowing { "fine" }
        #expect(ok == "fine")
    }

    #if os(Linux)
    @Test func runsAtTheRequestedNiceValue() {
        let lane = BackgroundLane(name: "test-lane-nice", nice: 7)
        // `who` 0 is the calling thread on Linux: here, the lane's thread.
        let nice = lane.sync { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        let mine = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #expect(nice == min(19, mine + 7), "lane nice \(nice), test thread \(mine)")
        #expect(nice > mine || mine == 19)
    }
    #endif
}
