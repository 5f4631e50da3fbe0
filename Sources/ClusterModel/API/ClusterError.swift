import Foundation

/// Every way a call to the cluster can fail, each with one operator-facing
/// line (`description`) and the `clustertui` exit code it maps to.
///
/// Messages never include the session token.
public enum ClusterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens at the address (ECONNREFUSED).
    case connectionRefused(String)
    /// The host name did not resolve.
    case dnsFailure(String)
    /// The TLS handshake or certificate check failed.
    case tls(String)
    /// Connecting or the whole request took too long.
    case timedOut(String)
    /// 401: no or bad session. The text says how to log in.
    case unauthorized(String)
    /// 403.
    case forbidden(String)
    /// 400 with the server's `error` text (`Invalid entityType`, `nodeName is required`).
    case badRequest(String)
    /// 404 on an API path: wrong URL or not a cluster core.
    case notFound(String)
    /// 429, with the `Retry-After` seconds when given.
    case rateLimited(retryAfter: Int?)
    /// 503 while the server is starting.
    case starting(String)
    /// Any other 4xx/5xx with the server's message (500 `Node "x" not found…`).
    case server(status: Int, message: String)
    /// A body that is not JSON, e.g. a proxy's HTML page: status and a short excerpt.
    case notJSON(status: Int, excerpt: String)
    /// JSON that does not match the expected shape, and where.
    case malformed(String)
    /// The body exceeded the response size limit and was cut off.
    case bodyTooLarge(limit: Int)
    /// A usage problem found before sending (bad URL, unreadable token file).
    case usage(String)
    /// Anything else the transport reported.
    case transport(String)
    /// A write was sent (or may have been) but its reply was lost: the
    /// connection closed or reset after the request went out, or the reply
    /// came after the time-out. Whether it was applied is not known until a
    /// re-read says so; never report it as "not applied" (issue 13).
    case outcomeUnknown(String)
    /// A write was sent and no reply came within the time-out: the server
    /// may still be working on it, so even a re-read showing the old
    /// binding does not prove it will not land.
    case replyTimedOut(String)
    /// A write whose reply was lost, and a re-read shows it was not applied:
    /// safe to retry.
    case notApplied(String)

    public var description: String {
        switch self {
        case .connectionRefused(let where_): return "connection refused: nothing is listening at \(where_)"
        case .dnsFailure(let host): return "cannot resolve host \(host)"
        case .tls(let why): return "TLS failure: \(why)"
        case .timedOut(let what): return "timed out: \(what)"
        case .unauthorized(let msg): return "not logged in (\(msg)): run `clustertui login` or set CLUSTERTUI_TOKEN"
        case .forbidden(let msg): return "forbidden: \(msg)"
        case .badRequest(let msg): return "rejected by server (400): \(msg)"
        case .notFound(let msg): return "not found (404): \(msg)"
        case .rateLimited(let after):
            return after.map { "rate limited (429): retry in \($0) s" } ?? "rate limited (429): retry later"
        case .starting(let msg): return "server is starting (503): \(msg)"
        case .server(409, let msg): return "conflict (409): \(msg)"
        case .server(let status, let msg): return "server error (\(status)): \(msg)"
        case .notJSON(let status, let excerpt): return "unexpected non-JSON reply (HTTP \(status)): \(excerpt)"
        case .malformed(let what): return "malformed reply: \(what)"
        case .bodyTooLarge(let limit):
            let size = limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit) bytes"
            return "reply too large: more than \(size), the limit (raise it with --max-body MB)"
        case .usage(let msg): return msg
        case .transport(let msg): return "connection failed: \(msg)"
        case .outcomeUnknown(let why):
            return "outcome unknown: the request was sent but its reply was lost (\(why)); it may or may not have been applied"
        case .replyTimedOut(let why):
            return "outcome unknown: the request was sent and no reply came in time (\(why)); it may or may not have been applied"
        case .notApplied(let why): return "not applied: \(why)"
        }
    }

    /// The process exit codes of `clustertui`, documented in `--help` and README.
    public enum ExitCode: Int32, Sendable {
        case ok = 0
        case failure = 1
        case usage = 64
        case auth = 65
        case rejected = 66
        case unreachable = 69
        /// EX_TEMPFAIL: a write whose outcome is unknown (sent, reply lost, re-read impossible).
        case unknown = 75
    }

    public var exitCode: ExitCode {
        switch self {
        case .usage: return .usage
        case .unauthorized, .forbidden: return .auth
        case .badRequest, .notFound, .rateLimited, .starting, .server, .notJSON, .malformed, .bodyTooLarge: return .rejected
        case .connectionRefused, .dnsFailure, .tls, .timedOut, .transport, .notApplied: return .unreachable
        case .outcomeUnknown, .replyTimedOut: return .unknown
        }
    }

    /// True for failures worth retrying by a poller (everything but auth/usage).
    public var isTransient: Bool {
        switch self {
        case .unauthorized, .forbidden, .usage: return false
        default: return true
        }
    }
}
