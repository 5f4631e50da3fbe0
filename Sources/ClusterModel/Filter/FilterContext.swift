import Foundation

/// What filter terms need besides the row itself: the snapshot (node
/// registry, this/default node) and the risk classification at one moment.
/// Build once per snapshot and clock tick, not per row.
public struct FilterContext: Sendable {
    public let snapshot: ClusterSnapshot
    public let risk: RiskContext
    /// Nodes the recorded history says are flapping (issue 22), for `is:flapping`.
    public let flapping: Set<String>
    /// The cluster's context name, for `ctx:` (issue 23); empty when it has none.
    public let context: String

    public init(snapshot: ClusterSnapshot, risk: RiskContext, flapping: Set<String> = [], context: String = "") {
        self.snapshot = snapshot
        self.risk = risk
        self.flapping = flapping
        self.context = context
    }
}

/// Why a filter text could not be parsed, and where (a character offset
/// into the text, 0-based) so the input line can point at it.
public struct FilterParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var position: Int
    public init(message: String, position: Int) { self.message = message; self.position = position }
    public var description: String { message }
}
