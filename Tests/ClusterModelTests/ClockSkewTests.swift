import ClusterModel
import Foundation
import Testing

/// The one rule for a server's clock skew, from a reply's whole-second `Date` header.
@Suite struct ClockSkewTests {
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
        #expect(abs(skew - 30.35) < 0.001, "\(skew)")
        let behind = ClockSkew.estimate(serverDate: Self.t.addingTimeInterval(-10), receivedAt: Self.t, roundTrip: 0)
        #expect(abs(behind + 9.5) < 0.001, "\(behind)")
    }

    /// A slow reply widens what cannot be told apart from none: half its round trip.
    @Test func aSlowReplyIsNotASkew() {
        let skew = ClockSkew.estimate(serverDate: Self.t, receivedAt: Self.t.addingTimeInterval(3.5), roundTrip: 4)
        #expect(skew == 0)
    }
}
