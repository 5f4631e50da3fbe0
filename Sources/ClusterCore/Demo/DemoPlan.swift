import ClusterModel
import Foundation

/// The simulated nodes of the demo and how each behaves over time. Derived
/// from the node count alone, so the seeder and the simulator agree.
struct DemoPlan: Sendable {
    /// How a simulated node behaves.
    enum Behaviour: Sendable, Equatable {
        /// Heartbeats steadily.
        case steady
        /// Heartbeats, status `draining`.
        case draining
        /// Heartbeats for a while, goes silent (swept offline), restarts with a new pid.
        case flaky
        /// A long-dead `hostname-pid` record, offline for `days`.
        case ghost(days: Double)
    }

    /// One simulated node.
    struct SimNode: Sendable {
        var registration: NodeRegistration
        var behaviour: Behaviour
    }

    let nodes: [SimNode]

    /// `total` includes the real node, so `total - 1` are simulated.
    init(total: Int, baseVersion: String) {
        let simulated = max(0, total - 1)
        let ghosts = simulated >= 7 ? max(3, simulated * 3 / 10) : max(0, simulated - 4)
        let live = simulated - ghosts
        let width = String(live).count < 2 ? 2 : String(live).count
        var list: [SimNode] = []
        for i in 0..<live {
            let behaviour: Behaviour = i == 1 ? .draining : i == 2 ? .flaky : .steady
            let number = String(i)
            let name = i == 0 ? "core-main-1" : "worker-" + String(repeating: "0", count: max(0, width - number.count)) + number
            let tags = i % 3 == 0 ? ["eu-west"] : i % 3 == 1 ? ["gpu", "eu-west"] : []
            list.append(SimNode(
                registration: NodeRegistration(
                    name: name, role: i == 0 ? .main : (i % 10 == 5 ? .all : .worker),
                    url: "http://\(name).internal:3000", tags: tags, version: baseVersion,
                    hostname: "\(name).internal", pid: 1000 + i * 7),
                behaviour: behaviour))
        }
        for g in 0..<ghosts {
            let host = "ip-10-0-\(g / 250)-\(g % 250 + 10)"
            let pid = 4000 + g * 13
            list.append(SimNode(
                registration: NodeRegistration(
                    name: "\(host)-\(pid)", role: .all, url: g % 2 == 0 ? nil : "http://\(host):3000", tags: [],
                    version: g % 2 == 0 ? nil : "1.2.\(g % 5)", hostname: host, pid: pid),
                behaviour: .ghost(days: 1.5 + Double(g % 9))))
        }
        nodes = list
    }

    var liveNodes: [SimNode] { nodes.filter { if case .ghost = $0.behaviour { return false } else { return true } } }
    var ghostNodes: [SimNode] { nodes.filter { if case .ghost = $0.behaviour { return true } else { return false } } }
}
