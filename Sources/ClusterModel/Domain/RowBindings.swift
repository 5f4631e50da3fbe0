import Foundation

/// Where an instance row's binding comes from: the overview's assignments
/// (issue 19: one fact, one place). The overview is polled every 2 s and
/// carries every explicit binding; the instance list, polled every 30 s,
/// only names the instances. A row with an assignment takes its node and
/// mode; one without follows the default node (`preferred`, not explicit),
/// as the server reports it.
///
/// `generation` names the data: a snapshot bumps it whenever the
/// assignments or the default node change, so two sources with the same
/// generation from one snapshot line hold the same bindings, and equality
/// compares the generation alone (no 7,000-key comparison per poll).
public struct RowBindingSource: Sendable, Equatable {
    public let assignments: [EntityKey: Assignment]
    public let defaultNode: String
    public let generation: Int

    public init(assignments: [EntityKey: Assignment], defaultNode: String, generation: Int) {
        self.assignments = assignments; self.defaultNode = defaultNode; self.generation = generation
    }

    public static func == (a: RowBindingSource, b: RowBindingSource) -> Bool { a.generation == b.generation }

    /// `instances` with every binding the source says differs replaced, or
    /// `nil` when every row already agrees (the common case: no copy made).
    public func bind(_ instances: [Instance]) -> [Instance]? {
        var bound: [Instance]?
        for (i, instance) in instances.enumerated() {
            guard let want = binding(instance) else { continue }
            if bound == nil { bound = instances }
            bound?[i].nodeName = want.node
            bound?[i].mode = want.mode
            bound?[i].explicit = want.explicit
        }
        return bound
    }

    /// The binding `instance` should show, or `nil` if it already does.
    private func binding(_ instance: Instance) -> (node: String, mode: AssignmentMode, explicit: Bool)? {
        if let row = assignments[instance.key] {
            if instance.explicit && instance.nodeName == row.nodeName && instance.mode == row.mode { return nil }
            return (row.nodeName, row.mode, true)
        }
        // No row: the default node, unless the overview does not name one.
        guard !defaultNode.isEmpty else { return nil }
        if !instance.explicit && instance.nodeName == defaultNode && instance.mode == .preferred { return nil }
        return (defaultNode, .preferred, false)
    }
}
