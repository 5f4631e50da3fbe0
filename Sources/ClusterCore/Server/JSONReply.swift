import ClusterModel
import Foundation
import Hummingbird

/// JSON responses in the server's shapes: bodies, `{"error": …}` errors.
enum JSONReply {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        // Sorted keys: the same state always gives the same bytes, so a
        // client's body digest can skip decoding an unchanged reply.
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return e
    }()

    static func body<T: Encodable>(_ value: T) throws -> ByteBuffer {
        ByteBuffer(bytes: try encoder.encode(value))
    }

    static func response(_ status: HTTPResponse.Status, _ buffer: ByteBuffer, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    static func ok<T: Encodable>(_ value: T, headers: HTTPFields = [:]) -> Response {
        do {
            return response(.ok, try body(value), headers: headers)
        } catch {
            return failure(500, "Cannot encode the response")
        }
    }

    /// `{"error": text}` (plus `message` when given) with `status`.
    static func failure(_ status: Int, _ text: String, message: String? = nil, headers: HTTPFields = [:]) -> Response {
        // Written by hand so `error` always comes first, as the server sends it
        // (Foundation's encoder does not keep key order on Linux).
        var json = "{\"error\":" + quoted(text)
        if let message { json += ",\"message\":" + quoted(message) }
        json += "}"
        return response(HTTPResponse.Status(code: status), ByteBuffer(string: json), headers: headers)
    }

    /// A JSON string literal for `text`.
    static func quoted(_ text: String) -> String {
        guard let data = try? encoder.encode(text) else { return "\"\"" }
        return String(decoding: data, as: UTF8.self)
    }

    static func failure(_ error: CoreError) -> Response { failure(error.httpStatus, error.description) }

    static let unauthorized = failure(401, "Unauthorized", message: "Authentication required")
    static let invalidToken = failure(401, "Unauthorized", message: "Invalid or expired token")
}

/// Encoded bodies of the two GET endpoints, reused while the core's digest
/// is unchanged, so polling 100,000 instances does not re-encode 23 MB.
final class EncodedBodyCache: Sendable {
    private let entries = LockedBox<[String: (BodyDigest, ByteBuffer)]>([:])

    func body(for key: String, digest: BodyDigest, make: () throws -> ByteBuffer) rethrows -> ByteBuffer {
        if let hit = entries.withLock({ $0[key] }), hit.0 == digest { return hit.1 }
        let buffer = try make()
        entries.withLock { $0[key] = (digest, buffer) }
        return buffer
    }
}
