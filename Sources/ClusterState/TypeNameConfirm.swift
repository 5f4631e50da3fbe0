import ClusterModel
import ClusterWrites

/// Writes held on a `protected` context until its name is typed (issue 23):
/// every write — a form's rebind or reset, a plan, an undo — passes through
/// here, since it is held at the one place effects leave `update`.
package struct TypeNameConfirm: Sendable, Equatable {
    /// What the operator has typed so far.
    package var text = ""
    /// The write effects held (`write`, `applyPlan`).
    package var pending: [Effect]
    /// Said when Enter was pressed on a name that does not match.
    package var error: String?

    package init(pending: [Effect]) { self.pending = pending }

    /// One line per held write, for the confirmation.
    package var lines: [String] {
        pending.compactMap { effect in
            switch effect {
            case .write(_, let plan):
                return plan.items.first.map { "\(TextSanitizer.visible($0.key.description)): \($0.from) → \($0.to)" }
            case .applyPlan(let plan):
                return "a plan of \(plan.items.count) move\(plan.items.count == 1 ? "" : "s") (\(plan.id))"
            default:
                return nil
            }
        }
    }

    /// Whether `effect` is a write that must wait on a protected context.
    package static func holds(_ effect: Effect) -> Bool {
        switch effect {
        case .write, .applyPlan: true
        default: false
        }
    }
}
