import Foundation

/// Where the answering node's clock stands against ours, narrowed from the
/// recent replies: each `Date` header (whole seconds, floored) was taken
/// between the moment the request went out and the moment its reply was
/// read, which bounds the offset (server − local) from both sides; the
/// tightest bounds of the last few replies are kept.
///
/// Issue 20 judges a node late only from data produced after its deadline.
/// Taking the floored `Date` as the production time is safe but up to a
/// second early, which made the dead-node figure a second worse; the lower
/// bound on the offset gives a production time that is still never later
/// than the truth (so no node is judged late early) but seldom earlier than
/// it by more than a round trip.
public struct ServerClockBounds: Sendable, Equatable {
    /// Per reply: `Date − read` (the offset is at least this).
    private var lows: [TimeInterval] = []
    /// Per reply: `Date + 1 s − sent` (the offset is less than this).
    private var highs: [TimeInterval] = []
    /// Replies remembered: enough to narrow the bounds, few enough that a drifting clock is followed.
    static let window = 16

    public init() {}

    /// Takes in one reply whose `Date` was `date`, for a request sent at
    /// `sent` and read at `read` (both on this machine's clock). Bounds that
    /// contradict each other (a clock was stepped) restart from this reply.
    public mutating func add(date: Date, sent: Date, read: Date) {
        lows.append(date.timeIntervalSince(read))
        highs.append(date.timeIntervalSince(sent) + 1)
        if lows.count > Self.window { lows.removeFirst(); highs.removeFirst() }
        if let low = lows.max(), let high = highs.min(), low > high {
            lows = [lows[lows.count - 1]]
            highs = [highs[highs.count - 1]]
        }
    }

    /// The least the offset (server − local) can be, once a reply is in.
    public var lowerBound: TimeInterval? { lows.max() }

    /// The earliest the reply to a request sent at `sent` can have been
    /// produced, on the answering node's clock: never before its `Date`,
    /// never after `Date + 1 s`, and no earlier than the request went out.
    public func producedNoEarlierThan(date: Date, sent: Date) -> Date {
        guard let low = lowerBound else { return date }
        return min(max(date, sent.addingTimeInterval(low)), date.addingTimeInterval(1))
    }
}
