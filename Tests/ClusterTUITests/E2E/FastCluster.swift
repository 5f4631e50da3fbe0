import ClusterTestSupport
import Foundation

/// Two `serve` processes sharing one database and heartbeating every 2 s
/// (silent after 40 s): `survivor`, the one a dashboard reads, and
/// `victim`, the one a test kills. `stop()` kills both and removes the directory.
struct FastCluster {
    let dir: URL
    /// The flags every node of this cluster is started with.
    let common: [String]
    let survivor: ServeProcess
    let victim: ServeProcess

    init(prefix: String) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tokenFile = dir.appendingPathComponent("token").path
        common = ["--port", "0", "--db", dir.appendingPathComponent("cluster.db").path, "--heartbeat", "2",
                  "--offline-after", "40", "--token-file", tokenFile]
        survivor = try ServeProcess(serveArguments: common + ["--node-name", "survivor"], tokenFile: tokenFile)
        victim = try ServeProcess(serveArguments: common + ["--node-name", "victim"])
    }

    /// Another node of the same cluster (a node coming back under its name).
    func node(_ name: String) throws -> ServeProcess {
        try ServeProcess(serveArguments: common + ["--node-name", name])
    }

    func stop() {
        victim.kill(signal: SIGKILL)
        survivor.kill(signal: SIGKILL)
        try? FileManager.default.removeItem(at: dir)
    }
}
