import Foundation

/// What an entity is bound to: an explicit assignment row (node and mode),
/// or no row, so that it follows the cluster's default node. Plans, the
/// write journal and undo all speak in these.
public enum PlanBinding: Hashable, Sendable, CustomStringConvertible {
    case explicit(node: String, mode: AssignmentMode)
    case followsDefault

    /// The server's view of `row`: trimmed node name, and a mode that is
    /// stored as `strict` unless it is `preferred` (WriteCheck's rule).
    public init(_ row: Assignment?) {
        guard let row else { self = .followsDefault; return }
        self = .explicit(node: row.nodeName, mode: row.mode).normalized
    }

    /// The same binding as the server stores it, for comparisons.
    public var normalized: PlanBinding {
        guard case .explicit(let node, let mode) = self else { return self }
        return .explicit(node: node.trimmingCharacters(in: .whitespacesAndNewlines), mode: Self.storedMode(mode))
    }

    /// A mode as the server stores it: `preferred`, else `strict`. A mode
    /// kept from a server row goes through this, so an odd value a server
    /// sent is never written back, nor put in a script.
    public static func storedMode(_ mode: AssignmentMode) -> AssignmentMode { mode == .preferred ? .preferred : .strict }

    /// The node named by an explicit binding; `nil` for the default.
    public var node: String? {
        if case .explicit(let node, _) = self { return node }
        return nil
    }

    public var mode: AssignmentMode? {
        if case .explicit(_, let mode) = self { return mode }
        return nil
    }

    public var isExplicit: Bool { node != nil }

    /// `node-b (strict)` or `default`.
    public var description: String {
        switch self {
        case .explicit(let node, let mode): return "\(node) (\(mode))"
        case .followsDefault: return "default"
        }
    }

    /// The binding as plan files and the write journal write it:
    /// `{"node": …, "mode": …}` or `{"default": true}`.
    public var jsonObject: [String: Any] {
        switch self {
        case .explicit(let node, let mode): ["node": node, "mode": mode.rawValue]
        case .followsDefault: ["default": true]
        }
    }

    /// Reads `jsonObject`'s shape leniently (the journal); `nil` for anything
    /// else. Plan files are read strictly by `PlanCodec` instead.
    public init?(jsonObject raw: Any?) {
        guard let o = raw as? [String: Any] else { return nil }
        if o["default"] as? Bool == true { self = .followsDefault; return }
        guard let node = o["node"] as? String, let mode = o["mode"] as? String else { return nil }
        self = .explicit(node: node, mode: AssignmentMode(mode))
    }

    /// Whether the server holding `other` means this binding holds.
    public func matches(_ other: PlanBinding) -> Bool { normalized == other.normalized }
}

/// The assignment rows of one overview by entity: the current binding of
/// any entity in one lookup (plans check 1,000 items against one read).
public struct BindingIndex: Sendable {
    private let rows: [EntityKey: Assignment]

    public init(_ overview: Overview) {
        var rows: [EntityKey: Assignment] = [:]
        rows.reserveCapacity(overview.assignments.count)
        for a in overview.assignments { rows[a.key] = a }
        self.rows = rows
    }

    public init(rows: [EntityKey: Assignment]) { self.rows = rows }

    public func binding(of key: EntityKey) -> PlanBinding { PlanBinding(rows[key]) }
    public func row(of key: EntityKey) -> Assignment? { rows[key] }
}
