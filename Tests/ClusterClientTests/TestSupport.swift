import ClusterClient
import ClusterTestSupport
import ClusterModel
import Foundation
import Testing

/// The token the tests send; asserted never to appear in error text.
let testToken = "tok-SECRET-123"

/// Runs `body` with a client for `url` and always shuts it down.
func withClient(
    _ url: URL, token: String? = testToken, timeout: TimeInterval = 10, bodyLimit: Int = 256 << 20,
    caFile: String? = nil, insecure: Bool = false, connectTimeout: TimeInterval = 3,
    _ body: (ClusterHTTPClient) async throws -> Void
) async throws {
    let client = try ClusterHTTPClient(ClientConfiguration(
        baseURL: url, token: token, caFile: caFile, insecure: insecure, connectTimeout: min(connectTimeout, timeout),
        requestTimeout: timeout, bodyLimit: bodyLimit))
    do {
        try await body(client)
    } catch {
        await client.shutdown()
        throw error
    }
    await client.shutdown()
}

/// The `ClusterError` an operation throws; fails the test when it throws
/// something else or nothing.
func clusterError(_ operation: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> ClusterError? {
    do {
        try await operation()
        Issue.record("expected a ClusterError, got success", sourceLocation: sourceLocation)
        return nil
    } catch let error as ClusterError {
        #expect(!error.description.contains(testToken), "the token leaked into an error", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a ClusterError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("clustertui-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Expects `text` to be refused as a config file with an error that contains `expected`.
func expectConfigRefused(_ text: String, saying expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try ClusterConfig.parse(text)
        Issue.record("accepted: \(text)", sourceLocation: sourceLocation)
    } catch {
        #expect(String(describing: error).contains(expected), "\(error)", sourceLocation: sourceLocation)
    }
}

/// The error one read (`read`) meets against a server answering with `fault`.
func readError(
    _ fault: Fault, timeout: TimeInterval = 10, bodyLimit: Int = 256 << 20,
    _ read: @escaping @Sendable (ClusterHTTPClient) async throws -> Void
) async throws -> ClusterError? {
    let box = ErrorBox()
    try await FaultServer.with(fault) { url, _ in
        try await withClient(url, timeout: timeout, bodyLimit: bodyLimit) { client in
            await box.set(await clusterError { try await read(client) })
        }
    }
    return await box.value
}

/// Runs `body` with a client of a fault server answering with `fault`, and
/// the server's log of what it was sent; the client is always shut down.
func withFaultClient(
    _ fault: Fault, token: String? = testToken, timeout: TimeInterval = 10, bodyLimit: Int = 256 << 20,
    _ body: @escaping @Sendable (ClusterHTTPClient, RequestLog) async throws -> Void
) async throws {
    try await FaultServer.with(fault) { url, log in
        try await withClient(url, token: token, timeout: timeout, bodyLimit: bodyLimit) { try await body($0, log) }
    }
}
