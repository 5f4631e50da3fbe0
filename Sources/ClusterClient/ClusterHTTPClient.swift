import AsyncHTTPClient
import ClusterModel
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// The HTTP connection to one cluster core: owns the AsyncHTTPClient
/// (connection pool, TLS, proxy) and hands out the reader and, on request,
/// the writer.
///
/// `shutdown()` must be called exactly once when done: AsyncHTTPClient
/// traps in debug builds when a client is released without it. Everything
/// that can fail in `init` is checked before the client is created, so a
/// throwing `init` leaves nothing to shut down.
public final class ClusterHTTPClient: Sendable {
    public let configuration: ClientConfiguration
    let transport: HTTPTransport

    public init(_ config: ClientConfiguration) throws {
        let base = try Self.validatedBase(config.baseURL)
        if let token = config.token { try Self.validate(token: token) }
        let tls = try Self.tlsConfiguration(config)
        var httpConfig = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(HTTPTransport.nanos(config.connectTimeout))),
            proxy: ProxySettings.proxy(for: config.baseURL, environment: ProcessInfo.processInfo.environment),
            decompression: .enabled(limit: .ratio(HTTPTransport.decompressionRatioLimit))
        )
        // Fail fast on a refused connection instead of retrying until the
        // connect time-out: the dashboard's poller does its own back-off.
        httpConfig.connectionPool.retryConnectionEstablishment = false
        self.configuration = config
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfig)
        self.transport = HTTPTransport(client: client, config: config, base: base)
    }

    /// Closes connections. Safe to call more than once.
    public func shutdown() async {
        try? await transport.client.shutdown()
    }

    /// Reads `overview` and `instances`.
    public var reader: HTTPClusterReader { HTTPClusterReader(transport: transport) }

    /// The writer; read-only and wallboard modes never call this.
    public func makeWriter() -> HTTPClusterWriter { HTTPClusterWriter(transport: transport) }

    /// `POST /api/auth/login`; returns the value of the `token` cookie.
    /// The password is sent only in the request body.
    public func login(email: String, password: String, slug: String?) async throws -> String {
        let request = LoginRequest(email: email, password: password, slug: slug)
        let body: Data
        do { body = try JSONEncoder().encode(request) } catch {
            throw ClusterError.usage("cannot encode the login request")
        }
        let reply = try await transport.send(.POST, "/api/auth/login", json: body, authenticated: false)
        if reply.status == 401 {
            let text = ReplyInterpreter.errorBody(reply).map { $0.message ?? $0.error } ?? "invalid email or password"
            throw ClusterError.unauthorized("login rejected: \(ReplyText.oneLine(text))")
        }
        try ReplyInterpreter.check(reply, path: "/api/auth/login", base: transport.base)
        guard let token = SetCookie.value(named: "token", in: reply.headers[canonicalForm: "Set-Cookie"].map(String.init))
        else {
            // Issue 20: a login error, worded as one (nothing was written).
            throw ClusterError.malformed("login failed: the server answered \(reply.status) but set no readable `token` cookie; "
                + "nothing was saved, log in again or check the proxy in front of the core")
        }
        return token
    }

    /// `GET /api/health/live`, without the session cookie.
    public func liveness() async throws {
        let reply = try await transport.send(.GET, "/api/health/live", authenticated: false)
        try ReplyInterpreter.check(reply, path: "/api/health/live", base: transport.base)
    }

    // MARK: - Validation

    /// `scheme://host[:port][/prefix]` without a trailing slash; http or https only.
    static func validatedBase(_ url: URL) throws -> String {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw ClusterError.usage("the URL must start with http:// or https:// (got \(ReplyText.oneLine(url.absoluteString)))")
        }
        guard let host = url.host, !host.isEmpty else {
            throw ClusterError.usage("the URL has no host: \(ReplyText.oneLine(url.absoluteString))")
        }
        if let port = url.port, !(1...65535).contains(port) {
            // AsyncHTTPClient traps on a port that does not fit 16 bits: refused here, as a usage error.
            throw ClusterError.usage("the URL's port must be 1…65535 (got \(port))")
        }
        guard url.query == nil, url.fragment == nil, url.user == nil, url.password == nil else {
            throw ClusterError.usage("the URL must not carry a query, fragment or user info")
        }
        var s = url.absoluteString
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }

    /// The token goes into a `Cookie` header: no whitespace, controls, `;` or `,`.
    static func validate(token: String) throws {
        guard !token.isEmpty else { throw ClusterError.usage("the session token is empty") }
        for scalar in token.unicodeScalars {
            let v = scalar.value
            guard v > 0x20, v < 0x7F, scalar != ";", scalar != ",", scalar != "\"", scalar != "\\" else {
                throw ClusterError.usage("the session token contains characters not allowed in a cookie")
            }
        }
    }

    static func tlsConfiguration(_ config: ClientConfiguration) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = config.caFile {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(caFile)
                guard !certificates.isEmpty else { throw ClusterError.usage("no certificate in CA file \(caFile)") }
                tls.trustRoots = .certificates(certificates)
            } catch let error as ClusterError {
                throw error
            } catch {
                throw ClusterError.usage("cannot read CA file \(caFile): not a readable PEM certificate file")
            }
        }
        if config.insecure { tls.certificateVerification = .none }
        return tls
    }
}
