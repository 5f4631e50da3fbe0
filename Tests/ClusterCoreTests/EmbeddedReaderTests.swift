import ClusterCore
import ClusterModel
import Foundation
import Testing

/// Issue 12: read-only is structural only if the dashboard's reader cannot write.
@Suite struct EmbeddedReaderTests {
    /// The embedded core has public write paths; the reader handed to the
    /// dashboard must not be one of them, and must read the same data.
    @Test func theEmbeddedReaderReadsAndCannotWrite() async throws {
        let core = try await EmbeddedCluster.startDemo()
        let reader: any ClusterReading = core.makeReader()
        #expect(!(reader is any ClusterWriting))
        let viaReader = try await reader.overview()
        let viaCore = try await core.overview()
        #expect(viaReader.nodes.map(\.name) == viaCore.nodes.map(\.name))
        let listed = try await reader.instances().instances
        #expect(!listed.isEmpty)
        #expect(listed == (try await core.instances()).instances)
        await core.shutdown()
    }
}
