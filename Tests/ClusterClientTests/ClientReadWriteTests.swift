import ClusterTestSupport
import ClusterClient
import ClusterModel
import Foundation
import Testing

/// The happy paths over real HTTP: decoding the reference examples, the
/// cookie, the server clock, digest skip, hostile ids, delete, login.
@Suite("HTTP client: reads and writes")
struct ClientReadWriteTests {
    @Test("overview and instances decode the reference examples; the token travels as the `token` cookie")
    func readsReferenceExamples() async throws {
        try await withFaultClient(.normal) { client, log in
            let overview = try await client.reader.overview(unlessUnchangedFrom: nil)
            let o = try #require(overview.value)
            #expect(o.thisNodeName == "node-a")
            #expect(o.nodes.first?.pid == 1234)
            #expect(o.assignments.first?.entityId == "tenant1:brw_42")
            #expect(o.assignments.first?.updatedAt == nil) // "…" is not a date: unknown, not a failure
            // Hummingbird writes its own `Date` header: the server's clock is this machine's.
            // Hummingbird refreshes that header on a timer that lags on a loaded machine, so
            // the bound is loose; a wrong parse (time zone, format) is off by hours or nil.
            let serverDate = try #require(overview.serverDate)
            #expect(abs(serverDate.timeIntervalSinceNow) < 120)
            #expect(overview.byteCount == Fixtures.overview.utf8.count)
            let instances = try await client.reader.instances()
            #expect(instances.instances.map(\.entityId) == ["tenant1:research-agent", "tenant1:brw_42"])
            #expect(instances.instances[1].explicit)
            let seen = await log.requests
            #expect(seen.map(\.rawPath) == ["/api/cluster/overview", "/api/cluster/instances"])
            #expect(seen.allSatisfy { $0.cookie == "token=\(testToken)" })
        }
    }

    @Test("the round trip is measured: a reply held 2.5 s by the server takes at least that, and no more than the whole call")
    func roundTripIsMeasured() async throws {
        try await withFaultClient(.slowHead, timeout: 30) { client, _ in
            let start = ContinuousClock.now
            let overview = try await client.reader.overview(unlessUnchangedFrom: nil)
            let whole = (ContinuousClock.now - start).components
            let roundTrip = try #require(overview.roundTrip)
            #expect(roundTrip >= 2.4, "the server waited 2.5 s before answering: \(roundTrip)")
            #expect(roundTrip <= TimeInterval(whole.seconds) + TimeInterval(whole.attoseconds) / 1e18)
        }
    }

    @Test("a body whose digest matches the previous one is not decoded")
    func digestSkip() async throws {
        try await withFaultClient(.normal) { client, _ in
            let first = try await client.reader.overview(unlessUnchangedFrom: nil)
            #expect(first.value != nil)
            #expect(first.digest == BodyDigest.of(Array(Fixtures.overview.utf8)))
            let second = try await client.reader.overview(unlessUnchangedFrom: first.digest)
            #expect(second.value == nil)
            #expect(second.digest == first.digest)
            #expect(second.serverDate != nil)
            let other = try await client.reader.overview(unlessUnchangedFrom: BodyDigest(value: 1, length: 1))
            #expect(other.value != nil)
        }
    }

    @Test("hostile entity ids travel as one percent-encoded segment and round-trip", arguments: [
        "t1:a/b?c#d%e f", "ü", "tenant:🚀-agent", "..", "a+b&c=d;e", "  spaced  ",
    ])
    func hostileIdsRoundTrip(id: String) async throws {
        try await withFaultClient(.normal) { client, log in
            let key = EntityKey(EntityType("inference server/é"), id)
            let stored = try await client.makeWriter().setAssignment(key, nodeName: "node-b", mode: .preferred)
            #expect(stored.entityId == id)
            #expect(stored.entityType.rawValue == "inference server/é")
            #expect(stored.mode == .preferred)
            let removed = try await client.makeWriter().deleteAssignment(key)
            #expect(removed)
            let seen = await log.requests
            #expect(seen.count == 2)
            for request in seen {
                let segments = request.rawPath.split(separator: "/", omittingEmptySubsequences: false)
                #expect(segments.count == 6, "\(request.rawPath)")
                #expect(segments.last.map(String.init)?.removingPercentEncoding == id)
                #expect(request.rawPath.allSatisfy { $0.isASCII && !" ?#".contains($0) })
                #expect(request.cookie == "token=\(testToken)")
            }
            #expect(seen.first?.method == "PUT")
            #expect(seen.last?.method == "DELETE")
        }
    }

    @Test("a PUT without mode leaves mode out of the body (the server defaults to strict)")
    func putWithoutMode() async throws {
        try await withFaultClient(.normal) { client, log in
            let a = try await client.makeWriter().setAssignment(EntityKey(.agent, "t1:x"), nodeName: "node-b", mode: nil)
            #expect(a.mode == .strict)
            let body = await log.requests.first?.body ?? ""
            #expect(body == #"{"nodeName":"node-b"}"#)
        }
    }

    @Test("delete reports whether a row existed")
    func deleteRemovedFalse() async throws {
        try await withFaultClient(.normal) { client, _ in
            let removed = try await client.makeWriter().deleteAssignment(EntityKey(.agent, "none-here"))
            #expect(removed == false)
        }
    }

    @Test("login returns the token cookie and sends no cookie itself; liveness needs no auth")
    func loginAndLiveness() async throws {
        try await withFaultClient(.normal) { client, log in
            let token = try await client.login(email: "op@example.com", password: "right", slug: "acme")
            #expect(token == "eyJhbGciOi.payload.sig")
            try await client.liveness()
            let seen = await log.requests
            #expect(seen.map(\.rawPath) == ["/api/auth/login", "/api/health/live"])
            #expect(seen.allSatisfy { $0.cookie == nil })
            #expect(seen.first?.body.contains(#""slug":"acme""#) == true)
        }
    }

    @Test("login failures: 401 bad password, 400 missing field, 429 with Retry-After")
    func loginFailures() async throws {
        try await withFaultClient(.normal, token: nil) { client, _ in
            let bad = await clusterError { _ = try await client.login(email: "op@example.com", password: "wrong", slug: nil) }
            #expect(bad == .unauthorized("login rejected: Invalid email or password"))
            #expect(bad?.exitCode == .auth)
            let missing = await clusterError { _ = try await client.login(email: "", password: "", slug: nil) }
            #expect(missing == .badRequest("email and password are required"))
            let busy = await clusterError { _ = try await client.login(email: "busy@example.com", password: "x", slug: nil) }
            #expect(busy == .rateLimited(retryAfter: 30))
        }
    }
}

/// Review of issue 13: replies that do not say what the server did make a write's outcome unknown.
@Suite struct WriteOutcomeTests {
    /// A proxy's 502 to a PUT: the upstream may have applied it, so unknown (re-read), not failed.
    @Test func aProxy502ToAWriteIsUnknown() async throws {
        try await withFaultClient(.proxyHTML) { client, _ in
            do {
                _ = try await client.makeWriter().setAssignment(EntityKey(.agent, "t:x"), nodeName: "node-a", mode: .strict)
                Issue.record("a 502 was taken as success")
            } catch let error as ClusterError {
                guard case .outcomeUnknown(let why) = error else { Issue.record("not unknown: \(error)"); return }
                #expect(why.hasPrefix("a proxy answered HTTP 502"))
            }
        }
    }

    /// A 2xx reply that cannot be read: the write probably landed; unknown, so it is re-read.
    @Test func anUnreadable200ToAWriteIsUnknown() async throws {
        try await withFaultClient(.truncatedJSON) { client, _ in
            do {
                _ = try await client.makeWriter().deleteAssignment(EntityKey(.agent, "t:x"))
                Issue.record("a truncated reply was taken as success")
            } catch let error as ClusterError {
                #expect(error == .outcomeUnknown("HTTP 200 with a reply that could not be read"))
            }
        }
    }
}
