import ClusterModel
import Foundation
import Testing
@testable import ClusterCLI

/// `apply` and `undo` warn of every write whose target is unhealthy now,
/// by the same rule as `assign` (`WriteGuard.targetRisk`).
@Suite struct WriteTargetRiskTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func live(defaultDown: Bool) -> LiveCluster {
        let nodes = [Node(name: "a", status: defaultDown ? .offline : .online, lastHeartbeatAt: now.addingTimeInterval(defaultDown ? -600 : -1)),
                     Node(name: "b", lastHeartbeatAt: now.addingTimeInterval(-1))]
        let snapshot = ClusterSnapshot(overview: Overview(thisNodeName: "a", defaultNodeName: "a", nodes: nodes, assignments: []),
                                       instancesKnown: true, takenAt: now)
        let risk = RiskContext(snapshot: snapshot, now: now)
        return LiveCluster(snapshot: snapshot, risk: risk, inputs: PlanInputs(snapshot: snapshot, risk: risk), now: now)
    }

    /// A write back to the default node while it was down (an unassign, an undo) was not warned of: only explicit targets were looked at.
    @Test func aWriteToADeadDefaultNodeIsARisk() {
        #expect(WriteGuard.targetRisk(.followsDefault, in: live(defaultDown: true))?.reason.contains("the default node a is down") == true)
        #expect(WriteGuard.targetRisk(.followsDefault, in: live(defaultDown: false)) == nil)
        #expect(WriteGuard.targetRisk(.explicit(node: "b", mode: .strict), in: live(defaultDown: true)) == nil)
        #expect(WriteGuard.targetRisk(.explicit(node: "zz", mode: .strict), in: live(defaultDown: false))?.reason.contains("not in the registry") == true)
    }
}
