import Foundation

/// How to reach one cluster core over HTTP: where, with which session
/// token and trust settings, and how long and how much to wait for.
///
/// The token is only ever sent as the `token` cookie; it never appears in
/// a URL, a log line or an error message.
public struct ClientConfiguration: Sendable {
    /// The core's base URL (`https://core.example:3000`, optionally with a path prefix).
    public var baseURL: URL
    /// The dashboard session token (the value of the `token` cookie), if any.
    public var token: String?
    /// Where the token came from (`CLUSTERTUI_TOKEN`, `token file ~/…`), said
    /// with a 401 so the operator knows which one to renew (issue 23).
    public var tokenSource: String?
    /// A PEM file of CA certificates to trust instead of the system roots.
    public var caFile: String?
    /// Disables certificate verification. The CLI prints a loud warning when set.
    public var insecure: Bool
    /// Seconds allowed to establish the TCP (and TLS) connection.
    public var connectTimeout: TimeInterval
    /// Seconds allowed for a whole request, body included.
    public var requestTimeout: TimeInterval
    /// The largest response body accepted, in bytes; more is cut off with `ClusterError.bodyTooLarge`.
    public var bodyLimit: Int

    public init(
        baseURL: URL, token: String? = nil, caFile: String? = nil, insecure: Bool = false,
        connectTimeout: TimeInterval = 3, requestTimeout: TimeInterval = 10, bodyLimit: Int = 256 << 20
    ) {
        self.baseURL = baseURL; self.token = token; self.caFile = caFile; self.insecure = insecure
        self.connectTimeout = connectTimeout; self.requestTimeout = requestTimeout; self.bodyLimit = bodyLimit
    }
}
