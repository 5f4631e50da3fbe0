import Foundation

extension MovePlan {
    /// The plan with each item's risk after the move and the warnings an
    /// operator should read before applying, for the cluster as `inputs`
    /// sees it. `apply` runs this again on a fresh read: a plan file's
    /// warnings were true when it was made, not necessarily now.
    public func annotated(_ inputs: PlanInputs) -> MovePlan {
        var copy = self
        let defaultNode = inputs.defaultNode
        let defaultHealth = inputs.health[defaultNode]
        for i in copy.items.indices {
            let to = copy.items[i].to
            let node = to.node ?? defaultNode
            copy.items[i].riskAfter = Risk.evaluate(
                explicit: to.isExplicit, mode: to.mode ?? .preferred, nodeHealth: inputs.health[node],
                hasNodeName: !node.isEmpty, defaultHealth: defaultHealth)
        }
        copy.warnings = PlanWarnings.of(copy, inputs)
        return copy
    }
}

/// The rules behind a plan's warnings: a move whose risk after (the
/// `Risk` rules, as its RISK column says) is blocked, falling back or
/// orphaned, everything onto one node, preferred work onto the default node.
enum PlanWarnings {
    static func of(_ plan: MovePlan, _ inputs: PlanInputs) -> [String] {
        var out: [String] = []
        var byRisk: [Risk: [String: Int]] = [:]
        var preferredOnDefault = 0
        for item in plan.items {
            guard case .explicit(let node, let mode) = item.to else { continue }
            if let risk = item.riskAfter, risk != .none { byRisk[risk, default: [:]][node, default: 0] += 1 }
            if mode == .preferred, node == inputs.defaultNode { preferredOnDefault += 1 }
        }
        let said: [(Risk, String, String)] = [
            (.blocked, "strict ", "their work is blocked until it is back"),
            // A preferred binding to a dead node falls back: the move changes nothing until it is back.
            (.fallingBack, "preferred ", "their work falls back to the default node until it is back"),
            (.orphan, "", "their work cannot run until they are bound elsewhere"),
        ]
        for (risk, kind, consequence) in said {
            for (node, count) in (byRisk[risk] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out.append("\(count) \(kind)\(moves(count)) onto \(node), which \(state(node, inputs)): \(consequence)")
            }
        }
        let targets = plan.countsByTarget
        // The other healthy nodes: not the target ("though 4 nodes are healthy" of 3 others), nor the node evacuated.
        let sources = Set(plan.items.map(\.fromNode))
        let otherHealthy = targets.count == 1
            ? inputs.health.filter { $0.value == .ok && $0.key != targets[0].target && !sources.contains($0.key) }.count : 0
        if plan.items.count > 1, targets.count == 1, targets[0].target != "default", otherHealthy > 0 {
            out.append("all \(plan.items.count) moves go to \(targets[0].target), though \(otherHealthy) other "
                       + "\(otherHealthy == 1 ? "node is" : "nodes are") healthy")
        }
        if preferredOnDefault > 0 {
            out.append("\(preferredOnDefault) preferred \(moves(preferredOnDefault)) onto \(inputs.defaultNode), the default "
                       + "node: preferred work falls back there anyway, so these bindings change nothing")
        }
        return out
    }

    private static func moves(_ n: Int) -> String { n == 1 ? "move" : "moves" }

    private static func state(_ node: String, _ inputs: PlanInputs) -> String {
        inputs.health[node].map { "is \($0.rawValue)" } ?? "is not in the registry"
    }
}
