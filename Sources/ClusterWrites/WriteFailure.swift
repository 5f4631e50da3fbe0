import ClusterModel

/// What a write's error says about whether it landed: the one rule every
/// surface follows (issues 13, 19 and 20). Only a refusal (4xx) or a
/// request that never left proves "not applied"; a 5xx, a reset, a
/// time-out or an unreadable reply says nothing (the core stores a write
/// before it records its audit event, so a 500 or 503 can follow a
/// committed write) and is resolved by re-reading.
package enum WriteFailure: Sendable, Equatable {
    /// The request never reached the server: nothing listens, the name did
    /// not resolve, TLS failed, or a usage problem stopped it first.
    case neverSent(ClusterError)
    /// The server answered 4xx: it did not apply the write.
    case refused(ClusterError)
    /// The request may have reached the server and its answer does not say
    /// what happened: re-read before saying anything.
    case lost(ClusterError)

    package init(_ error: ClusterError) {
        switch error {
        case .connectionRefused, .dnsFailure, .tls, .usage:
            self = .neverSent(error)
        // The transport turns a time-out or a failure after the request went out into
        // `outcomeUnknown`; what is left of these happened while connecting.
        case .timedOut, .transport:
            self = .neverSent(error)
        case .unauthorized, .forbidden, .badRequest, .notFound, .rateLimited, .notApplied:
            self = .refused(error)
        case .server(let status, _), .notJSON(let status, _):
            self = (400..<500).contains(status) ? .refused(error) : .lost(error)
        case .starting, .malformed, .bodyTooLarge, .outcomeUnknown, .replyTimedOut:
            self = .lost(error)
        }
    }

    /// Whether the batch should stop: the server cannot take writes now.
    package var stopsTheBatch: Bool {
        switch self {
        case .neverSent: true
        case .refused(let error):
            switch error {
            case .unauthorized, .forbidden, .rateLimited: true
            default: false
            }
        case .lost: false
        }
    }

    package var error: ClusterError {
        switch self {
        case .neverSent(let e), .refused(let e), .lost(let e): e
        }
    }
}
