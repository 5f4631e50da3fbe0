import ClusterModel
import Foundation
import Testing

/// The one rule for a server's clock skew, from a reply's whole-second `Date` header.
@Suite struct ClockSkewTests {
    /// A moment on a whole second, as a `Date` header has them.
    static let t = Date(timeIntervalSince1970: 1_779_098_400)

    /// Guards a false skew: `get fleet` read cores on this host as 1 s behind (the header's floored second, read raw).
    @Test func aCoreOnThisHostHasNoSkew() {
        // Sent at .96, answered at .97 (header: the whole second before), read at 1.00.
        let skew = ClockSkew.estimate(serverDate: Self.t, receivedAt: Self.t.addingTimeInterval(1.0), roundTrip: 0.04)
        #expect(skew == 0)
        #expect(ClockSkew.estimate(serverDate: Self.t, receivedAt: Self.t.addingTimeInterval(0.2), roundTrip: 0.01) == 0)
    }

    /// A clock half a minute ahead is told, to within the header's second.
    @Test func aRealSkewIsTold() {
        let skew = ClockSkew.estimate(serverDate: Self.t.addingTimeInterval(30), receivedAt: Self.t.addingTimeInterval(0.2), roundTrip: 0.1)
        #expect(skew.map { abs($0 - 30.35) < 0.001 } == true, "\(String(describing: skew))")
        let behind = ClockSkew.estimate(serverDate: Self.t.addingTimeInterval(-10), receivedAt: Self.t, roundTrip: 0)
        #expect(behind.map { abs($0 + 9.5) < 0.001 } == true, "\(String(describing: behind))")
    }

    /// Guards a skew that jumped: a reply too slow to tell (half its round trip past the threshold) said 0, and ages jumped by the skew; it now says nothing.
    @Test func aSlowReplyTellsNothing() {
        #expect(ClockSkew.estimate(serverDate: Self.t, receivedAt: Self.t.addingTimeInterval(3.5), roundTrip: 4) == nil)
        // Unless the skew is larger than the doubt.
        let far = ClockSkew.estimate(serverDate: Self.t.addingTimeInterval(60), receivedAt: Self.t.addingTimeInterval(3.5), roundTrip: 4)
        #expect(far.map { abs($0 - 59) < 0.001 } == true, "\(String(describing: far))")
    }
}
