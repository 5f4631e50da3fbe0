import Foundation

/// Why an instance's work may not be running where the operator thinks it is
/// (ARCHITECTURE.md, "Facts about the API": mode semantics). `none` means nothing to worry about.
///
/// `Comparable` orders by severity, not by declaration order:
/// none < defaultDown < fallingBack < blocked < orphan, so a descending sort
/// puts the worst first. The same order is the precedence when several rules
/// apply (orphan > blocked > fallingBack > defaultDown).
public enum Risk: String, Sendable, Hashable, CaseIterable, Comparable {
    case none, blocked, fallingBack, orphan, defaultDown

    /// Short upper-case badge for tables; empty for `none`.
    public var label: String {
        switch self {
        case .none: return ""
        case .blocked: return "BLOCKED"
        case .fallingBack: return "FALLBACK"
        case .orphan: return "ORPHAN"
        case .defaultDown: return "DEFAULT DOWN"
        }
    }

    /// The badge for a narrow column: at most six columns, never a cut word.
    public var shortLabel: String {
        switch self {
        case .none: return ""
        case .blocked: return "BLOCK"
        case .fallingBack: return "FALLBK"
        case .orphan: return "ORPHAN"
        case .defaultDown: return "DFLT↓"
        }
    }

    /// One sentence telling the operator what the badge means.
    public var explanation: String {
        switch self {
        case .none: return "Bound to a healthy node."
        case .blocked:
            return "Strictly bound to a node that is down or draining: its work queues until that node is back."
        case .fallingBack:
            return "Prefers a node that is down, so its work is running on the default node instead."
        case .orphan:
            return "Bound to a node that is missing from the cluster registry: its work cannot run until it is rebound."
        case .defaultDown:
            return "Not explicitly bound, and the default node it falls back to is down or missing."
        }
    }

    /// Severity rank used by `<` and for precedence.
    public var severity: Int {
        switch self {
        case .none: return 0
        case .defaultDown: return 1
        case .fallingBack: return 2
        case .blocked: return 3
        case .orphan: return 4
        }
    }

    public var isAtRisk: Bool { self != .none }

    public static func < (a: Risk, b: Risk) -> Bool { a.severity < b.severity }

    /// The rules in one place, shared by `RiskContext` and the search index.
    ///
    /// - Parameters:
    ///   - explicit: an assignment row exists.
    ///   - mode: the binding mode; anything but `preferred` counts as strict,
    ///     as the server stores an unknown mode as `strict`.
    ///   - nodeHealth: health of the instance's node, `nil` when the name is not in the registry.
    ///   - defaultHealth: health of the cluster's default node, `nil` when missing; used
    ///     when a defaulted instance reports no node name.
    ///   - hasNodeName: whether the instance names a node at all.
    public static func evaluate(
        explicit: Bool, mode: AssignmentMode, nodeHealth: HeartbeatHealth?,
        hasNodeName: Bool, defaultHealth: HeartbeatHealth?
    ) -> Risk {
        if explicit {
            guard let h = nodeHealth else { return .orphan }
            if mode == .preferred { return h.isDown ? .fallingBack : .none }
            return (h.isDown || h == .draining) ? .blocked : .none
        }
        let h = hasNodeName ? nodeHealth : defaultHealth
        guard let h, !h.isDown else { return .defaultDown }
        return .none
    }
}

/// Everything needed to classify instances by `Risk` for one snapshot at one
/// moment: node health is computed once per node so `risk(of:)` is a single
/// dictionary lookup.
///
/// Explicitness, mode and node come from the instance row (the server's view
/// when the list was fetched); the overview's assignment rows are not
/// overlaid, so a fresh rebind shows its new risk at the next instance poll.
public struct RiskContext: Sendable {
    public let now: Date
    public let thresholds: HeartbeatThresholds
    /// Health of every registered node by name.
    public let nodeHealth: [String: HeartbeatHealth]
    /// Health of the overview's default node; `nil` when it is not registered.
    public let defaultHealth: HeartbeatHealth?

    public init(snapshot: ClusterSnapshot, now: Date, thresholds: HeartbeatThresholds = .standard) {
        self.now = now
        self.thresholds = thresholds
        var health: [String: HeartbeatHealth] = [:]
        health.reserveCapacity(snapshot.nodesByName.count)
        for (name, node) in snapshot.nodesByName { health[name] = node.health(now: now, thresholds: thresholds) }
        nodeHealth = health
        defaultHealth = health[snapshot.defaultNodeName]
    }

    public func health(ofNode name: String) -> HeartbeatHealth? { nodeHealth[name] }

    public func risk(of instance: Instance) -> Risk {
        let hasName = !instance.nodeName.isEmpty
        return Risk.evaluate(
            explicit: instance.explicit, mode: instance.mode,
            nodeHealth: hasName ? nodeHealth[instance.nodeName] : nil,
            hasNodeName: hasName, defaultHealth: defaultHealth)
    }
}

extension ClusterSnapshot {
    /// Assignment rows whose entity is not in the instance list (deleted
    /// entities whose row was never cleaned up). Empty until instances are known.
    public func danglingAssignments() -> [Assignment] {
        guard instancesKnown else { return [] }
        var keys = Set<EntityKey>(minimumCapacity: instances.count)
        for i in instances { keys.insert(i.key) }
        return overview.assignments.filter { !keys.contains($0.key) }
    }
}
