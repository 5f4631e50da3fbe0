import Foundation

/// Picks the node each moving entity goes to: always the one node asked
/// for, or, to spread, the healthy node with the fewest entities bound,
/// counting the moves already planned (ties by name, so plans repeat).
struct TargetChooser {
    private var fixed: String?
    private var load: [(node: String, count: Int)] = []

    /// - Parameters:
    ///   - excluding: the node being evacuated, never a spread target.
    ///   - movers: each moving entity's current node: they leave it, so it
    ///     does not count against that node.
    init(_ target: PlanTarget, excluding: String?, movers: [String], inputs: PlanInputs) throws(PlanError) {
        // A name listed twice, or not valid UTF-8, does not name one node (issue 20).
        let problems = NodeNameProblems(inputs.overview.nodes)
        switch target {
        case .node(let name):
            guard inputs.health[name] != nil else {
                throw PlanError("node \"\(TextSanitizer.visible(name))\" is not in the cluster registry")
            }
            guard !problems.excludes(name) else {
                throw PlanError("node name \"\(TextSanitizer.visible(name))\" is listed more than once or is not valid UTF-8: "
                    + "it does not name one node")
            }
            fixed = name
        case .spread:
            var seen = Set<String>()
            let healthy = inputs.overview.nodes.map(\.name).filter { name in
                name != excluding && inputs.health[name] == .ok && !problems.excludes(name) && seen.insert(name).inserted
            }
            guard !healthy.isEmpty else {
                throw PlanError("no healthy node to spread onto: every other node is offline, draining, silent or late")
            }
            var counts = Self.bound(inputs)
            for node in movers { counts[node, default: 0] -= 1 }
            load = healthy.sorted().map { (node: $0, count: max(0, counts[$0] ?? 0)) }
        }
    }

    /// The target of the next entity.
    mutating func next() -> String {
        if let fixed { return fixed }
        var best = 0
        for i in load.indices.dropFirst() where load[i].count < load[best].count { best = i }
        load[best].count += 1
        return load[best].node
    }

    /// Entities bound to each node now: from the instance list when it is
    /// known (explicit and default), else the assignment rows.
    private static func bound(_ inputs: PlanInputs) -> [String: Int] {
        var counts: [String: Int] = [:]
        if inputs.instancesKnown {
            for i in inputs.instances { counts[i.nodeName, default: 0] += 1 }
        } else {
            for a in inputs.overview.assignments { counts[a.nodeName, default: 0] += 1 }
        }
        return counts
    }
}
