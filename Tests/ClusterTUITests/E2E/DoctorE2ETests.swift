import ClusterTestSupport
import Foundation
import Testing

/// Issue 15: `clustertui doctor`, the real binary, against a real `serve`
/// and against the faults an operator meets: refused port, 401, a proxy's
/// HTML, TLS mismatches, a server that never finishes. Each problem is a
/// `fail` line with the reason and exit 1, bounded by `--timeout`; the
/// token never appears in the output.
@Suite(.blocking, .serialized)
struct DoctorE2ETests {
    /// A terminal-ish environment (doctor's terminal checks are not the point here).
    static let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]

    /// `clustertui doctor args…` off the concurrency pool (in-process servers need it), with its wall time.
    func doctor(_ args: [String], token: String? = "t0ken", environment: [String: String] = Self.environment)
        async throws -> (result: ChildProcess.Result, seconds: Double) {
        let started = Date()
        let result = try await offPool { try CLIChild.run(["doctor"] + args, token: token, environment: environment) }
        return (result, Date().timeIntervalSince(started))
    }

    /// The output line of check `check` (`fail  server  …`), if any.
    func line(_ output: String, _ check: String) -> String? {
        output.split(separator: "\n").map(String.init).first {
            $0.dropFirst(6).hasPrefix(check + " ") && ["ok ", "warn", "fail"].contains(where: $0.hasPrefix)
        }
    }

    @Test func aHealthyServeIsAllOKAndExitsZero() async throws {
        let serve = try ServeProcess()
        let (run, _) = try await doctor(["--url", serve.url.absoluteString], token: serve.token)
        let out = run.stdout
        #expect(run.status == 0, "stdout: \(out) stderr: \(run.stderr)")
        for check in ["TERM", "config", "context", "token", "server", "tls", "clock", "api", "nodes", "this node", "instances"] {
            #expect(line(out, check)?.hasPrefix("ok") == true, "\(check): \(out)")
        }
        #expect(line(out, "nodes")?.contains("online") == true)
        #expect(line(out, "instances")?.contains("150 (") == true, "the demo's 150 instances: \(out)")
        #expect(line(out, "this node")?.contains("version 1.4.0") == true)
        #expect(out.contains("\ndoctor: ") && out.contains(" 0 fail\n"))
        #expect(!out.contains(serve.token) && !run.stderr.contains(serve.token), "the token is never printed")
    }

    /// The token file that `serve` wrote (0600) is the one checked; a copy others can read is a warning only.
    @Test func theTokenFileIsCheckedForItsMode() async throws {
        let serve = try ServeProcess()
        let open = serve.directory.appendingPathComponent("open.token").path
        try Data((serve.token + "\n").utf8).write(to: URL(fileURLWithPath: open))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: open)
        let (run, _) = try await doctor(["--url", serve.url.absoluteString, "--token-file", open], token: nil)
        #expect(run.status == 0, "a warning is not a failure: \(run.stdout)")
        #expect(line(run.stdout, "token")?.contains("chmod 600 \(open)") == true, "\(run.stdout)")
        #expect(line(run.stdout, "api")?.hasPrefix("ok") == true, "the token from the file was sent: \(run.stdout)")
        #expect(!run.stdout.contains(serve.token))
    }

    @Test func aRefusedPortFailsAtOnce() async throws {
        let closed = try #require(ClosedPort())
        defer { closed.close() }
        let (run, seconds) = try await doctor(["--url", "http://127.0.0.1:\(closed.port)", "--timeout", "5"])
        #expect(run.status == 1)
        let server = try #require(line(run.stdout, "server"), "\(run.stdout)")
        #expect(server.hasPrefix("fail") && server.contains("connection refused") && server.contains("is the core running"))
        #expect(line(run.stdout, "api") == nil, "nothing after the first server failure")
        #expect(seconds < 5, "refused is immediate, not the time-out: \(seconds) s")
    }

    @Test func a401IsAnAuthFailureThatSaysHowToLogIn() async throws {
        try await FaultServer.with(.unauthorized) { url, log in
            let (run, _) = try await doctor(["--url", url.absoluteString], token: "wr0ng-t0ken")
            #expect(run.status == 1)
            #expect(line(run.stdout, "server")?.hasPrefix("ok") == true, "\(run.stdout)")
            let auth = try #require(line(run.stdout, "auth"), "\(run.stdout)")
            #expect(auth.hasPrefix("fail") && auth.contains("Invalid or expired token") && auth.contains("clustertui login --url"))
            #expect(!run.stdout.contains("wr0ng-t0ken"), "the token is never printed")
            #expect(await log.requests.contains { $0.cookie == "token=wr0ng-t0ken" }, "the token was sent, as the cookie")
        }
    }

    @Test func aNonJSONReplyIsNotTheClusterCore() async throws {
        try await FaultServer.with(.proxyHTML) { url, _ in
            let (run, _) = try await doctor(["--url", url.absoluteString])
            #expect(run.status == 1)
            let api = try #require(line(run.stdout, "api"), "\(run.stdout)")
            #expect(api.hasPrefix("fail") && api.contains("HTTP 502") && api.contains("not JSON") && api.contains("502 Bad Gateway"))
        }
    }

    /// TLS mismatches both ways: an untrusted certificate, and https:// to a plain HTTP port.
    @Test func tlsMismatchesFailOnTheTLSLine() async throws {
        try await FaultServer.with(.normal, tls: try TLSFixture.localServer()) { url, _ in
            let (run, _) = try await doctor(["--url", url.absoluteString, "--timeout", "5"])
            #expect(run.status == 1)
            let tls = try #require(line(run.stdout, "tls"), "\(run.stdout)")
            #expect(tls.hasPrefix("fail") && tls.contains("is not trusted (use --ca-file PEM"), "\(tls)")
        }
        try await FaultServer.with(.normal) { url, _ in
            let https = url.absoluteString.replacingOccurrences(of: "http://", with: "https://")
            let (run, _) = try await doctor(["--url", https, "--timeout", "5"])
            #expect(run.status == 1)
            let tls = try #require(line(run.stdout, "tls"), "\(run.stdout)")
            #expect(tls.hasPrefix("fail") && tls.contains("did not answer TLS (is it plain http://?)"), "\(tls)")
        }
        // A real serve answers the handshake differently ("unknownError([])"): still a hint to try http://.
        let serve = try ServeProcess()
        let https = serve.url.absoluteString.replacingOccurrences(of: "http://", with: "https://")
        let (run, _) = try await doctor(["--url", https, "--timeout", "5"], token: serve.token)
        #expect(run.status == 1)
        let tls = try #require(line(run.stdout, "tls"), "\(run.stdout)")
        #expect(tls.hasPrefix("fail") && tls.contains("http://"), "\(tls)")
    }

    /// A body that trickles for 20 s: doctor gives up at --timeout, never hangs.
    @Test func aServerThatNeverFinishesIsBoundedByTheTimeout() async throws {
        try await FaultServer.with(.endlessBody) { url, _ in
            let (run, seconds) = try await doctor(["--url", url.absoluteString, "--timeout", "1"])
            #expect(run.status == 1)
            let api = try #require(line(run.stdout, "api"), "\(run.stdout)")
            #expect(api.hasPrefix("fail") && api.contains("timed out") && api.contains("1 s"), "\(api)")
            #expect(seconds < 10, "bounded by --timeout, not the server's 20 s: \(seconds) s")
        }
    }

    /// Without a server to check, the terminal lines still say what is wrong: TERM unset fails.
    @Test func noTermIsAFailureEvenWithoutAServer() async throws {
        let (run, _) = try await doctor([], environment: ["LANG": "C"])
        #expect(run.status == 1)
        #expect(line(run.stdout, "TERM")?.hasPrefix("fail") == true, "\(run.stdout)")
        #expect(line(run.stdout, "locale")?.contains("ASCII glyphs") == true, "\(run.stdout)")
        #expect(line(run.stdout, "context")?.contains("embedded demo") == true, "\(run.stdout)")
    }
}
