import Foundation

/// One planned write: move `key` from the binding it had when the plan was
/// made to `to` (a PUT, or a DELETE when `to` follows the default).
public struct PlanItem: Hashable, Sendable {
    public var key: EntityKey
    /// The entity's display name when planned (its id when unknown).
    public var name: String
    /// The binding when planned: the precondition checked before the write.
    public var from: PlanBinding
    /// The node the entity ran on (or fell back to) when planned, for display.
    public var fromNode: String
    public var to: PlanBinding
    /// Where the item would stand after the move, set by `MovePlan.annotated`.
    public var riskAfter: Risk?

    public init(key: EntityKey, name: String, from: PlanBinding, fromNode: String, to: PlanBinding, riskAfter: Risk? = nil) {
        self.key = key; self.name = name; self.from = from; self.fromNode = fromNode; self.to = to
        self.riskAfter = riskAfter
    }

    /// The node the entity runs on after the move: the target, or the default node.
    public func nodeAfter(defaultNode: String) -> String { to.node ?? defaultNode }
}

/// A batch of moves, as planned and before anything is sent: the same value
/// is shown in the dashboard's plan view, printed by `clustertui plan`,
/// written to a file for `clustertui apply`, and journalled as one batch.
public struct MovePlan: Hashable, Sendable {
    /// What made the plan.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case rebind, evacuate, undo
    }

    /// The plan's id: `20261202-013045-` and 16 hex digits of randomness.
    public var id: String
    public var kind: Kind
    /// One line saying what the plan does: "evacuate node-c (spread)".
    public var summary: String
    public var createdAt: Date
    /// The context name and base URL the plan was made against (`nil`: unknown).
    public var context: String?
    public var url: String?
    public var items: [PlanItem]
    /// Entities that were asked for but are already where the plan would put them.
    public var unchanged: Int
    /// Things to read before applying, set by `annotated` for the cluster as it is.
    public var warnings: [String]
    /// What the planner left out and why ("40 entities follow node-a…").
    public var notes: [String]

    public init(
        id: String, kind: Kind, summary: String, createdAt: Date, context: String? = nil, url: String? = nil,
        items: [PlanItem], unchanged: Int = 0, warnings: [String] = [], notes: [String] = []
    ) {
        self.id = id; self.kind = kind; self.summary = summary; self.createdAt = createdAt
        self.context = context; self.url = url; self.items = items; self.unchanged = unchanged; self.warnings = warnings
        self.notes = notes
    }

    /// Moves per target, most first (the default node as "default"), counted once.
    public var countsByTarget: [(target: String, count: Int)] {
        var counts: [String: Int] = [:]
        for item in items { counts[item.to.node ?? "default", default: 0] += 1 }
        return counts.map { (target: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.target < $1.target }
    }

    /// A new batch id from a time and a random number: sortable, short, unique enough.
    public static func newID(at date: Date, random: UInt64) -> String {
        let stamp = WireDate.format(date)  // 2026-12-02T01:30:45.123Z
        let digits = stamp.filter(\.isNumber)
        let day = String(digits.prefix(8)), time = String(digits.dropFirst(8).prefix(6))
        let suffix = String(random, radix: 16)
        return "\(day)-\(time)-\(String(repeating: "0", count: 16 - suffix.count))\(suffix)"
    }
}

extension MovePlan {
    /// A plan of one write, as the dashboard's forms and the CLI's `assign`
    /// and `unassign` hand it to the write engine (issue 19: every write is
    /// a plan).
    public static func single(_ item: PlanItem, at date: Date) -> MovePlan {
        let verb = item.to.isExplicit ? "rebind" : "reset"
        return MovePlan(id: newID(at: date, random: UInt64.random(in: 0...UInt64.max)), kind: .rebind,
                        summary: "\(verb) \(item.key) to \(item.to)", createdAt: date, items: [item])
    }
}
