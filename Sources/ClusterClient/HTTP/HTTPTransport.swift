import AsyncHTTPClient
import ClusterModel
import Foundation
import NIOCore
import NIOHTTP1

/// One complete HTTP reply: status, headers and the whole body (within the limit).
struct RawReply: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: ByteBuffer
    /// The server's clock from the `Date` header, if it sent a valid one.
    var serverDate: Date? { headers.first(name: "Date").flatMap(HTTPDate.parse) }
}

/// Sends one request and reads its reply, enforcing the whole-request
/// deadline and the body limit, and turning every transport failure into a
/// `ClusterError`. Shared by the reader, the writer and login.
///
/// AsyncHTTPClient's own deadline stops at the response head, so the body
/// is read inside a race against a timer: an endless or slow body fails
/// with `timedOut` at the deadline instead of hanging.
struct HTTPTransport: Sendable {
    let client: HTTPClient
    let config: ClientConfiguration
    /// The base URL as a string without a trailing slash.
    let base: String

    func send(
        _ method: HTTPMethod, _ path: String, json body: Data? = nil, authenticated: Bool = true
    ) async throws -> RawReply {
        let what = "\(method.rawValue) \(base)\(path)"
        let timeout = config.requestTimeout
        do {
            return try await Deadline.race(seconds: timeout, what: "\(what) took longer than \(Self.seconds(timeout))") {
                try await self.exchange(method, path, body: body, authenticated: authenticated, timeout: timeout)
            }
        } catch let error as ClusterError {
            // The whole-request deadline fired: connecting has its own, shorter
            // time-out, so the request was out and only the reply is missing.
            // (A login is not a write: its time-out stays a time-out.)
            if method != .GET, authenticated, case .timedOut(let why) = error { throw ClusterError.replyTimedOut(why) }
            throw error
        } catch {
            let mapped = TransportErrorMapping.map(error, target: base, config: config)
            if method != .GET, authenticated, TransportErrorMapping.mayHaveReachedServer(error, mapped: mapped) {
                // A reply that did not come in time: the server may still be working on the write.
                if case .timedOut(let why) = mapped { throw ClusterError.replyTimedOut(why) }
                throw ClusterError.outcomeUnknown(ReplyText.oneLine(mapped.description))
            }
            throw mapped
        }
    }

    private func exchange(
        _ method: HTTPMethod, _ path: String, body: Data?, authenticated: Bool, timeout: TimeInterval
    ) async throws -> RawReply {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "clustertui")
        // Said here rather than left to AsyncHTTPClient's decompressor (which
        // adds "deflate, gzip" when absent), so the request states it.
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if authenticated, let token = config.token {
            request.headers.add(name: "Cookie", value: "token=\(token)")
        }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(request, deadline: .now() + .nanoseconds(Self.nanos(timeout)))
        let bytes = try await collect(response)
        return RawReply(status: Int(response.status.code), headers: response.headers, body: bytes)
    }

    /// Reads the body up to `bodyLimit` bytes *as decoded*: a gzipped reply
    /// arrives here already inflated by AsyncHTTPClient, chunk by chunk, so
    /// the limit bounds the memory a reply takes whatever its encoding.
    /// Stops reading (which cancels the request) and throws `bodyTooLarge` past it.
    private func collect(_ response: HTTPClientResponse) async throws -> ByteBuffer {
        let limit = config.bodyLimit
        let length = response.headers.first(name: "Content-Length").flatMap(Int.init)
        // Content-Length counts the bytes on the wire: compressed, it is a lower bound.
        if let length, length > limit {
            throw ClusterError.bodyTooLarge(limit: limit)
        }
        var buffer = ByteBuffer()
        if let length, length > 0 {
            let encoded = response.headers.first(name: "Content-Encoding").map { !$0.isEmpty && $0.lowercased() != "identity" } ?? false
            // A gzipped JSON list inflates ≈ 10–20×: start near that, not at the wire size.
            buffer.reserveCapacity(encoded ? min(limit, length * 16) : length)
        }
        for try await chunk in response.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else {
                throw ClusterError.bodyTooLarge(limit: limit)
            }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        return buffer
    }

    /// How many times its compressed size a reply may inflate to. JSON
    /// lists gzip ≈ 10–20×; a gzip bomb ≈ 1,000×. Refused past it, before
    /// the body limit is even reached.
    static let decompressionRatioLimit = 100

    static func nanos(_ seconds: TimeInterval) -> Int64 {
        Int64(max(0.001, min(seconds, 86_400)) * 1_000_000_000)
    }

    static func seconds(_ t: TimeInterval) -> String {
        t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
    }
}

/// Runs an operation against a timer; whichever finishes first wins and
/// the other is cancelled.
enum Deadline {
    static func race<T: Sendable>(
        seconds: TimeInterval, what: String, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(HTTPTransport.nanos(seconds)))
                throw ClusterError.timedOut(what)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw ClusterError.timedOut(what) }
            return first
        }
    }
}
