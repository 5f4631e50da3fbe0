import ClusterClient
import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Several `clustertui serve` processes on one database file form one
/// cluster; one killed with SIGKILL is swept offline by the survivor.
@Suite(.serialized) struct MultiProcessTests {
    @Test(.timeLimit(.minutes(1))) func killedNodeGoesOfflineWhileTheSurvivorAnswers() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("cluster.db").path
        let tokenFile = dir.appendingPathComponent("token").path
        let common = ["--port", "0", "--db", db, "--heartbeat", "1", "--offline-after", "3", "--token-file", tokenFile]
        let survivor = try ServeProcess(serveArguments: common + ["--node-name", "survivor"])
        defer { survivor.kill(signal: SIGKILL) }
        let url = survivor.url.absoluteString
        let victim = try ServeProcess(serveArguments: common + ["--node-name", "victim"])
        defer { victim.kill(signal: SIGKILL) }

        let attrs = try FileManager.default.attributesOfItem(atPath: tokenFile)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let client = try ClusterHTTPClient(ClientConfiguration(baseURL: try #require(URL(string: url)), token: token))
        defer { Task { await client.shutdown() } }

        let both = try await client.reader.overview()
        #expect(Set(both.nodes.filter { $0.status == .online }.map(\.name)) == ["survivor", "victim"])
        #expect(both.thisNodeName == "survivor")

        victim.kill(signal: SIGKILL)
        let deadline = Date().addingTimeInterval(20)
        var status: NodeStatus?
        while Date() < deadline {
            status = try await client.reader.overview().nodes.first { $0.name == "victim" }?.status
            if status == .offline { break }
            try await Task.sleep(nanoseconds: 250_000_000)
        }
        #expect(status == .offline)
        let after = try await client.reader.overview()
        #expect(after.nodes.first { $0.name == "survivor" }?.status == .online)

        survivor.kill(signal: SIGTERM)
        #expect(survivor.waitForExit(seconds: 10) == 0)
    }
}
