import ClusterCore
import ClusterModel
import Foundation
import NIOHTTP1
import Testing

/// What only the HTTP side has: exact status codes and bodies, auth, login
/// and its rate limit, path decoding, the `Date` header.
@Suite struct HTTPProtocolTests {
    static let paths: [(HTTPMethod, String)] = [
        (.GET, "/api/cluster/overview"), (.GET, "/api/cluster/instances"),
        (.PUT, "/api/cluster/assignments/agent/t1%3Ax"), (.DELETE, "/api/cluster/assignments/agent/t1%3Ax"),
    ]

    @Test func everyClusterEndpointNeedsTheSessionCookie() async throws {
        try await Harness.with(.http) { h in
            let base = try #require(h.server).baseURL
            for (method, path) in Self.paths {
                for cookie in [nil, "wrong-token"] as [String?] {
                    let r = try await RawHTTP.send(method, base + path, cookie: cookie, json: #"{"nodeName":"worker-03"}"#)
                    #expect(r.status == 401, "\(method) \(path)")
                    let message = cookie == nil ? "Authentication required" : "Invalid or expired token"
                    #expect(r.body == #"{"error":"Unauthorized","message":"\#(message)"}"#)
                }
            }
            let live = try await RawHTTP.send(.GET, base + "/api/health/live", cookie: nil)
            #expect(live.status == 200)
            let unknown = try await RawHTTP.send(.GET, base + "/api/cluster/nothing-here")
            #expect(unknown.status == 404 && unknown.body == #"{"error":"Not Found"}"#)
        }
    }

    @Test func errorBodiesAndStatusesMatchTheServer() async throws {
        try await Harness.with(.http) { h in
            let base = try #require(h.server).baseURL + "/api/cluster/assignments/"
            let badType = try await RawHTTP.send(.PUT, base + "spaceship/t1%3Ax", json: #"{"nodeName":"worker-03"}"#)
            #expect(badType.status == 400 && badType.body == #"{"error":"Invalid entityType"}"#)
            let badDelete = try await RawHTTP.send(.DELETE, base + "spaceship/t1%3Ax")
            #expect(badDelete.status == 400 && badDelete.body == #"{"error":"Invalid entityType"}"#)
            for json in [#"{}"#, #"{"nodeName":"   "}"#, #"{"nodeName":42}"#, #"{"mode":"strict"}"#, "[]", ""] {
                let r = try await RawHTTP.send(.PUT, base + "agent/t1%3Ax", json: json)
                #expect(r.status == 400 && r.body == #"{"error":"nodeName is required"}"#, "\(json)")
            }
            let garbage = try await RawHTTP.send(.PUT, base + "agent/t1%3Ax", json: "<html>")
            #expect(garbage.status == 400 && garbage.body == #"{"error":"Invalid JSON body"}"#)
            let unknown = try await RawHTTP.send(.PUT, base + "agent/t1%3Ax", json: #"{"nodeName":"x"}"#)
            #expect(unknown.status == 500 && unknown.body == #"{"error":"Node \"x\" not found in cluster registry"}"#)
            #expect(unknown.headers.first(name: "Content-Type")?.hasPrefix("application/json") == true)
        }
    }

    @Test func unknownModeBecomesStrictAndEncodedSlashStaysInOneId() async throws {
        try await Harness.with(.http) { h in
            let base = try #require(h.server).baseURL + "/api/cluster/assignments/"
            let r = try await RawHTTP.send(.PUT, base + "agent/t1%3Aa%2Fb", json: #"{"nodeName":" worker-03 ","mode":"bogus"}"#)
            #expect(r.status == 200)
            let stored = try JSONDecoder().decode(SetAssignmentResponse.self, from: Data(r.body.utf8)).assignment
            #expect(stored.entityId == "t1:a/b" && stored.mode == .strict && stored.nodeName == "worker-03")
            let gone = try await RawHTTP.send(.DELETE, base + "agent/t1%3Aa%2Fb")
            #expect(gone.status == 200 && gone.body == #"{"removed":true}"#)
            let none = try await RawHTTP.send(.DELETE, base + "agent/t1%3Aa%2Fb")
            #expect(none.body == #"{"removed":false}"#)
        }
    }

    @Test func repliesCarryADateHeader() async throws {
        try await Harness.with(.http) { h in
            let r = try await RawHTTP.send(.GET, try #require(h.server).baseURL + "/api/cluster/overview")
            #expect(r.status == 200)
            #expect(r.headers.first(name: "Date")?.hasSuffix("GMT") == true)
        }
    }

    @Test func loginSetsAWorkingCookieAndRepeatedFailuresAreRateLimited() async throws {
        try await Harness.with(.http) { h in
            let base = try #require(h.server).baseURL
            let good = #"{"email":"\#(Harness.adminEmail)","password":"\#(Harness.adminPassword)"}"#
            let ok = try await RawHTTP.send(.POST, base + "/api/auth/login", cookie: nil, json: good)
            #expect(ok.status == 200)
            let setCookie = try #require(ok.headers.first(name: "Set-Cookie"))
            let token = try #require(setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last)
            let overview = try await RawHTTP.send(.GET, base + "/api/cluster/overview", cookie: String(token))
            #expect(overview.status == 200)

            let missing = try await RawHTTP.send(.POST, base + "/api/auth/login", cookie: nil, json: #"{"email":"a@b"}"#)
            #expect(missing.status == 400)
            let bad = #"{"email":"\#(Harness.adminEmail)","password":"wrong"}"#
            for _ in 0..<5 {
                let r = try await RawHTTP.send(.POST, base + "/api/auth/login", cookie: nil, json: bad)
                #expect(r.status == 401)
            }
            let limited = try await RawHTTP.send(.POST, base + "/api/auth/login", cookie: nil, json: good)
            #expect(limited.status == 429)
            let retry = try #require(limited.headers.first(name: "Retry-After").flatMap { Int($0) })
            #expect(retry >= 1 && retry <= 60)
            // The window is on the core's clock: once it has passed, logging in works again.
            h.clock.advance(by: 61)
            let again = try await RawHTTP.send(.POST, base + "/api/auth/login", cookie: nil, json: good)
            #expect(again.status == 200)
        }
    }

    @Test func theHTTPClientLogsInAgainstTheServer() async throws {
        try await Harness.with(.http) { h in
            let client = try #require(h.client)
            let token = try await client.login(email: Harness.adminEmail, password: Harness.adminPassword, slug: nil)
            #expect(!token.isEmpty && token != Harness.token)
            await #expect(throws: ClusterError.self) {
                _ = try await client.login(email: Harness.adminEmail, password: "nope", slug: nil)
            }
            try await client.liveness()
        }
    }
}
