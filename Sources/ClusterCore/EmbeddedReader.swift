import ClusterModel
import Foundation

/// A read-only view of an `EmbeddedCluster`: the two GET endpoints and
/// nothing else. The dashboard is handed this, not the core, so that in
/// read-only and wallboard modes the value it holds cannot write (the core
/// itself has public write paths: its store and `makeWriter`).
public struct EmbeddedReader: ClusterReading {
    private let cluster: EmbeddedCluster

    init(cluster: EmbeddedCluster) { self.cluster = cluster }

    public func overview(unlessUnchangedFrom previous: BodyDigest?) async throws -> Fetched<Overview> {
        try await cluster.overview(unlessUnchangedFrom: previous)
    }

    public func instances(unlessUnchangedFrom previous: BodyDigest?) async throws -> Fetched<InstanceList> {
        try await cluster.instances(unlessUnchangedFrom: previous)
    }
}

extension EmbeddedCluster {
    /// The reader to hand to anything that must not write.
    public func makeReader() -> EmbeddedReader { EmbeddedReader(cluster: self) }
}
