import ClusterTestSupport
import Foundation
import NIOCore
import Testing
@testable import ClusterCore

/// `serve` gzips its replies for a client that asks (issue 14), as the
/// console's Next.js server does, and only then.
@Suite struct ServeCompressionTests {
    /// Guards: serve ignored Accept-Encoding, so no test or bench measured compressed replies.
    @Test func theBigGetsAreGzippedWhenAskedAndIdenticalOnceInflated() async throws {
        try await Harness.with(.http) { h in
            let base = try #require(h.server).baseURL
            for path in ["/api/cluster/instances", "/api/cluster/overview"] {
                let plain = try await RawHTTP.send(.GET, base + path)
                #expect(plain.headers.first(name: "Content-Encoding") == nil, "no Accept-Encoding: not compressed")
                let gz = try await RawHTTP.send(.GET, base + path, acceptEncoding: "gzip, deflate")
                #expect(gz.status == 200)
                #expect(gz.headers.first(name: "Content-Encoding") == "gzip")
                #expect(gz.headers.first(name: "Vary") == "Accept-Encoding")
                #expect(gz.bytes.readableBytes < plain.bytes.readableBytes / 3, "\(path): \(gz.bytes.readableBytes) of \(plain.bytes.readableBytes)")
                #expect(try Gzip.inflate(gz.bytes) == plain.bytes, "\(path): the same bytes once inflated")
                let again = try await RawHTTP.send(.GET, base + path, acceptEncoding: "gzip")
                #expect(again.bytes == gz.bytes, "\(path): byte-stable, so a digest of what arrives still matches")
                let refused = try await RawHTTP.send(.GET, base + path, acceptEncoding: "gzip;q=0, identity")
                #expect(refused.headers.first(name: "Content-Encoding") == nil, "gzip;q=0 refuses gzip")
            }
            // A small error reply is not worth compressing.
            let unauthorized = try await RawHTTP.send(.GET, base + "/api/cluster/instances", cookie: nil, acceptEncoding: "gzip")
            #expect(unauthorized.status == 401 && unauthorized.headers.first(name: "Content-Encoding") == nil)
        }
    }

    @Test func acceptEncodingIsReadAsTheRFCSays() {
        #expect(GzipEncoding.accepts(["gzip, deflate"]))
        #expect(GzipEncoding.accepts(["deflate", "GZIP;q=0.5"]))
        #expect(GzipEncoding.accepts(["x-gzip"]))
        #expect(GzipEncoding.accepts(["*"]))
        #expect(!GzipEncoding.accepts([]))
        #expect(!GzipEncoding.accepts(["identity"]))
        #expect(!GzipEncoding.accepts(["br, deflate"]))
        #expect(!GzipEncoding.accepts(["gzip;q=0"]))
        #expect(!GzipEncoding.accepts(["*;q=0"]))
        #expect(!GzipEncoding.accepts(["*, gzip;q=0"]), "a named refusal beats the wildcard")
    }
}
