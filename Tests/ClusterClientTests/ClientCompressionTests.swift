import ClusterClient
import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Compressed replies (issue 14): the client asks for gzip and inflates it,
/// the digest skip still works on what arrives, and a hostile compressed
/// reply is refused with a clear message and bounded memory.
@Suite("HTTP client: compression")
struct ClientCompressionTests {
    /// Guards: the client sent no Accept-Encoding and read gzip bodies as bytes.
    @Test("asks for gzip, inflates it, and skips an unchanged body by its digest")
    func gzipRoundTripAndDigestSkip() async throws {
        try await withFaultClient(.gzipped) { client, log in
            let first = try await client.reader.instances(unlessUnchangedFrom: nil)
            #expect(first.value?.instances.first?.entityId == "tenant1:research-agent")
            #expect(first.byteCount == Fixtures.instances.utf8.count, "the digest and count are of the inflated body")
            let again = try await client.reader.instances(unlessUnchangedFrom: first.digest)
            #expect(again.value == nil, "unchanged body: not decoded again")
            #expect(again.digest == first.digest)
            let overview = try await client.reader.overview(unlessUnchangedFrom: nil)
            #expect(overview.value?.thisNodeName == "node-a")
            let sent = await log.requests.map(\.acceptEncoding)
            #expect(sent.count == 3)
            #expect(sent.allSatisfy { $0 == "gzip, deflate" })
        }
    }

    /// Guards: a gzip bomb inflated without bound (1 GiB in memory before any limit).
    @Test("a gzip bomb is refused by the ratio limit before most of it is even sent")
    func gzipBombIsRefused() async throws {
        let e = try await readError(.gzipBomb) { _ = try await $0.reader.instances(unlessUnchangedFrom: nil) }
        #expect(e?.description.contains("inflates to more than 100× its size (a compression bomb?); refused") == true,
                "\(String(describing: e))")
        #expect(e?.exitCode == .rejected)
        let state = CompressionFaults.bombState
        #expect(await state.finished == false, "the client stopped reading: the 1 GiB never arrived whole")
        #expect(await state.chunksSent < 1024)
    }

    /// Guards: the --max-body limit checked against the compressed size only.
    @Test("the body limit applies to the inflated size")
    func bodyLimitCountsInflatedBytes() async throws {
        let compressed = try Gzip.compressedSize(CompressionFaults.largeList)
        #expect(compressed < 1 << 20, "the wire size alone is under the limit")
        let e = try await readError(.gzipLargeList, bodyLimit: 1 << 20) { _ = try await $0.reader.instances(unlessUnchangedFrom: nil) }
        #expect(e == .bodyTooLarge(limit: 1 << 20))
        // The same list within a limit that fits its inflated size decodes.
        try await withFaultClient(.gzipLargeList, bodyLimit: 4 << 20) { client, _ in
            let list = try await client.reader.instances(unlessUnchangedFrom: nil)
            #expect(list.value?.instances.count == 12_000)
        }
    }

    /// Guards: damaged gzip surfaced as an opaque NIO error.
    @Test("damaged gzip says so")
    func corruptGzip() async throws {
        let e = try await readError(.gzipCorrupt) { _ = try await $0.reader.overview(unlessUnchangedFrom: nil) }
        #expect(e?.description.contains("is not valid gzip/deflate data") == true, "\(String(describing: e))")
    }
}
