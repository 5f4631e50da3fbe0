import Foundation

/// What one unauthenticated GET answered, its status not interpreted.
public struct ProbeReply: Sendable {
    /// The HTTP status (any: a 404 still proves the server is reachable).
    public var status: Int
    /// The server's clock from its `Date` header, if it sent a valid one.
    public var serverDate: Date?
    /// When the reply was complete, on this machine's clock.
    public var receivedAt: Date
    /// Seconds from sending to the whole reply.
    public var roundTrip: TimeInterval
}

extension ClusterHTTPClient {
    /// `clustertui doctor`'s first look at a server: GET `path` without the
    /// session cookie, bounded by the request time-out like every request.
    /// Throws the transport's `ClusterError` (refused, DNS, TLS, time-out);
    /// any HTTP status is an answer.
    public func probe(_ path: String = "/api/health/live") async throws -> ProbeReply {
        let clock = ContinuousClock()
        let sent = clock.now
        let reply = try await transport.send(.GET, path, authenticated: false)
        let roundTrip = (clock.now - sent).timeInterval
        return ProbeReply(status: reply.status, serverDate: reply.serverDate, receivedAt: Date(), roundTrip: roundTrip)
    }
}
