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

    /// The server's clock minus ours: `serverDate` from a reply read at `receivedAt` after `roundTrip` seconds.
    public static func estimate(serverDate: Date, receivedAt: Date, roundTrip: TimeInterval) -> TimeInterval {
        let sentAround = receivedAt.addingTimeInterval(-max(0, roundTrip) / 2)
        let skew = serverDate.addingTimeInterval(0.5).timeIntervalSince(sentAround)
        return abs(skew) < max(believedFrom, 0.5 + max(0, roundTrip) / 2) ? 0 : skew
    }
}
