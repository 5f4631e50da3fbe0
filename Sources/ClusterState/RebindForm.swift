import ClusterModel
import Foundation

/// The modal form that rebinds one instance to a node and mode.
///
/// It remembers the binding it saw when it opened, so that just before the
/// PUT it can tell whether someone else changed it meanwhile. Choices survive
/// a server error: the form stays open with the error inside.
package struct RebindForm: Sendable, Equatable {
    /// The parts of the form that take keys, in `Tab` order.
    package enum Field: Int, Sendable, CaseIterable, Equatable { case picker, mode, apply, cancel }

    /// Where the form is in its life: editing, asking, or waiting on the server.
    package enum Phase: Sendable, Equatable {
        case editing
        /// The target is risky: `y` goes on, anything else goes back.
        case confirmRisk(reason: String)
        /// Someone else changed the binding since the form opened.
        case conflict(detail: String)
        /// With the write engine: precondition read, PUT, and a re-read if
        /// the answer says nothing.
        case sending
    }

    package let id: Int
    package let instance: Instance
    /// The explicit row when the form opened (or after a conflict was shown).
    package var assignmentSeen: Assignment?
    package var pickerText = ""
    /// Name of the node the picker points at; survives list refreshes.
    package var selectedNode: String?
    package var mode: AssignmentMode
    package var field: Field = .picker
    package var phase: Phase = .editing
    package var error: String?

    package var key: EntityKey { instance.key }

    package init(id: Int, instance: Instance, assignment: Assignment?) {
        self.id = id
        self.instance = instance
        self.assignmentSeen = assignment
        self.selectedNode = instance.nodeName
        // A form opens on what is there now; a default binding proposes
        // `preferred`, the mode that degrades gracefully (destructive options default off).
        self.mode = assignment?.mode ?? (instance.explicit ? instance.mode : .preferred)
    }

    /// Nodes the picker offers, live first; ghosts only when the typed text names them.
    package static func candidates(in snapshot: ClusterSnapshot, text: String, now: Date, thresholds: HeartbeatThresholds) -> [Node] {
        let needle = text.lowercased()
        let sorted = snapshot.sortedNodes(by: nil, now: now, thresholds: thresholds, defaultOrder: .liveFirst)
        return sorted.filter { node in
            if needle.isEmpty { return node.health(now: now, thresholds: thresholds) != .ghost }
            return node.name.lowercased().contains(needle)
        }
    }

    /// Why sending to `node` with `mode` needs an explicit yes, or `nil` if it does not.
    package static func riskReason(node: Node?, name: String, mode: AssignmentMode, now: Date, thresholds: HeartbeatThresholds) -> String? {
        WriteRisk.reason(node: node, name: name, mode: mode, now: now, thresholds: thresholds)
    }
}

/// The confirmation before a reset to the default node (DELETE).
package struct ResetConfirm: Sendable, Equatable {
    package let instance: Instance
    package let defaultNode: String
    /// With the write engine: precondition read, DELETE, and a re-read if the answer says nothing.
    package var sending = false
    package var error: String?

    package init(instance: Instance, defaultNode: String, sending: Bool = false, error: String? = nil) {
        self.instance = instance; self.defaultNode = defaultNode; self.sending = sending; self.error = error
    }
    package var key: EntityKey { instance.key }
}
