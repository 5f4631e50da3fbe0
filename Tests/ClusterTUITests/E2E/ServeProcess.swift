import ClusterClient
import ClusterModel
import Foundation

/// A real `clustertui serve --demo` child process on 127.0.0.1 with a fresh
/// token file, for end-to-end tests; `stop()` (or deinit) ends it.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let url: URL
    let token: String
    let directory: URL

    /// Starts the server and waits (bounded) for its `listening on` line.
    /// A fixed `port` and `tokenFile` let a restarted server come back at the
    /// same address accepting the same token; by default both are fresh.
    init(port: Int = 0, tokenFile: String? = nil, extraArguments: [String] = [], timeout: TimeInterval = 20) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tokenFile = tokenFile ?? directory.appendingPathComponent("token").path
        process.executableURL = TestBinary.clustertui
        process.arguments = ["serve", "--port", String(port), "--demo", "--token-file", tokenFile] + extraArguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let handle = out.fileHandleForReading
        var buffer = ""
        let deadline = Date().addingTimeInterval(timeout * TmuxSession.patience)
        var found: URL?
        while found == nil, Date() < deadline, process.isRunning {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer += String(decoding: chunk, as: UTF8.self)
            if let range = buffer.range(of: "listening on ") {
                let rest = buffer[range.upperBound...]
                if let end = rest.firstIndex(of: "\n") { found = URL(string: String(rest[..<end])) }
            }
        }
        guard let found else {
            process.terminate()
            throw TmuxError(description: "serve did not report its address; output: \(buffer)")
        }
        url = found
        token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A client for checking the server's state from the test.
    func withClient<T>(_ body: (ClusterHTTPClient) async throws -> T) async throws -> T {
        let client = try ClusterHTTPClient(ClientConfiguration(baseURL: url, token: token))
        do {
            let value = try await body(client)
            await client.shutdown()
            return value
        } catch {
            await client.shutdown()
            throw error
        }
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
