import Foundation

/// How far a server's clock is from ours, from the `Date` header of a reply:
/// the one rule of the dashboard's header, the fleet screen and `get fleet`
/// (they were three, and `get fleet` read a core on this host as 1 s behind).
///
/// The header is the server's clock in whole seconds (floored) at some
/// moment while the request was out, so the true skew lies within half a
/// second plus half the round trip of the estimate: less than that is
/// nothing, and below `believedFrom` it is not acted on either (every age
/// would otherwise jitter by a second).
public enum ClockSkew {
    /// Skews smaller than this are taken as none.
    public static let believedFrom: TimeInterval = 1.5

    /// The server's clock minus ours, at face value: `serverDate` from a
    /// reply read at `receivedAt` after `roundTrip` seconds, taken as the
    /// middle of its second at the middle of the round trip (`doctor`).
    public static func midpoint(serverDate: Date, receivedAt: Date, roundTrip: TimeInterval) -> TimeInterval {
        let sentAround = receivedAt.addingTimeInterval(-max(0, roundTrip) / 2)
        return serverDate.addingTimeInterval(0.5).timeIntervalSince(sentAround)
    }

    /// The skew to act on: 0 when it cannot be told from none, `nil` when
    /// the reply was too slow to tell either way (keep what was known: a
    /// steady 4 s skew read 4, 0, 4 over one slow poll, and every age jumped).
    public static func estimate(serverDate: Date, receivedAt: Date, roundTrip: TimeInterval) -> TimeInterval? {
        let skew = midpoint(serverDate: serverDate, receivedAt: receivedAt, roundTrip: roundTrip)
        let uncertainty = 0.5 + max(0, roundTrip) / 2
        if abs(skew) >= max(believedFrom, uncertainty) { return skew }
        return uncertainty < believedFrom ? 0 : nil
    }
}
