import Foundation
import Testing
import ClusterModel

/// Issue 21: `check`'s verdict from counts, by the thresholds.
@Suite struct MonitoringCheckTests {
    func nodes(ok: Int = 3, late: Int = 0, silent: Int = 0, offline: Int = 0, ghosts: Int = 0) -> NodeSummary {
        var s = NodeSummary()
        s.online = ok; s.late = late; s.stale = silent; s.offline = offline; s.ghosts = ghosts
        s.total = ok + late + silent + offline + ghosts
        return s
    }

    func instances(atRisk: Int) -> InstanceSummary {
        var s = InstanceSummary()
        s.total = 10; s.atRisk = atRisk
        return s
    }

    @Test func healthyIsOKAndSaysWhatItCounted() {
        let check = MonitoringCheck(nodes: nodes(ghosts: 2), instances: instances(atRisk: 0), latency: 0.0123)
        #expect(check.status == .ok)
        #expect(check.line == "CLUSTER OK - 3 nodes: 3 ok; 0 of 10 instances at risk | 'nodes_ok'=3;;;0 'nodes_late'=0;1;;0 "
            + "'nodes_down'=0;;1;0 'nodes_draining'=0;;;0 'nodes_ghost'=2;;;0 'instances_at_risk'=0;1;;0 'latency'=0.012s;;;0")
    }

    @Test func lateWarnsDownIsCriticalAndTheWorstWins() {
        #expect(MonitoringCheck(nodes: nodes(late: 1), instances: instances(atRisk: 0), latency: 0).status == .warning)
        #expect(MonitoringCheck(nodes: nodes(offline: 1), instances: instances(atRisk: 0), latency: 0).status == .critical)
        #expect(MonitoringCheck(nodes: nodes(late: 2, silent: 1), instances: instances(atRisk: 4), latency: 0).status == .critical)
        #expect(MonitoringCheck(nodes: nodes(), instances: instances(atRisk: 1), latency: 0).status == .warning)
    }

    /// Ghosts (old records of restarted nodes) are never "down".
    @Test func ghostsAreNotDown() {
        #expect(MonitoringCheck(nodes: nodes(ghosts: 40), instances: instances(atRisk: 0), latency: 0).status == .ok)
    }

    @Test func thresholdsMoveTheVerdict() {
        var t = MonitoringCheck.Thresholds()
        t.lateWarning = 3; t.lateCritical = 5; t.downCritical = nil; t.downWarning = 1
        #expect(MonitoringCheck(nodes: nodes(late: 2), instances: instances(atRisk: 0), latency: 0, thresholds: t).status == .ok)
        #expect(MonitoringCheck(nodes: nodes(late: 5), instances: instances(atRisk: 0), latency: 0, thresholds: t).status == .critical)
        #expect(MonitoringCheck(nodes: nodes(offline: 2), instances: instances(atRisk: 0), latency: 0, thresholds: t).status == .warning)
        #expect(MonitoringCheck(unknown: "connection refused").line == "CLUSTER UNKNOWN - connection refused")
    }
}
