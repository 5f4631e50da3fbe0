import ClusterClient
import ClusterModel
import Foundation
import Testing
@testable import ClusterCLI

/// Issue 24: `doctor` checks the config's keys and each custom action's program.
@Suite struct DoctorActionsTests {
    static func configFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "ctui-doctor-\(UUID().uuidString).toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A program on PATH is ok with what it fills; one that is not there fails with its name.
    @Test func programsAreFound() throws {
        let path = try Self.configFile("""
            [actions.shell]
            key = "K"
            scope = "node"
            argv = ["sh", "-c", "true", "{hostname}"]

            [actions.gone]
            scope = "instance"
            argv = ["no-such-program-ctui", "{id}"]
            """)
        defer { unlink(path) }
        let lines = ActionsCheck.lines(configPath: path, environment: ["PATH": "/usr/bin:/bin"])
        #expect(lines.map(\.verdict) == [.ok, .ok, .fail])
        #expect(lines[1].text.contains("shell:") && lines[1].text.contains("fills {hostname}"), "\(lines[1].text)")
        #expect(lines[2].text.contains("gone: no-such-program-ctui is not on PATH"), "\(lines[2].text)")
    }

    /// A clash in [keys] is a failure naming the file and line, as at start.
    @Test func clashIsAFailure() throws {
        let path = try Self.configFile("[keys]\nrebind = \"q\"\n")
        defer { unlink(path) }
        let lines = ActionsCheck.lines(configPath: path, environment: [:])
        #expect(lines.first?.verdict == .fail && lines.first?.text.contains(":2: q for rebind is already bound to quit") == true)
    }
}
