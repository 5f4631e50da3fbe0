import ArgumentParser
import ClusterCore
import ClusterModel
import Foundation

/// `clustertui serve`: runs this process as one node of a cluster core and
/// serves the Cluster API over HTTP. Several processes on one `--db` file
/// form one cluster. Prints exactly one line to stdout once listening.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a cluster core node and serve the Cluster API over HTTP.",
        discussion: """
            Prints `listening on http://HOST:PORT` once bound. SIGINT/SIGTERM mark this node offline and exit 0.
            With --token-file, the token in that file (created 0600 with a random token when missing) is
            accepted as the `token` session cookie. --admin-password-file enables POST /api/auth/login.

            """ + CLIRun.exitCodeHelp)

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind (0 = any free port).") var port = 3000
    @Option(help: "SQLite database file shared by the nodes (default: in memory).") var db: String?
    @Option(name: .customLong("node-name"), help: "This node's name (default: hostname-pid).") var nodeName: String?
    @Option(help: "main, worker or all.") var role = "all"
    @Option(help: "The URL other nodes reach this one at.") var url: String?
    @Option(help: "Comma-separated tags.") var tags = ""
    @Option(help: "Seconds between heartbeats.") var heartbeat: Double = 10
    @Option(name: .customLong("offline-after"), help: "Seconds of silence before a node is swept offline.")
    var offlineAfter: Double = 30
    @Option(name: .customLong("sweep-interval"), help: .hidden) var sweepInterval: Double?
    @Option(name: .customLong("default-node"), help: "Fix the default node (CLUSTER_DEFAULT_NODE_NAME).")
    var defaultNode: String?
    @Flag(help: "Seed and simulate a demo cluster.") var demo = false
    @Option(name: .customLong("demo-nodes"), help: "Demo nodes, this one included (up to 1000).") var demoNodes = 8
    @Option(name: .customLong("demo-instances"), help: "Demo instances (up to 100000).") var demoInstances = 150
    @Option(name: .customLong("token-file"), help: "File holding the session token accepted as cookie.")
    var tokenFile: String?
    @Option(name: .customLong("admin-email"), help: "The admin login's email.") var adminEmail = "admin@localhost"
    @Option(name: .customLong("admin-password-file"), help: "File holding the admin login's password.")
    var adminPasswordFile: String?

    func validate() throws {
        guard ["main", "worker", "all"].contains(role) else { throw ValidationError("--role must be main, worker or all") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard heartbeat > 0, offlineAfter > 0 else { throw ValidationError("--heartbeat and --offline-after must be > 0") }
        guard (1...1000).contains(demoNodes), (0...100_000).contains(demoInstances) else {
            throw ValidationError("--demo-nodes must be 1…1000 and --demo-instances 0…100000")
        }
    }

    func run() async throws {
        try await CLIRun.run {
            let core = try await EmbeddedCluster.start(coreOptions())
            let server: ClusterServer
            do {
                server = try await ClusterServer.start(cluster: core, options: try serverOptions())
            } catch {
                await core.shutdown()
                throw error
            }
            FileHandle.standardOutput.write(Data("listening on \(server.baseURL)\n".utf8))
            await server.waitUntilStopped()
            await core.shutdown()
        }
    }

    func coreOptions() -> CoreOptions {
        let tagList = tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let node = NodeRegistration.thisProcess(
            name: nodeName, role: NodeRole(role), url: url, tags: tagList, version: ClusterCoreInfo.version)
        return CoreOptions(
            dbPath: db, node: node, heartbeat: heartbeat, offlineAfter: offlineAfter, sweepInterval: sweepInterval,
            defaultNodeName: defaultNode, demo: demo ? DemoOptions(nodes: demoNodes, instances: demoInstances) : nil)
    }

    func serverOptions() throws -> ServerOptions {
        var password: String?
        if let path = adminPasswordFile {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read --admin-password-file \(path)")
            }
            password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        }
        let token: String?
        do { token = try tokenFile.map(TokenFile.loadOrCreate(at:)) } catch { throw ValidationError(error.description) }
        return ServerOptions(
            host: host, port: port, adminEmail: adminEmail, adminPassword: password, staticToken: token,
            stopsOnSignals: true)
    }
}
