import Foundation
import Hummingbird
import HummingbirdTLS
import NIOSSL
import ServiceLifecycle

/// The life of an in-process test server: a Hummingbird application on
/// 127.0.0.1, port 0, run in a ServiceGroup for the duration of `body`, then
/// shut down gracefully (also when `body` throws). The fault servers differ
/// only in their responder.
public enum TestHTTPServer {
    @discardableResult
    public static func with<T: Sendable>(
        tls: TLSConfiguration? = nil,
        responder: @escaping @Sendable (Request) async throws -> Response,
        _ body: @Sendable (URL) async throws -> T
    ) async throws -> T {
        let box = PortBox()
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in try await responder(request) },
            server: try tls.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await box.set(channel.localAddress?.port) }
        )
        let group = ServiceGroup(services: [app])
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let value: T
            do {
                let port = try await box.wait()
                guard let url = URL(string: "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)") else {
                    throw TestServerError.didNotStart
                }
                value = try await body(url)
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return value
        }
    }
}

/// The real `clustertui` binary run as a command-line tool, with a minimal
/// environment: no user config, a session token in `CLUSTERTUI_TOKEN`
/// (none when `token` is nil), plus `environment`.
public enum CLIChild {
    public static func run(_ args: [String], token: String? = "t0ken", environment: [String: String] = [:]) throws -> ChildProcess.Result {
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                   "HOME": FileManager.default.temporaryDirectory.path, "XDG_CONFIG_HOME": "/nonexistent-clustertui-test"]
        if let token { env["CLUSTERTUI_TOKEN"] = token }
        env.merge(environment) { _, new in new }
        return try ChildProcess.run(TestBinary.clustertui.path, args, environment: env)
    }
}
