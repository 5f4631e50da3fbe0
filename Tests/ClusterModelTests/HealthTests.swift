import Foundation
import Testing
import ClusterModel

/// HeartbeatHealth at each threshold boundary (interval 10 s: late after 15 s, stale after 30 s, ghost after a day).
@Suite struct HealthTests {
    func health(_ status: NodeStatus, _ age: TimeInterval?) -> HeartbeatHealth {
        node("n", status: status, age: age).health(now: t0)
    }

    @Test func onlineBoundaries() {
        #expect(health(.online, 0) == .ok)
        #expect(health(.online, 15) == .ok)
        #expect(health(.online, 15.001) == .late)
        #expect(health(.online, 30) == .late)
        #expect(health(.online, 30.001) == .stale)
        #expect(health(.online, nil) == .stale, "never heard from")
        #expect(health(.online, -5) == .ok, "a heartbeat from the future (skew) is fresh")
    }

    @Test func drainingAndOfflineBoundaries() {
        #expect(health(.draining, 500) == .draining)
        #expect(health(.draining, nil) == .draining)
        #expect(health(.draining, 86_400) == .draining)
        #expect(health(.draining, 86_400.5) == .ghost)
        #expect(health(.offline, 86_400) == .offline)
        #expect(health(.offline, 86_400.5) == .ghost)
        #expect(health(.offline, nil) == .ghost)
    }

    @Test func unknownStatusIsJudgedByHeartbeat() {
        #expect(health(NodeStatus("quarantined"), 1) == .ok)
        #expect(health(NodeStatus("quarantined"), 31) == .stale)
    }

    @Test func downAndLive() {
        #expect(HeartbeatHealth.allCases.filter(\.isDown) == [.stale, .offline, .ghost])
        #expect(HeartbeatHealth.allCases.filter { !$0.isLive } == [.ghost])
    }
}
