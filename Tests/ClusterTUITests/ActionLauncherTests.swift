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
        setenv("CLUSTERTUI_TOKEN", "secret-token", 1)
        defer { unsetenv("CLUSTERTUI_TOKEN") }
        let result = ActionLauncher.runBackground(invocation)
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

    /// Output past the limit is cut, and the program is not blocked by it.
    @Test func outputIsBounded() {
        let action = CustomAction(name: "loud", scope: .node, argv: ["/bin/sh", "-c", "head -c 300000 /dev/zero | tr '\\0' x"])
        let result = ActionLauncher.runBackground(ActionInvocation(action: action, subject: "node a", argv: action.argv, stdin: Data()))
        #expect(result.status == 0 && result.truncated && result.output.utf8.count == ActionResult.outputLimit)
    }

    /// PATH lookup finds executables only.
    @Test func resolveFindsExecutables() {
        #expect(ChildSpawn.resolve("sh") != nil)
        let plain = Self.directory() + "/plain"
        FileManager.default.createFile(atPath: plain, contents: Data("x".utf8), attributes: [.posixPermissions: 0o644])
        #expect(ChildSpawn.resolve(plain) == nil, "a file without an execute bit")
        #expect(ChildSpawn.resolve("sh", path: "/nonexistent") == nil)
    }
}
