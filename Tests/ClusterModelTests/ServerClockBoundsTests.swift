import Foundation
import Testing
import ClusterModel

/// Issue 20: when an overview was produced, from whole-second `Date`
/// headers: never later than the truth (no node judged late early), and,
/// once a few replies at varied phases are in, within a tenth of a second or so (the floored Date
/// alone cost the dead-node figure up to a second).
@Suite struct ServerClockBoundsTests {
    /// Replies produced mid-way through a 20 ms round trip, on a server clock `offset` ahead of ours,
    /// at phases that vary (a poll interval plus jitter): bounds narrow only as phases vary.
    func replies(offset: TimeInterval, count: Int, start: TimeInterval = 1_000_000.13) -> [(date: Date, sent: Date, read: Date, true: Date)] {
        (0..<count).map { i in
            let sent = start + Double(i) * 2.37
            let produced = sent + 0.01 + offset
            return (Date(timeIntervalSince1970: produced.rounded(.down)), Date(timeIntervalSince1970: sent),
                    Date(timeIntervalSince1970: sent + 0.02), Date(timeIntervalSince1970: produced))
        }
    }

    @Test(arguments: [0.0, 0.37, -0.81, 3600.5]) func neverLaterThanTheTruthAndSoonClose(_ offset: TimeInterval) {
        var bounds = ServerClockBounds()
        for (i, r) in replies(offset: offset, count: 20).enumerated() {
            bounds.add(date: r.date, sent: r.sent, read: r.read)
            let estimate = bounds.producedNoEarlierThan(date: r.date, sent: r.sent)
            #expect(estimate <= r.true, "reply \(i): \(estimate) after \(r.true)")
            #expect(estimate >= r.date)
            if i >= 12 { #expect(r.true.timeIntervalSince(estimate) < 0.15, "reply \(i): \(r.true.timeIntervalSince(estimate)) s early") }
        }
    }

    /// Without any reply in, the floored Date is all there is.
    @Test func withoutBoundsTheDateItself() {
        let date = Date(timeIntervalSince1970: 5)
        #expect(ServerClockBounds().producedNoEarlierThan(date: date, sent: Date(timeIntervalSince1970: 9)) == date)
    }

    /// Our clock stepped back an hour: the old bounds contradict the new reply and are dropped, never trusted.
    @Test func aSteppedClockRestartsTheBounds() {
        var bounds = ServerClockBounds()
        for r in replies(offset: 0, count: 8) { bounds.add(date: r.date, sent: r.sent, read: r.read) }
        let stepped = replies(offset: 3600, count: 1, start: 1_000_100.5)[0]
        bounds.add(date: stepped.date, sent: stepped.sent, read: stepped.read)
        #expect(bounds.producedNoEarlierThan(date: stepped.date, sent: stepped.sent) <= stepped.true)
        #expect((bounds.lowerBound ?? 0) > 3599)
    }
}
