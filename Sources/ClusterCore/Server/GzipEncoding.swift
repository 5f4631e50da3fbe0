import CompressNIO
import Hummingbird
import NIOCore

/// gzip for the core's replies (issue 14): whether a request asks for it,
/// and the encoding itself (zlib through compress-nio). The console the
/// dashboard talks to is a Next.js server, which gzips JSON for clients that
/// ask; `serve` does the same so that tests and the bench measure it.
enum GzipEncoding {
    /// Whether `Accept-Encoding` accepts gzip: `gzip` (or `x-gzip`) or `*`
    /// with a non-zero q-value, and not refused by name (`gzip;q=0`).
    static func accepts(_ values: [String]) -> Bool {
        var named: Bool?
        var wildcard = false
        for value in values {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let coding = parts.first, !coding.isEmpty else { continue }
                let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
                if coding == "gzip" || coding == "x-gzip" { named = q > 0 } else if coding == "*" { wildcard = q > 0 }
            }
        }
        return named ?? wildcard
    }

    static func accepts(_ request: Request) -> Bool { accepts(request.headers[values: .acceptEncoding]) }

    /// `buffer` gzipped at zlib's default level, in a buffer of its own size
    /// (it may be cached for as long as the body is unchanged).
    static func compress(_ buffer: ByteBuffer) throws -> ByteBuffer {
        var input = buffer
        let compressed = try input.compress(with: ZlibAlgorithm.gzip)
        var exact = ByteBufferAllocator().buffer(capacity: compressed.readableBytes)
        exact.writeImmutableBuffer(compressed)
        return exact
    }
}

/// Gzips every reply of 1 KB or more for a request that accepts gzip and
/// that is not encoded already (the two big GET bodies come gzipped from
/// their cache). Adds `Vary: Accept-Encoding`.
struct GzipMiddleware<Context: RequestContext>: RouterMiddleware {
    static var minimumSize: Int { 1024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard GzipEncoding.accepts(request), response.headers[.contentEncoding] == nil else { return response }
        if let length = response.body.contentLength, length < Self.minimumSize { return response }
        let body = response.body
        response.headers[.contentLength] = nil
        response.headers[.contentEncoding] = "gzip"
        response.headers[.vary] = "Accept-Encoding"
        response.body = ResponseBody { writer in
            let collected = try await BodyCollector.collect(body)
            try await writer.write(try GzipEncoding.compress(collected))
            try await writer.finish(nil)
        }
        return response
    }
}

/// Reads a whole `ResponseBody` into one buffer (the core's bodies are
/// built in memory; nothing large is streamed).
final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    private var buffer = ByteBuffer()

    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = BodyCollector()
        try await body.write(collector)
        return collector.buffer
    }

    func write(_ buffer: ByteBuffer) async throws {
        var b = buffer
        self.buffer.writeBuffer(&b)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
