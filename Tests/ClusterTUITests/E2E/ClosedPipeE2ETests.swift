import ClusterTestSupport
import Foundation
import Testing

/// Output to a reader that goes away (`| head`): the command ends quietly
/// with 141, as a program does on SIGPIPE, never with Foundation's
/// "Fatal error … Broken pipe" and a stack trace.
@Suite(.blocking, .serialized)
struct ClosedPipeE2ETests {
    /// Runs `clustertui args…` with stdout a pipe whose reader is closed
    /// before the command writes; returns whether it ended as on SIGPIPE
    /// (killed by it, or exit 141 when this process ignores it, as it does
    /// once NIO runs) and its stderr.
    func runWithClosedStdout(_ args: [String], token: String? = nil) async throws -> (quiet: Bool, stderr: String) {
        try await offPool {
            let process = Process()
            process.executableURL = TestBinary.clustertui
            process.arguments = args
            var environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8",
                               "HOME": FileManager.default.temporaryDirectory.path,
                               "XDG_CONFIG_HOME": "/nonexistent-clustertui-test"]
            environment["CLUSTERTUI_TOKEN"] = token
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            // Closed before the child starts: a fast command could otherwise write all it
            // has into the pipe's buffer first and exit normally (a flake under load).
            try out.fileHandleForReading.close()
            try process.run()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            guard let ending = ChildExit.ending(process, seconds: 60) else {
                process.terminate()
                return (false, "did not end within 60 s; stderr: " + String(decoding: stderr, as: UTF8.self))
            }
            let quiet = ending.signalled ? ending.status == SIGPIPE : ending.status == 128 + SIGPIPE
            return (quiet, String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Found on a fresh Debian host: `clustertui doctor | head -6` crashed once head had gone.
    @Test func doctorIntoAClosedPipe() async throws {
        let closed = try #require(ClosedPort())
        defer { closed.close() }
        let result = try await runWithClosedStdout(["doctor", "--url", "http://127.0.0.1:\(closed.port)"])
        #expect(result.quiet, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "stderr: \(result.stderr)")
    }

    /// Found with it: `clustertui get instances | head -1` crashed (exit 132) on a list larger than the pipe's buffer.
    @Test func aLargeGetIntoAClosedPipe() async throws {
        let serve = try ServeProcess(extraArguments: ["--demo-instances", "3000"])
        let result = try await runWithClosedStdout(["get", "instances", "--url", serve.url.absoluteString], token: serve.token)
        #expect(result.quiet, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "stderr: \(result.stderr)")
    }

    /// The helper's review of issue 10: `clustertui plan … | head` wrote with FileHandle and would crash the same way.
    @Test func aLargePlanIntoAClosedPipe() async throws {
        let serve = try ServeProcess(extraArguments: ["--demo-instances", "3000"])
        let result = try await runWithClosedStdout(
            ["plan", "rebind", "--filter", "is:default", "--to", "worker-03", "-o", "json", "--url", serve.url.absoluteString],
            token: serve.token)
        #expect(result.quiet, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "stderr: \(result.stderr)")
    }
}
