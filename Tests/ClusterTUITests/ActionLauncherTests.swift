@testable import ClusterModel
import ClusterSupport
import Foundation
import Testing
@testable import ClusterRuntime
@testable import ClusterState

/// Issue 24: the real program receives exactly the prepared arguments and
/// stdin, no shell is involved, the token is not inherited, and output is
/// captured and bounded.
@Suite struct ActionLauncherTests {
    /// A script that writes its arguments NUL-separated, its stdin, and `$CLUSTERTUI_TOKEN` to files in `dir`.
    static func recorder(in dir: String) throws -> String {
        let path = dir + "/record.sh"
        try """
        #!/bin/sh
        for a in "$@"; do printf '%s\\0' "$a"; done > "\(dir)/args"
        cat > "\(dir)/stdin"
        printf '%s' "${CLUSTERTUI_TOKEN-unset}" > "\(dir)/token"
        echo "out line"; echo "err line" >&2
        exit 3
        """.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    static func directory() -> String {
        let dir = NSTemporaryDirectory() + "ctui-action-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Hostile text arrives as the same bytes, one argument each, and nothing it names runs.
    @Test func argumentsArriveExactly() throws {
        let dir = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = try Self.recorder(in: dir)
        let hostile = "$(touch \(dir)/pwned) `touch \(dir)/pwned2` \"q\" 'x' a b \u{1B}[31m;|&"
        // Run through /bin/sh: executing a file just written can fail with ETXTBSY while a parallel test forks.
        let action = CustomAction(name: "rec", scope: .marked, argv: ["/bin/sh", script, hostile, "", "two words"])
        let invocation = ActionInvocation(action: action, subject: "2 marked", argv: action.argv, stdin: Data("[1,2]\n".utf8))
        var environment = ProcessInfo.processInfo.environment
        environment["CLUSTERTUI_TOKEN"] = "secret-token"
        let result = ActionLauncher.runBackground(invocation, environment: environment)
        #expect(result.status == 3 && result.problem == nil, "\(result.problem ?? "")")
        #expect(result.output.contains("out line") && result.output.contains("err line"))
        let args = try Data(contentsOf: URL(fileURLWithPath: dir + "/args"))
        #expect(args == Data((hostile + "\0" + "\0" + "two words\0").utf8))
        #expect(try String(contentsOfFile: dir + "/stdin", encoding: .utf8) == "[1,2]\n")
        #expect(try String(contentsOfFile: dir + "/token", encoding: .utf8) == "unset", "the token is not inherited")
        #expect(!FileManager.default.fileExists(atPath: dir + "/pwned") && !FileManager.default.fileExists(atPath: dir + "/pwned2"))
    }

    /// A program that is not there did not start, and says so.
    @Test func missingProgramIsSaid() {
        let action = CustomAction(name: "gone", scope: .node, argv: ["no-such-program-ctui"])
        let result = ActionLauncher.runBackground(ActionInvocation(action: action, subject: "node a", argv: action.argv, stdin: Data()))
        #expect(result.status == nil && result.problem?.contains("not an executable program on PATH") == true)
    }

    /// Output past the limit is cut, and the program is not blocked by it; the end is kept (only the
    /// first 64 KB were, so the last line, where an error usually is, was lost).
    @Test func outputIsBoundedAndKeepsItsEnd() {
        let script = "i=0; while [ $i -lt 6000 ]; do echo \"line $i of a long output\"; i=$((i+1)); done; echo LAST LINE"
        let action = CustomAction(name: "loud", scope: .node, argv: ["/bin/sh", "-c", script])
        let result = ActionLauncher.runBackground(ActionInvocation(action: action, subject: "node a", argv: action.argv, stdin: Data()))
        #expect(result.status == 0 && result.truncated)
        #expect(result.output.utf8.count <= ActionResult.outputLimit + 64)
        #expect(result.output.hasPrefix("line 0 of a long output\n") && result.output.hasSuffix("LAST LINE\n"))
        #expect(result.output.contains("bytes of the middle cut …\nline "), "the tail starts at a whole line")
    }

    /// PATH lookup finds executables only.
    @Test func resolveFindsExecutables() {
        #expect(ChildSpawn.resolve("sh") != nil)
        let plain = Self.directory() + "/plain"
        FileManager.default.createFile(atPath: plain, contents: Data("x".utf8), attributes: [.posixPermissions: 0o644])
        #expect(ChildSpawn.resolve(plain) == nil, "a file without an execute bit")
        #expect(ChildSpawn.resolve("sh", path: "/nonexistent") == nil)
    }

    static func run(_ argv: [String], stdin: Data = Data(), timeout: TimeInterval = 30) -> (ActionResult, TimeInterval) {
        let action = CustomAction(name: "t", scope: .node, argv: argv)
        let started = Date()
        let result = ActionLauncher.runBackground(ActionInvocation(action: action, subject: "node a", argv: argv, stdin: stdin), timeout: timeout)
        return (result, Date().timeIntervalSince(started))
    }

    /// A program past its time is ended, with its whole group, and says so (the run never hangs).
    @Test func timeOutEndsTheGroup() {
        let (result, took) = Self.run(["/bin/sh", "-c", "sleep 30 & sleep 30"], timeout: 1)
        #expect(result.problem == "stopped after 1 s" && took < 6, "\(result.problem ?? "") after \(took) s")
    }

    /// Something the program left running that holds the pipe (a browser from xdg-open) does not hold the run.
    @Test func leftoverHolderOfThePipeIsNotWaitedFor() {
        let (result, took) = Self.run(["/bin/sh", "-c", "sleep 30 & echo started"])
        #expect(result.status == 0 && result.output.contains("started") && took < 5, "\(took) s")
    }

    /// A program that echoes its stdin while reading it does not deadlock on a large marked list.
    @Test func largeStdinEchoedBackDoesNotDeadlock() {
        let big = Data(repeating: UInt8(ascii: "x"), count: 300_000)
        let (result, took) = Self.run(["/bin/cat"], stdin: big)
        #expect(result.status == 0 && result.truncated && took < 10)
    }

    /// A background program has no terminal: it cannot read keys or draw over the dashboard.
    @Test func backgroundHasNoTerminal() {
        let (result, _) = Self.run(["/bin/sh", "-c", "if (exec </dev/tty) 2>/dev/null; then echo has-tty; else echo no-tty; fi"])
        #expect(result.output.contains("no-tty"), "\(result.output)")
    }
}
