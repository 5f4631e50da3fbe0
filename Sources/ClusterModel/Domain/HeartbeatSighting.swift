import Foundation

/// What the polls saw of one node's current heartbeat (issue 20): the
/// `lastHeartbeatAt` value, when a reply first showed it on the answering
/// node's clock, and what its advancing says about the node's clock.
/// Liveness is judged from this as much as from the timestamp: a beat that
/// stops advancing is late whatever it says, and one that advances is
/// alive however old its clock makes it look.
public struct HeartbeatSighting: Hashable, Sendable {
    /// The node's `lastHeartbeatAt`, on its own clock.
    public var beat: Date
    /// The answering node's clock when the first reply showing `beat` was produced.
    public var seenAt: Date
    /// Seconds the node's clock runs behind the answering node's: set once
    /// a node first seen with an impossibly old beat was seen to advance
    /// (the smallest age a new beat of it was seen at), else 0.
    public var clockLag: TimeInterval = 0
    /// First seen with a beat older than the registry's sweep allows for an
    /// online node, and not seen to advance since: dead, or its clock far
    /// behind; only the next polls can tell.
    public var unverified = false

    public init(beat: Date, seenAt: Date, clockLag: TimeInterval = 0, unverified: Bool = false) {
        self.beat = beat; self.seenAt = seenAt; self.clockLag = clockLag; self.unverified = unverified
    }

    /// The sighting after a reply produced at `dataAt` showed `beat`.
    /// `suspectAfter`: an online node's beat older than this at first sight
    /// cannot be taken at its word (the core's sweep would have marked it offline).
    func updated(beat new: Date, dataAt: Date) -> HeartbeatSighting {
        guard new != beat else { return self }
        var next = HeartbeatSighting(beat: new, seenAt: dataAt, clockLag: clockLag)
        if unverified || clockLag > 0 {
            let lag = dataAt.timeIntervalSince(new)
            next.clockLag = unverified ? max(0, lag) : max(0, min(clockLag, lag))
        }
        return next
    }
}
