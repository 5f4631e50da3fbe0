import ClusterModel
import Foundation

/// The modal form that rebinds one instance to a node and mode.
///
/// It remembers the binding it saw when it opened, so that just before the
/// PUT it can tell whether someone else changed it meanwhile. Choices survive
/// a server error: the form stays open with the error inside.
struct RebindForm: Sendable, Equatable {
    /// The parts of the form that take keys, in `Tab` order.
    enum Field: Int, Sendable, CaseIterable, Equatable { case picker, mode, apply, cancel }

    /// Where the form is in its life: editing, asking, or waiting on the server.
    enum Phase: Sendable, Equatable {
        case editing
        /// The target is risky: `y` goes on, anything else goes back.
        case confirmRisk(reason: String)
        /// Re-reading the overview to catch a concurrent change.
        case checking
        /// Someone else changed the binding since the form opened.
        case conflict(detail: String)
        case sending
        /// The reply was lost: re-reading to learn whether it was applied.
        case verifying
    }

    let id: Int
    let instance: Instance
    /// The explicit row when the form opened (or after a conflict was shown).
    var assignmentSeen: Assignment?
    var pickerText = ""
    /// Name of the node the picker points at; survives list refreshes.
    var selectedNode: String?
    var mode: AssignmentMode
    var field: Field = .picker
    var phase: Phase = .editing
    var error: String?

    var key: EntityKey { instance.key }

    init(id: Int, instance: Instance, assignment: Assignment?) {
        self.id = id
        self.instance = instance
        self.assignmentSeen = assignment
        self.selectedNode = instance.nodeName
        // A form opens on what is there now; a default binding proposes
        // `preferred`, the mode that degrades gracefully (destructive options default off).
        self.mode = assignment?.mode ?? (instance.explicit ? instance.mode : .preferred)
    }

    /// Nodes the picker offers, live first; ghosts only when the typed text names them.
    static func candidates(in snapshot: ClusterSnapshot, text: String, now: Date, thresholds: HeartbeatThresholds) -> [Node] {
        let needle = text.lowercased()
        let sorted = snapshot.sortedNodes(by: nil, now: now, thresholds: thresholds)
        return sorted.filter { node in
            if needle.isEmpty { return node.health(now: now, thresholds: thresholds) != .ghost }
            return node.name.lowercased().contains(needle)
        }
    }

    /// Why sending to `node` with `mode` needs an explicit yes, or `nil` if it does not.
    static func riskReason(node: Node?, name: String, mode: AssignmentMode, now: Date, thresholds: HeartbeatThresholds) -> String? {
        guard let node else { return "node \"\(name)\" is not in the registry" }
        let health = node.health(now: now, thresholds: thresholds)
        switch health {
        case .ok, .late:
            return nil
        case .draining:
            return "\(name) is draining: it takes no new work"
        case .stale:
            return mode == .strict
                ? "\(name) has not heartbeated for \(AgeFormat.compact(node.heartbeatAge(now: now))): strict work will queue"
                : "\(name) has not heartbeated for \(AgeFormat.compact(node.heartbeatAge(now: now)))"
        case .offline, .ghost:
            return mode == .strict
                ? "\(name) is offline: strict work will be blocked until it returns"
                : "\(name) is offline: the instance will fall back to the default node"
        }
    }
}

/// The confirmation before a reset to the default node (DELETE).
struct ResetConfirm: Sendable, Equatable {
    let instance: Instance
    let defaultNode: String
    var sending = false
    /// The reply was lost: re-reading to learn whether the reset was applied.
    var verifying = false
    var error: String?
    var key: EntityKey { instance.key }
}
