import Foundation

/// A demo `serve` that can be stopped and started again at the same address
/// with the same token: for tests of what a client shows while its server
/// is gone and after it comes back.
public final class RestartableServe: @unchecked Sendable {
    public let port: Int
    public let tokenFile: String
    private let directory: URL
    public private(set) var serve: ServeProcess?
    public let token: String

    /// Picks a free port and starts the first server.
    public init(name: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        tokenFile = directory.appendingPathComponent("token").path
        port = try FreePort.find()
        let first = try ServeProcess(port: port, tokenFile: tokenFile)
        serve = first
        token = first.token
    }

    public var url: String { "http://127.0.0.1:\(port)" }

    public func stop() { serve?.stop() }

    /// Starts a new server at the same port with the same token file.
    public func restart() throws { serve = try ServeProcess(port: port, tokenFile: tokenFile) }

    deinit {
        serve?.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
