import Foundation

/// How the nodes' heartbeat clocks compare with the answering node's `Date`
/// (issue 20): each node writes `lastHeartbeatAt` with its own clock, so a
/// beat in the future, or every online node far behind, means two clocks
/// disagree. Used by node details and by `doctor`; pure.
public enum HeartbeatClocks {
    /// Seconds beyond which a beat ahead of the `Date` is "in the future":
    /// the header has whole seconds, and a busy server's cached `Date` lags
    /// its body by seconds even when the reply is quick (seen under load with
    /// a 3 s lag and a sub-second round trip); a node clock a few seconds
    /// ahead is harmless, an hour is what this is for.
    public static let aheadAfter: TimeInterval = 5

    /// One line for the node details: how the node's clock compares, or `nil`
    /// when nothing is known or the clocks agree.
    public static func describe(beat: Date?, dataAt: Date?, lag: TimeInterval) -> String? {
        guard let beat, let dataAt else { return nil }
        let ahead = beat.timeIntervalSince(dataAt) - lag
        if ahead > aheadAfter {
            return "heartbeat \(AgeFormat.compact(ahead)) ahead of the answering node's clock: one of them is wrong"
        }
        if lag > aheadAfter {
            return "\(AgeFormat.compact(lag)) behind the answering node's clock (its beats advance, so it is alive; ages corrected)"
        }
        return nil
    }

    /// What a single overview says about clocks, for `doctor`: online nodes
    /// whose beat is in the future of `serverDate`, and whether every online
    /// node is further behind than `silentAfter` (the answering node's clock
    /// ahead of theirs, or all of them dead). Empty when nothing disagrees.
    /// `roundTrip`: how long the reply took, by which its `Date` may be
    /// older than its body (a busy server), so a beat is only "ahead" beyond it.
    public static func problems(_ nodes: [Node], serverDate: Date, silentAfter: TimeInterval, roundTrip: TimeInterval = 0) -> [String] {
        let online = nodes.filter { $0.status == .online }
        var out: [String] = []
        let ahead = online.compactMap { node -> (String, TimeInterval)? in
            guard let beat = node.lastHeartbeatAt else { return nil }
            let by = beat.timeIntervalSince(serverDate)
            return by > aheadAfter + roundTrip ? (node.name, by) : nil
        }
        if let first = ahead.first {
            let more = ahead.count > 1 ? " (and \(ahead.count - 1) more)" : ""
            out.append("\(TextSanitizer.visible(first.0))'s heartbeat is \(AgeFormat.compact(first.1)) ahead of the server's Date\(more): "
                + "that node's clock or the answering node's is wrong")
        }
        let ages = online.compactMap { $0.lastHeartbeatAt.map { serverDate.timeIntervalSince($0) } }
        if ages.count == online.count, let youngest = ages.min(), youngest > silentAfter {
            out.append("every online node's heartbeat is at least \(AgeFormat.compact(youngest)) behind the server's Date: "
                + "the answering node's clock is ahead of theirs, or they are all silent")
        }
        return out
    }
}
