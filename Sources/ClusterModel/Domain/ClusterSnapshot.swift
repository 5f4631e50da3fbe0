import Foundation

/// Everything the dashboard knows about the cluster at one moment: the last
/// overview and instance list plus the indexes every view needs, built once
/// per changed poll so that views and filters never scan for lookups.
public struct ClusterSnapshot: Sendable {
    public var overview: Overview
    public var instances: [Instance]
    /// False until the first instance list arrived (the list is polled less often).
    public var instancesKnown: Bool
    /// The server's clock when the overview was taken (skew-corrected "now").
    public var takenAt: Date

    public private(set) var nodesByName: [String: Node]
    /// Names listed twice or not valid UTF-8: warned about, never a plan's target (issue 20).
    public private(set) var nameProblems: NodeNameProblems
    public private(set) var assignmentsByKey: [EntityKey: Assignment]
    /// Instances bound to each node name (explicit or default).
    public private(set) var boundCount: [String: Int]
    /// Bumped whenever the assignments or the default node change: names
    /// the bindings the instance rows must show (`bindingSource`).
    public private(set) var bindingGeneration = 0

    public init(overview: Overview, instances: [Instance] = [], instancesKnown: Bool = false, takenAt: Date) {
        self.init(overview: overview, instances: instances, instancesKnown: instancesKnown, takenAt: takenAt,
                  assignmentsByKey: Self.index(overview.assignments))
    }

    private init(
        overview: Overview, instances: [Instance], instancesKnown: Bool, takenAt: Date,
        assignmentsByKey: [EntityKey: Assignment]
    ) {
        self.overview = overview
        self.instances = instances
        self.instancesKnown = instancesKnown
        self.takenAt = takenAt
        var byName: [String: Node] = [:]
        byName.reserveCapacity(overview.nodes.count)
        for n in overview.nodes where byName[n.name] == nil { byName[n.name] = n }
        nodesByName = byName
        nameProblems = NodeNameProblems(overview.nodes)
        self.assignmentsByKey = assignmentsByKey
        var counts: [String: Int] = [:]
        for i in instances { counts[i.nodeName, default: 0] += 1 }
        boundCount = counts
    }

    private static func index(_ assignments: [Assignment]) -> [EntityKey: Assignment] {
        var byKey: [EntityKey: Assignment] = [:]
        byKey.reserveCapacity(assignments.count)
        for a in assignments { byKey[a.key] = a }
        return byKey
    }

    public var thisNodeName: String { overview.thisNodeName }
    public var defaultNodeName: String { overview.defaultNodeName }
    public var nodes: [Node] { overview.nodes }

    /// A copy with a new overview, keeping the instance list.
    /// The instance-side index (`boundCount`) is kept, not rebuilt: it depends
    /// only on the instances (issue 6: an O(100,000) pass per overview poll).
    public func replacing(overview: Overview, takenAt: Date) -> ClusterSnapshot {
        // Assignments seldom change while heartbeats change every poll: an
        // equal list keeps its index (7,000 hashed keys at S2).
        let sameAssignments = overview.assignments == self.overview.assignments
        let byKey = sameAssignments ? assignmentsByKey : Self.index(overview.assignments)
        var copy = ClusterSnapshot(
            overview: overview, instances: [], instancesKnown: instancesKnown, takenAt: takenAt, assignmentsByKey: byKey)
        copy.instances = instances
        copy.boundCount = boundCount
        let sameBindings = sameAssignments && overview.defaultNodeName == defaultNodeName
        copy.bindingGeneration = sameBindings ? bindingGeneration : bindingGeneration + 1
        return copy
    }

    /// The bindings the instance rows must show: this overview's.
    public var bindingSource: RowBindingSource {
        RowBindingSource(assignments: assignmentsByKey, defaultNode: defaultNodeName, generation: bindingGeneration)
    }

    /// A copy with a new instance list, keeping the overview.
    public func replacing(instances: [Instance]) -> ClusterSnapshot {
        var copy = ClusterSnapshot(overview: overview, instances: instances, instancesKnown: true, takenAt: takenAt)
        copy.bindingGeneration = bindingGeneration
        return copy
    }

    /// The same, with `boundCount` already counted (off the UI thread) by
    /// the caller: it must equal what `init` would count for `instances`.
    /// The overview's indexes are kept as they are.
    public func replacing(instances: [Instance], boundCount: [String: Int]) -> ClusterSnapshot {
        var copy = self
        copy.instances = instances
        copy.instancesKnown = true
        copy.boundCount = boundCount
        return copy
    }
}
