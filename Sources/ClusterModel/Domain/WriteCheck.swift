import Foundation

/// What a fresh read of the overview says about a write whose reply was
/// lost (`ClusterError.outcomeUnknown`): the binding asked for is there
/// (applied), or it is not. Shared by the CLI and the dashboard, so both
/// resolve an unknown outcome by the same rule (issue 13).
///
/// The rule follows the server: `nodeName` is trimmed, a missing or unknown
/// mode is stored as `strict`, and a reset leaves no assignment row. A write
/// that asked for what was already there counts as applied: the binding
/// the operator wanted holds either way.
public enum WriteCheck: Sendable, Equatable {
    /// The binding asked for is what the server holds now (`nil` for a reset).
    case applied(Assignment?)
    /// The server holds something else: the row it has, or `nil` for none.
    case notApplied(current: Assignment?)

    /// After `PUT key {nodeName, mode}`.
    public static func afterSet(
        _ key: EntityKey, nodeName: String, mode: AssignmentMode?, in overview: Overview
    ) -> WriteCheck {
        let row = overview.assignments.first { $0.key == key }
        let node = nodeName.trimmingCharacters(in: .whitespacesAndNewlines)
        let stored: AssignmentMode = mode == .preferred ? .preferred : .strict
        if let row, row.nodeName == node, row.mode == stored { return .applied(row) }
        return .notApplied(current: row)
    }

    /// After `DELETE key`: applied when no row is left.
    public static func afterDelete(_ key: EntityKey, in overview: Overview) -> WriteCheck {
        let row = overview.assignments.first { $0.key == key }
        return row == nil ? .applied(nil) : .notApplied(current: row)
    }
}
