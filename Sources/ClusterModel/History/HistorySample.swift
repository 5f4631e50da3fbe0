import Foundation

/// What one successful overview poll gives the recorder (issue 22). Made on
/// the UI thread from values the state already holds (copy-on-write: no
/// copying there); everything else happens off it.
public struct HistorySample: Sendable, Equatable {
    /// When the poll's data arrived, on this machine's clock.
    public var at: Date
    /// How often the overview is polled: a longer silence is a gap in what we know.
    public var pollEvery: TimeInterval
    public var nodes: [Node]
    /// Each node's health as the screen judged it at `at`.
    public var health: [String: HeartbeatHealth]
    public var assignments: [Assignment]
    /// The overview's binding generation: assignments are diffed only when it moved.
    public var bindingGeneration: Int
    /// The thresholds health used, for each run's heartbeat period.
    public var thresholds: HeartbeatThresholds
    /// Instances at risk, once the instance list is known (the trend's third series).
    public var atRisk: Int?
    /// The cluster the poll was of (its URL): the store it belongs in, whatever is open when it is recorded.
    public var cluster: String = ""
    /// The instances the dashboard holds (how big its heap is, for `MemoryTrim`).
    public var instanceCount = 0

    public init(
        at: Date, pollEvery: TimeInterval, nodes: [Node], health: [String: HeartbeatHealth],
        assignments: [Assignment], bindingGeneration: Int, thresholds: HeartbeatThresholds = .standard, atRisk: Int? = nil
    ) {
        self.atRisk = atRisk
        self.at = at; self.pollEvery = pollEvery; self.nodes = nodes; self.health = health
        self.assignments = assignments; self.bindingGeneration = bindingGeneration; self.thresholds = thresholds
    }

    /// The longest silence between polls still taken as watched: three
    /// poll periods, never less than 10 s (a slow reply is not a gap).
    public var gapLimit: TimeInterval { max(3 * pollEvery, 10) }
}
