import ClusterModel
import Foundation
import NIOCore

/// Reads a `RawReply`: maps non-2xx statuses to `ClusterError` with the
/// server's own text, and decodes 2xx JSON bodies, saying where decoding
/// failed. Non-JSON bodies (a proxy's HTML page) become `notJSON` with a
/// short sanitized excerpt.
enum ReplyInterpreter {
    /// Throws the `ClusterError` for a non-2xx reply; returns for 2xx.
    /// `tokenSource` is named with a 401 (issue 23: the advice to set
    /// `CLUSTERTUI_TOKEN` came even when that was the token refused).
    static func check(_ reply: RawReply, path: String, base: String, tokenSource: String? = nil) throws {
        let status = reply.status
        guard !(200..<300).contains(status) else { return }
        let body = errorBody(reply)
        let text = (body?.message).flatMap(nonBlank) ?? (body?.error).flatMap(nonBlank)
        switch status {
        case 401:
            let said = ReplyText.oneLine(text ?? "HTTP 401")
            throw ClusterError.unauthorized(said + "; " + (tokenSource.map { "the token sent came from \($0)" } ?? "no token was sent"))
        case 403:
            throw ClusterError.forbidden(ReplyText.oneLine(text ?? "HTTP 403"))
        case 404:
            throw ClusterError.notFound("\(path) on \(base): is this the URL of a cluster core?")
        case 429:
            throw ClusterError.rateLimited(retryAfter: retryAfter(reply))
        case 300..<400:
            let location = reply.headers.first(name: "Location").map { ReplyText.oneLine($0) } ?? "nowhere"
            throw ClusterError.server(status: status, message: "unexpected redirect to \(location)")
        default:
            break
        }
        guard let body else {
            if reply.body.readableBytes == 0 {
                throw ClusterError.server(status: status, message: "empty reply")
            }
            throw ClusterError.notJSON(status: status, excerpt: excerpt(reply.body))
        }
        // The server's `error` text is the specific one for 400/500 (`Invalid entityType`);
        // for 503 the `message` says what is happening.
        let specific = ReplyText.oneLine(nonBlank(body.error) ?? text ?? "HTTP \(status)")
        switch status {
        case 400: throw ClusterError.badRequest(specific)
        case 503: throw ClusterError.starting(ReplyText.oneLine(text ?? "service unavailable"))
        default: throw ClusterError.server(status: status, message: specific)
        }
    }

    /// Decodes a 2xx JSON body as `T`.
    static func decode<T: Decodable>(_ type: T.Type, from reply: RawReply, what: String) throws -> T {
        guard looksLikeJSON(reply.body) else {
            throw ClusterError.notJSON(status: reply.status, excerpt: excerpt(reply.body))
        }
        // The instance list is the one big body (23 MB at S2): a plain one is
        // read in place by the fast path, without copying it into `Data`.
        if T.self == InstanceList.self,
           let list = reply.body.withUnsafeReadableBytes({ InstanceListDecoder.decodeIfPlain($0) }),
           let typed = list as? T {
            return typed
        }
        var data = reply.body.withUnsafeReadableBytes { Data($0) }
        // Invalid UTF-8 in one value must not reject the whole reply, nor
        // silently blank one field (issue 13): the bad bytes become U+FFFD
        // (shown as �) and the rows are kept. The fast path steps aside on
        // invalid UTF-8, so a good body is never validated twice.
        if String(validating: data, as: UTF8.self) == nil {
            data = Data(String(decoding: data, as: UTF8.self).utf8)
            if T.self == InstanceList.self,
               let list = data.withUnsafeBytes({ InstanceListDecoder.decodeIfPlain($0) }), let typed = list as? T {
                return typed
            }
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw ClusterError.malformed("\(what): \(describe(error))")
        } catch {
            throw ClusterError.malformed("\(what): \(ReplyText.oneLine(String(describing: error)))")
        }
    }

    /// What a JSON reader calls `type`: "an array", not Swift's `Array<Any>`.
    static func jsonWord(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array") { return "an array" }
        if name.hasPrefix("Dictionary") { return "an object" }
        if name == "String" { return "a string" }
        if name == "Bool" { return "true or false" }
        if ["Int", "UInt", "Double", "Float"].contains(where: { name.hasPrefix($0) }) { return "a number" }
        return name
    }

    /// `nodes[3].name: expected a string` style text.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            var s = ""
            for k in keys {
                if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
            }
            return s.isEmpty ? "top level" : s
        }
        switch error {
        case .typeMismatch(let type, let ctx):
            return "at \(path(ctx.codingPath)): expected \(jsonWord(type))"
        case .valueNotFound(let type, let ctx):
            return "at \(path(ctx.codingPath)): missing \(jsonWord(type)) value"
        case .keyNotFound(let key, let ctx):
            return "at \(path(ctx.codingPath)): missing field \"\(key.stringValue)\""
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return "invalid JSON (\(ReplyText.oneLine(ctx.debugDescription, limit: 80)))" }
            return "at \(path(ctx.codingPath)): \(ReplyText.oneLine(ctx.debugDescription, limit: 80))"
        @unknown default:
            return ReplyText.oneLine(String(describing: error))
        }
    }

    static func errorBody(_ reply: RawReply) -> ErrorBody? {
        guard looksLikeJSON(reply.body) else { return nil }
        let data = reply.body.withUnsafeReadableBytes { Data($0) }
        if let body = try? JSONDecoder().decode(ErrorBody.self, from: data) { return body }
        // `{"message": "…"}` without `error`.
        /// An error body with only a `message`.
        struct MessageOnly: Decodable { var message: String }
        if let m = try? JSONDecoder().decode(MessageOnly.self, from: data) { return ErrorBody(error: "", message: m.message) }
        return nil
    }

    static func looksLikeJSON(_ body: ByteBuffer) -> Bool {
        body.withUnsafeReadableBytes { bytes in
            for b in bytes {
                switch b {
                case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: continue // whitespace, UTF-8 BOM
                case UInt8(ascii: "{"), UInt8(ascii: "["): return true
                default: return false
                }
            }
            return false
        }
    }

    static func excerpt(_ body: ByteBuffer) -> String {
        body.withUnsafeReadableBytes { ReplyText.excerpt($0) }
    }

    /// `Retry-After` as seconds: a number, or an HTTP date relative to the reply's `Date`.
    static func retryAfter(_ reply: RawReply) -> Int? {
        guard let raw = reply.headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces) else {
            return nil
        }
        if let seconds = Int(raw), seconds >= 0 { return seconds }
        guard let when = HTTPDate.parse(raw) else { return nil }
        let now = reply.serverDate ?? Date()
        return max(0, Int(when.timeIntervalSince(now).rounded(.up)))
    }

    private static func nonBlank(_ s: String) -> String? {
        s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s
    }
}
