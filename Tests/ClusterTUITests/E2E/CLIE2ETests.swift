import ClusterTestSupport
import ClusterModel
import Foundation
import Testing

/// The scripting CLI is a contract: the real binary against a real
/// `clustertui serve`, checking output, server state, the one stderr line
/// and the documented exit code of each failure.
@Suite(.blocking, .serialized)
struct CLIE2ETests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `clustertui args…` with `environment` added to a minimal one (no user config).
    func run(_ args: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = TestBinary.clustertui
        process.arguments = args
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                   "HOME": FileManager.default.temporaryDirectory.path, "XDG_CONFIG_HOME": "/nonexistent-clustertui-test"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        // -1: did not end within the minute (killed), so the test fails instead of hanging the run.
        let ending = ChildExit.ending(process, seconds: 60)
        if ending == nil { process.terminate() }
        return Run(status: ending?.status ?? -1, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func getAssignUnassignAgainstARealServer() throws {
        let serve = try ServeProcess()
        let auth = ["CLUSTERTUI_TOKEN": serve.token]
        let url = serve.url.absoluteString
        let nodes = try run(["get", "nodes", "--url", url], environment: auth)
        #expect(nodes.status == 0)
        #expect(nodes.stdout.hasPrefix("NAME"))
        #expect(nodes.stdout.contains("core-main-1"))
        let json = try run(["get", "instances", "-o", "json", "--url", url], environment: auth)
        let list = try JSONDecoder().decode(InstanceList.self, from: Data(json.stdout.utf8))
        #expect(list.instances.contains { $0.entityId == "t1:a/b?c#d%e f" })

        let hostile = "t4:ü-browser"
        let assign = try run(["assign", "browser", hostile, "--node", "worker-03", "--mode", "preferred", "--url", url], environment: auth)
        #expect(assign.status == 0, "\(assign.stderr)")
        let after = try run(["get", "overview", "-o", "json", "--url", url], environment: auth)
        let overview = try JSONDecoder().decode(Overview.self, from: Data(after.stdout.utf8))
        let row = try #require(overview.assignments.first { $0.entityId == hostile })
        #expect(row.nodeName == "worker-03" && row.mode == .preferred)

        let removed = try run(["unassign", "browser", hostile, "--url", url], environment: auth)
        #expect(removed.status == 0 && removed.stdout.contains("removed"))
        let again = try run(["unassign", "browser", hostile, "--url", url], environment: auth)
        #expect(again.status == 0 && again.stdout.contains("default node"))
    }

    @Test func failuresPrintOneLineAndTheDocumentedExitCode() throws {
        let serve = try ServeProcess()
        let url = serve.url.absoluteString
        let auth = ["CLUSTERTUI_TOKEN": serve.token]

        let noToken = try run(["get", "nodes", "--url", url])
        #expect(noToken.status == ClusterError.ExitCode.auth.rawValue)
        #expect(noToken.stderr.contains("clustertui login"))

        // Issue 19: the CLI's risk rules are the forms': a node missing from the registry is refused, exit 1.
        let refusedNode = try run(["assign", "agent", "t1:x", "--node", "no-such-node", "--url", url], environment: auth)
        #expect(refusedNode.status == ClusterError.ExitCode.failure.rawValue)
        #expect(refusedNode.stderr == "clustertui: refused: node \"no-such-node\" is not in the registry; nothing was sent (--yes sends it anyway)\n")
        // So is an entity the instance list does not have (it would show nowhere in the dashboard).
        let unknownEntity = try run(["assign", "agent", "t1:no-such-entity", "--node", "core-main-1", "--url", url], environment: auth)
        #expect(unknownEntity.status == ClusterError.ExitCode.failure.rawValue)
        #expect(unknownEntity.stderr.contains("is not in the cluster's instance list"))

        // With --yes the server answers 500: a re-read shows it was not applied (69, safe to retry; issue 20).
        let unknownNode = try run(["assign", "agent", "t1:x", "--node", "no-such-node", "--yes", "--url", url], environment: auth)
        #expect(unknownNode.status == ClusterError.ExitCode.unreachable.rawValue)
        #expect(unknownNode.stderr.contains("Node \"no-such-node\" not found in cluster registry"))
        #expect(unknownNode.stderr.contains("a re-read shows it was not applied"))
        #expect(unknownNode.stderr.split(separator: "\n").count == 1)

        let badType = try run(["assign", "spaceship", "t1:x", "--node", "core-main-1", "--yes", "--url", url], environment: auth)
        #expect(badType.status == ClusterError.ExitCode.rejected.rawValue)
        #expect(badType.stderr.contains("Invalid entityType"))

        // Port 1 is privileged and unused here; a freed test port could be taken by a parallel test.
        let refused = try run(["get", "nodes", "--url", "http://127.0.0.1:1"], environment: auth)
        #expect(refused.status == ClusterError.ExitCode.unreachable.rawValue)
        #expect(refused.stderr.contains("refused"))
        #expect(!refused.stderr.contains(serve.token), "the token never appears in error text")

        let usage = try run(["get", "nodes", "--token-file", "/nonexistent/token", "--url", url])
        #expect(usage.status == ClusterError.ExitCode.usage.rawValue)
    }

    /// Guards a crash: a URL with a port past 65535 trapped inside AsyncHTTPClient (SIGILL), in `get`, `check`, `doctor` and `get fleet`.
    @Test func aPortPast65535IsAUsageErrorNotACrash() throws {
        let got = try run(["get", "nodes", "--url", "http://127.0.0.1:99999"])
        #expect(got.status == ClusterError.ExitCode.usage.rawValue, "\(got.stderr)")
        #expect(got.stderr == "clustertui: the URL's port must be 1…65535: http://127.0.0.1:99999\n")
        let home = try ConfigHome([.init("typo", url: "http://127.0.0.1:99999")])
        defer { home.remove() }
        let fleet = try run(["get", "fleet", "-o", "json", "--timeout", "3"], environment: home.environment)
        #expect(fleet.status == ClusterError.ExitCode.failure.rawValue, "one context cannot be read: \(fleet.stderr)")
        #expect(fleet.stdout.contains("port must be 1…65535") && !fleet.stderr.contains("Fatal error"), "\(fleet.stdout) \(fleet.stderr)")
    }

    /// Guards a promise of README's: a command-line mistake was ArgumentParser's three lines starting `Error:`, not one `clustertui:` line.
    @Test func aCommandLineMistakeIsOneLine() throws {
        for args in [["get", "pods"], ["get", "nodes", "-o", "yaml"], ["get", "nodes", "--bogus"]] {
            let run = try run(args)
            #expect(run.status == ClusterError.ExitCode.usage.rawValue, "\(args)")
            #expect(run.stderr.hasPrefix("clustertui: ") && run.stderr.hasSuffix("(see clustertui get --help)\n"), "\(args): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(args): \(run.stderr)")
        }
    }

    @Test func getWithoutAURLUsesTheEmbeddedCore() throws {
        let result = try run(["get", "nodes"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("core-main-1"))
    }

    /// Guards the read-only promise of the terminal check: a dumb terminal is refused before anything starts.
    @Test func dumbTerminalIsRefusedWithAPointerToGet() throws {
        let result = try run([], environment: ["TERM": "dumb"])
        #expect(result.status == ClusterError.ExitCode.usage.rawValue)
        #expect(result.stderr.contains("clustertui get"))
    }
}
