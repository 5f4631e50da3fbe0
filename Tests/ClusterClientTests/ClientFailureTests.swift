import ClusterTestSupport
import ClusterClient
import ClusterModel
import Foundation
import Testing

/// Every failure the client must turn into a typed, operator-facing error,
/// over real HTTP against the fault-injecting server.
@Suite("HTTP client: failures")
struct ClientFailureTests {
    /// Runs one overview read against a server answering with `fault`.
    func overviewError(_ fault: Fault, timeout: TimeInterval = 10, bodyLimit: Int = 256 << 20) async throws -> ClusterError? {
        try await readError(fault, timeout: timeout, bodyLimit: bodyLimit) { _ = try await $0.reader.overview(unlessUnchangedFrom: nil) }
    }

    @Test("401 says how to log in and uses the body's message")
    func unauthorized() async throws {
        let e = try await overviewError(.unauthorized)
        #expect(e == .unauthorized("Invalid or expired token; no token was sent"), "issue 23: says which token, here none")
        #expect(e?.exitCode == .auth)
        #expect(e?.description.contains("clustertui login") == true)
    }

    @Test("400 carries the server's error text")
    func badRequest() async throws {
        let e = try await overviewError(.badRequest)
        #expect(e == .badRequest("Invalid entityType"))
        #expect(e?.exitCode == .rejected)
    }

    @Test("500 carries the server's error text")
    func nodeNotFound() async throws {
        let e = try await overviewError(.nodeNotFound)
        #expect(e == .server(status: 500, message: #"Node "x" not found in cluster registry"#))
    }

    @Test("503 while starting")
    func starting() async throws {
        #expect(try await overviewError(.starting) == .starting("Server is starting up"))
    }

    @Test("429 with Retry-After")
    func rateLimited() async throws {
        let e = try await overviewError(.rateLimited)
        #expect(e == .rateLimited(retryAfter: 7))
        #expect(e?.description.contains("7 s") == true)
    }

    @Test("a proxy's HTML page becomes status plus a short one-line excerpt")
    func proxyHTML() async throws {
        let e = try await overviewError(.proxyHTML)
        #expect(e == .notJSON(status: 502, excerpt: "502 Bad Gateway"))
        if case .notJSON(_, let excerpt) = e { #expect(excerpt.count <= 120 && !excerpt.contains("\n")) }
    }

    @Test("JSON of the wrong shape says where")
    func malformedShape() async throws {
        let e = try await overviewError(.malformedJSON)
        guard case .malformed(let text) = e else { Issue.record("got \(String(describing: e))"); return }
        // In JSON's words: it said `expected String` (and `expected Array<Any>`), Swift's type names.
        #expect(text.contains("at nodes[1].name: expected a string"), "\(text)")
    }

    @Test("truncated JSON is malformed, not a crash")
    func truncated() async throws {
        let e = try await overviewError(.truncatedJSON)
        guard case .malformed(let text) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(text.contains("invalid JSON"), "\(text)")
    }

    @Test("a body over the limit is cut off")
    func hugeBody() async throws {
        #expect(try await overviewError(.hugeBody, bodyLimit: 64 * 1024) == .bodyTooLarge(limit: 64 * 1024))
    }

    @Test("an endless slow body fails at the request deadline, not later")
    func endlessBody() async throws {
        // The body drips for 20 s and then ends as invalid JSON: `.timedOut` (not
        // `.malformed`) proves the deadline cut it off. No wall-clock bound: those flake.
        let e = try await overviewError(.endlessBody, timeout: 1)
        guard case .timedOut = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test("a reply head slower than the deadline times out")
    func slowHead() async throws {
        let e = try await overviewError(.slowHead, timeout: 0.5)
        guard case .timedOut = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test("a closed port is 'connection refused'")
    func refused() async throws {
        // A socket bound but not listening holds the port, so no parallel
        // test's server can take it, and connecting to it is refused.
        let closed = try #require(ClosedPort())
        defer { closed.close() }
        let url = try #require(URL(string: "http://127.0.0.1:\(closed.port)"))
        try await withClient(url, timeout: 5) { client in
            let e = await clusterError { _ = try await client.reader.overview(unlessUnchangedFrom: nil) }
            guard case .connectionRefused = e else { Issue.record("got \(String(describing: e))"); return }
            #expect(e?.exitCode == .unreachable)
        }
    }

    @Test("an unknown host is a DNS failure")
    func dns() async throws {
        let url = try #require(URL(string: "http://nonexistent.invalid:3000"))
        try await withClient(url, timeout: 8) { client in
            let e = await clusterError { _ = try await client.reader.overview(unlessUnchangedFrom: nil) }
            #expect(e == .dnsFailure("nonexistent.invalid"))
        }
    }

    @Test("a bad URL or a token unfit for a cookie is a usage error before any request")
    func usageErrors() throws {
        let ftp = try #require(URL(string: "ftp://x"))
        #expect(throws: ClusterError.self) { try ClusterHTTPClient(ClientConfiguration(baseURL: ftp)) }
        let ok = try #require(URL(string: "http://127.0.0.1:1"))
        do {
            _ = try ClusterHTTPClient(ClientConfiguration(baseURL: ok, token: "a b;\r\nX-Evil: 1"))
            Issue.record("accepted a token with CR/LF")
        } catch let e as ClusterError {
            #expect(e.exitCode == .usage)
            #expect(!e.description.contains("X-Evil"))
        }
    }
}

/// Carries a value out of a `@Sendable` closure.
actor ErrorBox {
    var value: ClusterError?
    func set(_ v: ClusterError?) { value = v }
}

/// Carries a URL out of a `@Sendable` closure.
actor URLBox {
    var value: URL?
    func set(_ v: URL) { value = v }
}
