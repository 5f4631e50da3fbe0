import AsyncHTTPClient
import ClusterModel
import Foundation
import NIOCore
import NIOHTTPCompression
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns what AsyncHTTPClient and NIO throw into `ClusterError`: refused,
/// DNS, TLS, time-outs, and a sanitized catch-all.
///
/// NIO wraps connection failures in `NIOConnectionError` (a NIOPosix type
/// this module does not import), so nested errors are found by walking the
/// error's stored properties with `Mirror`, a few levels deep.
enum TransportErrorMapping {
    static func map(_ error: Error, target: String, config: ClientConfiguration) -> ClusterError {
        let connectSeconds = HTTPTransport.seconds(config.connectTimeout)
        let requestSeconds = HTTPTransport.seconds(config.requestTimeout)
        let all = flatten(error, depth: 0)
        for e in all {
            if let mapped = mapOne(e, target: target, connectSeconds: connectSeconds, requestSeconds: requestSeconds) {
                return mapped
            }
        }
        let text = String(describing: error)
        if text.contains("DNS error") || text.contains("UnknownHost") {
            return .dnsFailure(host(of: config.baseURL))
        }
        if error is CancellationError { return .transport("cancelled") }
        return .transport(ReplyText.oneLine(text))
    }

    /// One wording per failure kind (issue 13): every time-out reads
    /// "timed out: <what> took longer than <N s>".
    private static func mapOne(_ e: Error, target: String, connectSeconds: String, requestSeconds: String) -> ClusterError? {
        switch e {
        case let e as HTTPClientError:
            switch e {
            case .connectTimeout, .getConnectionFromPoolTimeout:
                return .timedOut("connecting to \(target) took longer than \(connectSeconds)")
            case .tlsHandshakeTimeout:
                return .timedOut("the TLS handshake with \(target) took longer than \(connectSeconds)")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut("\(target) took longer than \(requestSeconds) to answer")
            case .remoteConnectionClosed:
                return .transport("\(target) closed the connection before answering")
            case .proxyAuthenticationRequired:
                return .transport("the HTTP proxy requires authentication (check HTTPS_PROXY / NO_PROXY)")
            case .invalidProxyResponse, .httpProxyHandshakeTimeout:
                return .transport("the HTTP proxy did not connect to \(target) (check HTTPS_PROXY / NO_PROXY)")
            case .alreadyShutdown:
                return .transport("the HTTP client was already shut down")
            case .cancelled:
                return .transport("cancelled")
            default:
                return nil
            }
        case let e as NIOHTTPDecompression.DecompressionError:
            switch e {
            case .limit:
                return .malformed("the compressed reply of \(target) inflates to more than \(HTTPTransport.decompressionRatioLimit)× its size (a compression bomb?); refused")
            case .inflationError, .initializationError:
                return .malformed("the compressed reply of \(target) is not valid gzip/deflate data")
            }
        case let e as NIOHTTPDecompression.ExtraDecompressionError:
            return .malformed("the compressed reply of \(target) is damaged (\(ReplyText.oneLine(String(describing: e))))")
        case let e as SocketAddressError.UnknownHost:
            return .dnsFailure(e.host)
        case let e as SocketAddressError:
            if case .unknown(let host, _) = e { return .dnsFailure(host) }
            return nil
        case let e as IOError:
            if e.errnoCode == ECONNREFUSED { return .connectionRefused(target) }
            if e.errnoCode == ETIMEDOUT { return .timedOut("connecting to \(target)") }
            if e.errnoCode == ENETUNREACH || e.errnoCode == EHOSTUNREACH {
                return .transport("no route to \(target)")
            }
            return nil
        case let e as ChannelError:
            if case .connectTimeout = e { return .timedOut("connecting to \(target) took longer than \(connectSeconds)") }
            return nil
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            return .tls(tlsText(e, target: target))
        default:
            return nil
        }
    }

    /// Whether a failed request may have reached the server: everything but
    /// the failures that happen before a byte of it is sent (refused, DNS,
    /// TLS, connect time-outs, no route). A write that failed this way has
    /// an unknown outcome; one that failed before sending is safe to retry.
    static func mayHaveReachedServer(_ error: Error, mapped: ClusterError) -> Bool {
        switch mapped {
        case .connectionRefused, .dnsFailure, .tls, .usage: return false
        default: break
        }
        for e in flatten(error, depth: 0) {
            switch e {
            case let e as HTTPClientError:
                switch e {
                case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .alreadyShutdown,
                     .proxyAuthenticationRequired, .invalidProxyResponse, .httpProxyHandshakeTimeout:
                    return false
                default: continue
                }
            case let e as IOError where [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(e.errnoCode):
                return false
            case let e as ChannelError:
                if case .connectTimeout = e { return false }
            default: continue
            }
        }
        return true
    }

    static func tlsText(_ e: Error, target: String) -> String {
        let text = String(describing: e)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") {
            return "the certificate of \(target) is not trusted (use --ca-file PEM, or --insecure to skip checks)"
        }
        if text.contains("failedToValidateHostname") || text.contains("hostname") {
            return "the certificate of \(target) does not match its host name"
        }
        if text.contains("WRONG_VERSION_NUMBER") {
            return "\(target) did not answer TLS (is it plain http://?)"
        }
        return ReplyText.oneLine(text)
    }

    /// The error plus every error stored inside it (NIOConnectionError's
    /// DNS and per-address failures, BoringSSL wrapped in NIOSSLError…).
    static func flatten(_ error: Error, depth: Int) -> [Error] {
        var out: [Error] = [error]
        guard depth < 4 else { return out }
        for child in Mirror(reflecting: error).children {
            collect(child.value, depth: depth + 1, into: &out)
        }
        return out
    }

    private static func collect(_ value: Any, depth: Int, into out: inout [Error]) {
        guard depth < 6 else { return }
        if let e = value as? Error {
            out.append(contentsOf: flatten(e, depth: depth))
            return
        }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional || mirror.displayStyle == .collection
            || mirror.displayStyle == .struct || mirror.displayStyle == .enum
        else { return }
        for child in mirror.children { collect(child.value, depth: depth + 1, into: &out) }
    }

    static func host(of url: URL) -> String { url.host ?? url.absoluteString }
}
