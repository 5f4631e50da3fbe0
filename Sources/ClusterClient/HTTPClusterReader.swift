import ClusterModel
import ClusterSupport
import Foundation
import NIOHTTP1

/// `ClusterReading` over HTTP: the two GET endpoints with the session
/// cookie, digest skip and the server's clock from the `Date` header.
public struct HTTPClusterReader: ClusterReading {
    let transport: HTTPTransport

    public func overview(unlessUnchangedFrom previous: BodyDigest?) async throws -> Fetched<Overview> {
        try await fetch("/api/cluster/overview", as: Overview.self, previous: previous)
    }

    public func instances(unlessUnchangedFrom previous: BodyDigest?) async throws -> Fetched<InstanceList> {
        try await fetch("/api/cluster/instances", as: InstanceList.self, previous: previous)
    }

    /// GETs `path`; when the body's digest equals `previous`, returns a nil
    /// value without decoding (the dashboard's cheap "nothing changed" poll).
    func fetch<T: Decodable & Sendable>(_ path: String, as type: T.Type, previous: BodyDigest?) async throws -> Fetched<T> {
        let clock = ContinuousClock()
        let sent = clock.now
        let reply = try await transport.send(.GET, path)
        let roundTrip = (clock.now - sent).timeInterval
        try ReplyInterpreter.check(reply, path: path, base: transport.base, tokenSource: transport.config.tokenSource)
        let digest = reply.body.withUnsafeReadableBytes { BodyDigest.of($0) }
        let count = reply.body.readableBytes
        if let previous, previous == digest {
            return Fetched(value: nil, digest: digest, serverDate: reply.serverDate, byteCount: count, roundTrip: roundTrip)
        }
        // Decoded on the low-priority lane: at S2 this is ≈ 150 ms of CPU
        // that must not take a core from the UI thread (BackgroundLane).
        let value = try await BackgroundLane.shared.runThrowing { try ReplyInterpreter.decode(T.self, from: reply, what: "GET \(path)") }
        return Fetched(value: value, digest: digest, serverDate: reply.serverDate, byteCount: count, roundTrip: roundTrip)
    }
}
