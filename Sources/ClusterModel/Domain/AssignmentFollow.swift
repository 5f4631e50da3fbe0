import Foundation

/// Brings an instance list's bindings in line with an overview (issue 11):
/// the overview is polled every 2 s and carries every explicit binding, the
/// instance list only every 30 s, so after a change made elsewhere the rows
/// would lag the events pane by up to half a minute. An instance with an
/// assignment row takes its node and mode; one without follows the default
/// node (`preferred`, not explicit), as the server reports it.
public enum AssignmentFollow {
    /// The list with every binding the overview says differs patched, or
    /// `nil` when nothing differs (the common case: no copy is made).
    public static func patch(_ instances: [Instance], to overview: Overview) -> [Instance]? {
        var byKey: [EntityKey: Assignment] = [:]
        byKey.reserveCapacity(overview.assignments.count)
        for a in overview.assignments { byKey[a.key] = a }
        var patched: [Instance]?
        for (i, instance) in instances.enumerated() {
            let want = binding(instance, byKey[instance.key], defaultNode: overview.defaultNodeName)
            guard let want else { continue }
            if patched == nil { patched = instances }
            patched?[i].nodeName = want.node
            patched?[i].mode = want.mode
            patched?[i].explicit = want.explicit
        }
        return patched
    }

    /// The binding `instance` should show, or `nil` if it already does.
    private static func binding(
        _ instance: Instance, _ row: Assignment?, defaultNode: String
    ) -> (node: String, mode: AssignmentMode, explicit: Bool)? {
        if let row {
            if instance.explicit && instance.nodeName == row.nodeName && instance.mode == row.mode { return nil }
            return (row.nodeName, row.mode, true)
        }
        // No row: the default node, unless the overview does not name one.
        guard !defaultNode.isEmpty else { return nil }
        if !instance.explicit && instance.nodeName == defaultNode && instance.mode == .preferred { return nil }
        return (defaultNode, .preferred, false)
    }
}
