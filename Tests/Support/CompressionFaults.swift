import CompressNIO
import Foundation
import Hummingbird

/// The fault server's compressed replies (issue 14): a well-behaved gzip
/// server, a gzip bomb, a list whose inflated size passes a small body
/// limit, and damaged gzip.
public enum CompressionFaults {
    /// How far the last bomb got: chunks of 1 MiB sent and whether all 1,024 went out.
    public actor BombState {
        public private(set) var chunksSent = 0
        public private(set) var finished = false
        func sent() { chunksSent += 1 }
        func done() { finished = true }
    }
    public static let bombState = BombState()

    static func respond(_ fault: Fault, _ request: Request, rawPath: String, body: String) throws -> Response {
        let gzipOK = request.headers[values: .acceptEncoding].joined(separator: ",").lowercased().contains("gzip")
        switch fault {
        case .gzipped:
            var response = FaultServer.normal(request.method, rawPath: rawPath, body: body)
            guard gzipOK else { return response }
            let plain = ByteBuffer(string: rawPath.hasSuffix("/instances") ? Fixtures.instances
                : rawPath.hasSuffix("/overview") ? Fixtures.overview : "")
            guard plain.readableBytes > 0 else { return response }
            response.headers[.contentEncoding] = "gzip"
            response.body = .init(byteBuffer: try Gzip.compress(plain))
            return response
        case .gzipBomb:
            return Response(status: .ok, headers: [.contentType: "application/json", .contentEncoding: "gzip"], body: ResponseBody { writer in
                let compressor = try ZlibCompressor(algorithm: .gzip)
                var chunk = ByteBuffer(string: #"{"instances":["#)
                let spaces = ByteBuffer(repeating: UInt8(ascii: " "), count: 1 << 20)
                for _ in 0..<1024 {
                    chunk.writeImmutableBuffer(spaces)
                    var out = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: chunk))
                    try compressor.deflate(from: &chunk, to: &out, flush: .sync)
                    try await writer.write(out)
                    await bombState.sent()
                    chunk.clear()
                    // Paced so a client starved of CPU on a loaded machine still
                    // closes long before the last chunk (the test failed under load).
                    try await Task.sleep(for: .milliseconds(2))
                }
                var end = ByteBuffer(string: "]}")
                var out = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: end))
                try compressor.deflate(from: &end, to: &out, flush: .finish)
                try await writer.write(out)
                await bombState.done()
                try await writer.finish(nil)
            })
        case .gzipLargeList:
            return Response(
                status: .ok, headers: [.contentType: "application/json", .contentEncoding: "gzip"],
                body: .init(byteBuffer: try Gzip.compress(ByteBuffer(string: largeList))))
        default:
            return Response(
                status: .ok, headers: [.contentType: "application/json", .contentEncoding: "gzip"],
                body: .init(byteBuffer: ByteBuffer(string: "this is not gzip at all, only text that claims to be")))
        }
    }

    /// 12,000 instances of the reference's shape (≈ 2.4 MB of JSON).
    public static let largeList: String = {
        let rows = (0..<12_000).map { i in
            #"{"entityType":"agent","entityId":"t1:agent_\#(i)","name":"agent \#(i)","subtitle":null,"tenantId":"t1","tenantSlug":"acme","nodeName":"node-a","mode":"preferred","explicit":false}"#
        }
        return #"{"instances":["# + rows.joined(separator: ",") + "]}"
    }()
}

/// gzip for the tests: compress a buffer, inflate one.
public enum Gzip {
    public static func compress(_ buffer: ByteBuffer) throws -> ByteBuffer {
        var input = buffer
        return try input.compress(with: ZlibAlgorithm.gzip)
    }

    public static func compressedSize(_ text: String) throws -> Int { try compress(ByteBuffer(string: text)).readableBytes }

    public static func inflate(_ buffer: ByteBuffer) throws -> ByteBuffer {
        var input = buffer
        return try input.decompress(with: ZlibAlgorithm.gzip)
    }
}
