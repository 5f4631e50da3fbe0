import ClusterModel

/// Which overlay a value is, for the ones a reply can come back to (a form
/// sent a write, a plan is being applied): one way to find, replace and
/// close an overlay (issue 19: each overlay had its own find/replace/close).
package enum OverlayID: Hashable, Sendable {
    case rebind(Int), bulk(Int), plan(Int), reset(EntityKey), alerts, fleet, typeName, problems, changes, asOf, export, palette, confirmAction, actionOutput, columns, merged
}

extension Overlay {
    /// The overlay's identity, when a reply may come back to it.
    package var id: OverlayID? {
        switch self {
        case .rebind(let form): .rebind(form.id)
        case .bulk(let form): .bulk(form.id)
        case .plan(let review): .plan(review.id)
        case .confirmReset(let confirm): .reset(confirm.key)
        case .alerts: .alerts
        case .fleet: .fleet
        case .typeName: .typeName
        case .problems: .problems
        case .changes: .changes
        case .asOf: .asOf
        case .export: .export
        case .palette: .palette
        case .confirmAction: .confirmAction
        case .actionOutput: .actionOutput
        case .columns: .columns
        case .merged: .merged
        case .help, .nodeDetails, .instanceDetails, .contextPicker: nil
        }
    }
}

/// The overlay stack's operations: open on top, find, replace and close by identity.
extension Array where Element == Overlay {
    /// The newest overlay with this identity.
    package func find(_ id: OverlayID) -> Overlay? { last { $0.id == id } }

    /// Puts `overlay` where the overlay with its identity is; nothing when that one was closed.
    package mutating func replace(_ overlay: Overlay) {
        guard let id = overlay.id, let index = lastIndex(where: { $0.id == id }) else { return }
        self[index] = overlay
    }

    /// Closes the overlay with this identity, wherever it is in the stack.
    package mutating func close(_ id: OverlayID) { removeAll { $0.id == id } }
}
