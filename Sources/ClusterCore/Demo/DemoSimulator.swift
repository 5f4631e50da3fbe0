import ClusterModel
import Foundation

/// Moves the demo cluster along like a real one: live nodes heartbeat on
/// their own phase, the flaky node falls silent (and is swept offline by the
/// real sweep) and restarts with a new pid, and a rolling upgrade restarts
/// one live node at a time on the next version, round after round with a pause between.
actor DemoSimulator {
    let cluster: EmbeddedCluster
    let plan: DemoPlan
    let start: Date
    /// Seconds the flaky node stays up, then silent.
    let flakyUp: TimeInterval
    let flakyDown: TimeInterval
    /// Seconds between two steps of the rolling upgrade.
    let upgradeEvery: TimeInterval
    var lastBeat: [String: Date] = [:]
    var flakyCycle = 0
    var upgradeStep = 0
    var versions: [String: String] = [:]
    var restarts = 0

    init(cluster: EmbeddedCluster, options: DemoOptions) {
        self.cluster = cluster
        self.plan = DemoPlan(total: options.nodes, baseVersion: ClusterCoreInfo.version)
        self.start = cluster.clock.now()
        let hb = cluster.options.heartbeat
        flakyUp = max(20, 6 * hb)
        flakyDown = cluster.options.offlineAfter + cluster.options.effectiveSweepInterval + max(5, 1.5 * hb)
        upgradeEvery = max(15, 4.5 * hb)
    }

    /// One tick: heartbeats that are due, the flaky node, the upgrade.
    func step() async throws {
        let now = cluster.clock.now()
        let t = now.timeIntervalSince(start)
        let hb = cluster.options.heartbeat
        let cycleLength = flakyUp + flakyDown
        let cycle = Int(t / cycleLength)
        let flakyAlive = t.truncatingRemainder(dividingBy: cycleLength) < flakyUp
        var due: [String] = []
        for (i, sim) in plan.nodes.enumerated() {
            let name = sim.registration.name
            switch sim.behaviour {
            case .ghost: continue
            case .flaky:
                if cycle > flakyCycle {
                    flakyCycle = cycle
                    try await restart(sim)
                    continue
                }
                if !flakyAlive { continue }
            case .steady, .draining: break
            }
            // Each node's first beat is offset by its index, so ages differ.
            let last = lastBeat[name] ?? start.addingTimeInterval(-Double(i % max(1, Int(hb))))
            if now.timeIntervalSince(last) >= hb {
                due.append(name)
                lastBeat[name] = now
            }
        }
        try await cluster.heartbeat(nodes: due)
        try await rollUpgrade(t: t)
    }

    /// Between two rounds of the upgrade: long enough that the upgrade alone
    /// never reads as flapping (issue 22: 3 restarts in 10 minutes); only the
    /// flaky node flaps.
    static let pauseBetweenRounds: TimeInterval = 900

    /// Restarts one live node per `upgradeEvery` on the next patch version,
    /// one round over the live nodes, then a pause, as real upgrades go.
    func rollUpgrade(t: TimeInterval) async throws {
        let live = plan.liveNodes.filter { $0.behaviour != .draining }
        guard !live.isEmpty else { return }
        let roundLength = Double(live.count) * upgradeEvery + Self.pauseBetweenRounds
        let round = Int(t / roundLength)
        let target = round * live.count + min(live.count, Int((t - Double(round) * roundLength) / upgradeEvery))
        while upgradeStep < target {
            upgradeStep += 1
            let round = (upgradeStep - 1) / live.count
            var sim = live[(upgradeStep - 1) % live.count]
            sim.registration.version = "1.4.\(round + 1)"
            versions[sim.registration.name] = sim.registration.version
            try await restart(sim)
        }
    }

    /// A restart: same name, new pid and start time, current version.
    func restart(_ sim: DemoPlan.SimNode) async throws {
        var registration = sim.registration
        restarts += 1
        registration.pid = (registration.pid ?? 1000) + restarts * 101
        registration.version = versions[registration.name] ?? registration.version
        try await cluster.register(registration, status: sim.behaviour == .draining ? .draining : .online)
        lastBeat[registration.name] = cluster.clock.now()
    }
}

extension EmbeddedCluster {
    /// A simulator for this core's demo, for tests that step simulated time by hand.
    public func makeDemoSimulator() -> DemoStepper {
        DemoStepper(simulator: DemoSimulator(cluster: self, options: options.demo ?? DemoOptions()))
    }
}

/// A handle on the demo simulator: `step()` advances it by one tick at the core clock's current time.
public struct DemoStepper: Sendable {
    let simulator: DemoSimulator
    public func step() async throws { try await simulator.step() }
}
