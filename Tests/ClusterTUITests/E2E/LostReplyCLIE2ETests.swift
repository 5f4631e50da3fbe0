import ClusterTestSupport
import Foundation
import Testing

/// Issue 13, against the real binary: a write whose reply is lost is
/// resolved by re-reading, and the exit code matches what the server did.
/// The invariant for every mode: a 0 exit has a matching applied write,
/// and an applied write is never reported as not applied (69).
@Suite(.serialized)
struct LostReplyCLIE2ETests {
    struct Expected: Sendable, CustomStringConvertible {
        var mode: LostWriteServerMode
        var status: Int32
        var text: String
        var description: String { mode.rawValue }
    }
    typealias LostWriteServerMode = LossyWriteServer.Mode

    static let cases: [Expected] = [
        Expected(mode: .applyThenClose, status: 0, text: "confirmed by re-reading"),
        Expected(mode: .applyThenReset, status: 0, text: "confirmed by re-reading"),
        Expected(mode: .applyThenSlowReply, status: 0, text: "confirmed by re-reading"),
        Expected(mode: .dropThenClose, status: 69, text: "not applied: the reply was lost and a re-read shows it still following the default node; safe to retry"),
        Expected(mode: .applyThenDown, status: 75, text: "outcome unknown"),
        // After a time-out the server may still be working: no "safe to retry".
        Expected(mode: .dropThenSlowReply, status: 69,
                 text: "following the default node; the request timed out and may still be applied: re-check before retrying"),
    ]

    /// The CLI, off the concurrency pool (a slow reply blocks it for seconds).
    func run(_ args: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try await offPool { try CLIChild.run(args) }
        return (result.status, result.stdout, result.stderr)
    }

    /// Issue 13: `assign` exited 69 "closed the connection before answering"
    /// for PUTs the server had applied (33 of 105 in the fault matrix).
    @Test(arguments: cases)
    func assignWithALostReply(_ expected: Expected) async throws {
        let server = try LossyWriteServer(mode: expected.mode)
        defer { server.stop() }
        let result = try await run(["assign", "agent", "t1:a/b c", "--node", "node-b", "--mode", "strict",
                              "--url", server.url.absoluteString, "--timeout", "2"])
        let applied = server.binding("agent", "t1:a/b c") == "node-b/strict"
        #expect(result.status == expected.status, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect((result.stdout + result.stderr).contains(expected.text), "stdout: \(result.stdout) stderr: \(result.stderr)")
        if result.status == 0 { #expect(applied, "exit 0 only for a write the server holds") }
        if applied { #expect(result.status != 69, "an applied write is never reported as not applied") }
        #expect(result.stderr.split(separator: "\n").count <= 2, "one progress line and at most one error line")
    }

    /// Issue 13: the same for `unassign`: reset applied, reply lost, confirmed.
    @Test func unassignWithALostReplyIsConfirmed() async throws {
        let server = try LossyWriteServer(mode: .applyThenClose)
        defer { server.stop() }
        server.seed("agent", "t1:x", node: "node-b", mode: "strict")
        let result = try await run(["unassign", "agent", "t1:x", "--url", server.url.absoluteString, "--timeout", "2"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "agent:t1:x: on the default node (applied; the reply was lost, confirmed by re-reading)\n")
        #expect(server.binding("agent", "t1:x") == nil)
    }

    /// "Never sent" stays 69, safe to retry: nothing listens.
    @Test func refusedIsNeverSent() async throws {
        // A port bound but never listened on: refused, and no other test can take it meanwhile.
        let closed = try #require(ClosedPort())
        let result = try await run(["assign", "agent", "t1:x", "--node", "node-b", "--url", "http://127.0.0.1:\(closed.port)", "--timeout", "2"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("connection refused"))
    }
}
