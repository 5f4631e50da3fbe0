import Foundation
import Hummingbird
import HummingbirdTLS
import NIOSSL
import ServiceLifecycle

/// What the test server answers on the cluster API paths.
public enum Fault: Sendable {
    /// The reference examples, echoing PUT/DELETE, login with password "right".
    case normal
    case unauthorized
    case badRequest
    case nodeNotFound
    case starting
    case rateLimited
    case proxyHTML
    case malformedJSON
    case truncatedJSON
    /// 1 MiB streamed without Content-Length.
    case hugeBody
    /// One byte every 100 ms, for up to 20 s.
    case endlessBody
    /// Answers after 2.5 s.
    case slowHead
    /// 200 with an empty body.
    case emptyOK
    /// `"nodes": null` (and a missing `instances` array).
    case nullArrays
    /// A node name and an instance name that are not valid UTF-8.
    case invalidUTF8
    /// 10,000 nested arrays.
    case deepNesting
    /// ESC, CSI, BEL and bidi controls in every string field.
    case escapesEverywhere
    /// `.normal`, gzipped for a request that accepts gzip (issue 14).
    case gzipped
    /// A gzip stream that inflates to 1 GiB of spaces after `{"instances":[`,
    /// streamed chunk by chunk; `CompressionFaults.bombState` says how far it got.
    case gzipBomb
    /// A valid instance list of ≈ 2.4 MB that gzips to ≈ 40 KB.
    case gzipLargeList
    /// `Content-Encoding: gzip` over bytes that are not gzip.
    case gzipCorrupt
    /// Issue 20: `"lastHeartbeatAt": 1747562400000`, a number.
    case heartbeatAsNumber
    /// Issue 20: three online nodes, one beating 1 h in the future of the `Date` header.
    case heartbeatInFuture
    /// Issue 20: the server's `Date` 1 h ahead of the heartbeats: every node's
    /// clock 1 h behind the answering node's (and this machine's), beating
    /// as a live node does (taken from this machine's clock at each request).
    case serverDateAhead
    /// Issue 20: three nodes all named `node-a`.
    case duplicateNames
}

/// One request as the server saw it.
public struct SeenRequest: Sendable {
    public var method: String
    /// The raw request target, still percent-encoded.
    public var rawPath: String
    public var cookie: String?
    public var body: String
    /// The request's `Accept-Encoding`, if it sent one.
    public var acceptEncoding: String? = nil
}

/// The requests a test server received, in order.
public actor RequestLog {
    public private(set) var requests: [SeenRequest] = []
    public func append(_ r: SeenRequest) { requests.append(r) }
}

/// Resolves once, with a time-out generous enough for a loaded CI machine: the server's bound port.
public actor PortBox {
    private var port: Int?
    public func set(_ p: Int?) { port = p }
    public func wait(seconds: Double = 60) async throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let port { return port }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        throw TestServerError.didNotStart
    }
}

public enum TestServerError: Error { case didNotStart }

/// A fault-injecting Hummingbird server on 127.0.0.1, port 0, run in a
/// ServiceGroup for the duration of `body` and shut down gracefully.
public enum FaultServer {
    /// With `tls` the server speaks HTTPS only, and `body` gets an https:// URL.
    @discardableResult
    public static func with<T: Sendable>(
        _ fault: Fault, tls: TLSConfiguration? = nil, _ body: @Sendable (URL, RequestLog) async throws -> T
    ) async throws -> T {
        let log = RequestLog()
        return try await TestHTTPServer.with(tls: tls, responder: { try await respond($0, fault: fault, log: log) }) { url in
            try await body(url, log)
        }
    }

    public static func respond(_ request: Request, fault: Fault, log: RequestLog) async throws -> Response {
        var request = request
        let bodyBuffer = try await request.collectBody(upTo: 1 << 20)
        let rawPath = request.head.path ?? ""
        await log.append(SeenRequest(
            method: request.method.rawValue, rawPath: rawPath, cookie: request.headers[.cookie],
            body: String(buffer: bodyBuffer), acceptEncoding: request.headers[.acceptEncoding]))
        if rawPath == "/api/health/live" { return json(.ok, #"{"status":"ok"}"#) }
        if rawPath == "/api/auth/login" { return login(String(buffer: bodyBuffer)) }
        switch fault {
        case .normal: return normal(request.method, rawPath: rawPath, body: String(buffer: bodyBuffer))
        case .gzipped, .gzipBomb, .gzipLargeList, .gzipCorrupt:
            return try CompressionFaults.respond(fault, request, rawPath: rawPath, body: String(buffer: bodyBuffer))
        case .unauthorized:
            return json(.unauthorized, #"{"error":"Unauthorized","message":"Invalid or expired token"}"#)
        case .badRequest: return json(.badRequest, #"{"error":"Invalid entityType"}"#)
        case .nodeNotFound:
            return json(.internalServerError, #"{"error":"Node \"x\" not found in cluster registry"}"#)
        case .starting:
            return json(.serviceUnavailable, #"{"error":"ServiceUnavailable","message":"Server is starting up"}"#)
        case .rateLimited:
            var r = json(.tooManyRequests, #"{"error":"Too many requests"}"#)
            r.headers[.retryAfter] = "7"
            return r
        case .proxyHTML:
            let html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center></body></html>\n"
            return Response(status: .badGateway, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: html)))
        case .malformedJSON:
            return json(.ok, #"{"thisNodeName":"a","defaultNodeName":"a","nodes":[{"name":"a"},{"name":42}],"assignments":[]}"#)
        case .truncatedJSON:
            return json(.ok, #"{"thisNodeName":"a","defaultNodeName":"a","nodes":[{"name":"#)
        case .hugeBody:
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                let chunk = ByteBuffer(repeating: UInt8(ascii: " "), count: 64 * 1024)
                try await writer.write(ByteBuffer(string: "["))
                for _ in 0..<16 { try await writer.write(chunk) }
                try await writer.write(ByteBuffer(string: "]"))
                try await writer.finish(nil)
            })
        case .endlessBody:
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "{"))
                for _ in 0..<200 {
                    try await Task.sleep(nanoseconds: 100_000_000)
                    try await writer.write(ByteBuffer(string: " "))
                }
                try await writer.finish(nil)
            })
        case .slowHead:
            try await Task.sleep(nanoseconds: 2_500_000_000)
            return json(.ok, Fixtures.overview)
        case .emptyOK:
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer()))
        case .nullArrays:
            return json(.ok, rawPath.hasSuffix("/instances") ? #"{"items":[]}"#
                : #"{"thisNodeName":"a","defaultNodeName":"a","nodes":null,"assignments":[]}"#)
        case .invalidUTF8:
            let text = rawPath.hasSuffix("/instances") ? Fixtures.instances : Fixtures.overview
            var bytes = Array(text.utf8)
            // "node-a" → "node-\xFF" wherever it stands, and the same in instance names.
            let needle = Array("node-a\"".utf8)
            var i = 0
            while i + needle.count <= bytes.count {
                if Array(bytes[i..<(i + needle.count)]) == needle { bytes[i + 5] = 0xFF }
                i += 1
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case .heartbeatAsNumber, .heartbeatInFuture, .duplicateNames:
            return ClockFaults.respond(fault, rawPath: rawPath)
        case .serverDateAhead:
            return ClockFaults.dateAhead(rawPath: rawPath)
        case .deepNesting:
            return json(.ok, String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        case .escapesEverywhere:
            let text = rawPath.hasSuffix("/instances") ? Fixtures.instances : Fixtures.overview
            // Every string value gets controls appended (JSON escapes, so the body stays valid),
            // timestamps (ending `Z`) excepted: one with junk appended is a malformed reply (issue 20).
            let hostile = text.replacingOccurrences(of: "Z\",", with: "Z\u{1}")
                .replacingOccurrences(of: "\",", with: "\\u001b]0;PWNED\\u0007\\u009b31m\\u202e\",")
                .replacingOccurrences(of: "Z\u{1}", with: "Z\",")
            return json(.ok, hostile)
        }
    }

    public static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    public static func normal(_ method: HTTPRequest.Method, rawPath: String, body: String) -> Response {
        switch (method, rawPath) {
        case (.get, "/api/cluster/overview"):
            return json(.ok, Fixtures.overview)
        case (.get, "/api/cluster/instances"):
            return json(.ok, Fixtures.instances)
        default:
            break
        }
        let prefix = "/api/cluster/assignments/"
        guard rawPath.hasPrefix(prefix) else { return json(.notFound, #"{"error":"Not found"}"#) }
        // Exactly two segments: a `/` left unencoded in the id would make three.
        let segments = rawPath.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count == 2, let type = String(segments[0]).removingPercentEncoding,
              let id = String(segments[1]).removingPercentEncoding
        else { return json(.badRequest, #"{"error":"bad path"}"#) }
        if method == .delete {
            return json(.ok, id.hasPrefix("none") ? #"{"removed":false}"# : #"{"removed":true}"#)
        }
        struct Put: Decodable { var nodeName: String; var mode: String? }
        let put = try? JSONDecoder().decode(Put.self, from: Data(body.utf8))
        let reply: [String: [String: String]] = ["assignment": [
            "entityType": type, "entityId": id, "nodeName": put?.nodeName ?? "", "mode": put?.mode ?? "strict",
            "updatedBy": "u_1", "updatedAt": "2026-05-18T10:00:00.000Z",
        ]]
        let data = (try? JSONEncoder().encode(reply)) ?? Data()
        return json(.ok, String(decoding: data, as: UTF8.self))
    }

    public static func login(_ body: String) -> Response {
        struct Login: Decodable { var email: String?; var password: String?; var slug: String? }
        guard let l = try? JSONDecoder().decode(Login.self, from: Data(body.utf8)), let email = l.email, let pw = l.password,
              !email.isEmpty, !pw.isEmpty
        else {
            return json(.badRequest, #"{"error":"email and password are required"}"#)
        }
        if email == "busy@example.com" {
            var r = json(.tooManyRequests, #"{"error":"Too many login attempts"}"#)
            r.headers[.retryAfter] = "30"
            return r
        }
        if pw == "no-cookie" {
            // A proxy that drops Set-Cookie: a 200 with no token (issue 20).
            return json(.ok, #"{"ok":true}"#)
        }
        guard pw == "right" else {
            return json(.unauthorized, #"{"error":"Unauthorized","message":"Invalid email or password"}"#)
        }
        let headers: HTTPFields = [
            .contentType: "application/json",
            .setCookie: "theme=dark; Path=/",
            .setCookie: "token=eyJhbGciOi.payload.sig; Path=/; HttpOnly; SameSite=Lax",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: #"{"ok":true}"#)))
    }
}
