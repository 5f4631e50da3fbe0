import ClusterClient
import ClusterModel
import ClusterSupport
import Foundation

/// A real `clustertui serve` child process on 127.0.0.1, shared by every
/// test target (issue 12: there were three copies). The default is a demo
/// core with a fresh token file; `serveArguments` runs `serve` with exactly
/// the arguments given. `stop()` (or deinit) ends it.
public final class ServeProcess: @unchecked Sendable {
    public let process = Process()
    public let url: URL
    /// The session token from the token file, or "" when none was given.
    public let token: String
    public let directory: URL

    /// A demo core: waits (bounded) for its `listening on` line. A fixed
    /// `port` and `tokenFile` let a restarted server come back at the same
    /// address accepting the same token; by default both are fresh.
    public convenience init(port: Int = 0, tokenFile: String? = nil, extraArguments: [String] = [], timeout: TimeInterval = 20) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tokenFile = tokenFile ?? directory.appendingPathComponent("token").path
        try self.init(serveArguments: ["--port", String(port), "--demo", "--token-file", tokenFile] + extraArguments,
                      tokenFile: tokenFile, directory: directory, timeout: timeout)
    }

    /// `clustertui serve` with exactly `serveArguments`; `tokenFile`, when
    /// given, is read for `token` once the server listens.
    public init(serveArguments: [String], binary: URL = TestBinary.clustertui, tokenFile: String? = nil,
                directory: URL? = nil, timeout: TimeInterval = 20) throws {
        self.directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("ctui-serve-\(UUID().uuidString)")
        process.executableURL = binary
        process.arguments = ["serve"] + serveArguments
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
        token = try tokenFile.map {
            try String(contentsOfFile: $0, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } ?? ""
    }

    /// Sends `signal` while the process runs.
    public func kill(signal: Int32) {
        if process.isRunning { Foundation.kill(process.processIdentifier, signal) }
    }

    /// The exit status, or nil if it did not exit in time (then it is killed).
    public func waitForExit(seconds: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(signal: SIGKILL); return nil }
        return process.terminationStatus
    }

    /// A client for checking the server's state from the test.
    public func withClient<T>(_ body: (ClusterHTTPClient) async throws -> T) async throws -> T {
        let client = try ClusterHTTPClient(ClientConfiguration(baseURL: url, token: token))
        return try await withCleanup({ try await body(client) }, cleanup: client.shutdown)
    }

    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        if !ChildExit.wait(process, seconds: 10) {
            Foundation.kill(process.processIdentifier, SIGKILL)
            ChildExit.wait(process, seconds: 5)
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
