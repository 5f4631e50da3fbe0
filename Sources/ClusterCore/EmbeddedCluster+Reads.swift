import ClusterModel
import Foundation

/// Reads: the overview and instance list with their revision digests, and
/// the default-node resolution.
extension EmbeddedCluster {
    /// Records that this process wrote; `instances` when the instance list may have changed.
    func didWrite(instances: Bool) {
        state.withLock { s in
            s.revision &+= 1
            if instances { s.instancesRevision &+= 1 }
        }
    }

    /// The default node: the configured name, else the first online `main`/`all`
    /// node, else this node; re-resolved at most every `defaultNodeCacheTTL` seconds.
    public func defaultNodeName() async throws -> String {
        if let fixed = options.defaultNodeName?.trimmingCharacters(in: .whitespaces), !fixed.isEmpty { return fixed }
        let now = clock.now()
        if let cached = state.withLock({ $0.defaultNode }),
           now.timeIntervalSince(cached.resolvedAt) < options.defaultNodeCacheTTL, now >= cached.resolvedAt {
            return cached.name
        }
        let name = try await store.firstDefaultCandidate() ?? thisNodeName
        state.withLock { $0.defaultNode = (name, now) }
        return name
    }

    func digest(_ kind: String, _ revision: UInt64, _ dataVersion: Int64, _ defaultNode: String) -> BodyDigest {
        BodyDigest.of("\(kind)|\(revision)|\(dataVersion)|\(defaultNode)".utf8)
    }

    /// The overview (nil when its digest equals `previous`) and its digest.
    public func overviewSnapshot(unlessUnchangedFrom previous: BodyDigest?) async throws -> (Overview?, BodyDigest) {
        let defaultNode = try await defaultNodeName()
        let dataVersion = await store.dataVersion()
        let revision = state.withLock { $0.revision }
        let digest = digest("overview", revision, dataVersion, defaultNode)
        if digest == previous { return (nil, digest) }
        if let cached = state.withLock({ $0.overviewCache }), cached.digest == digest { return (cached.value, digest) }
        let value = Overview(
            thisNodeName: thisNodeName, defaultNodeName: defaultNode,
            nodes: try await store.nodes(), assignments: try await store.assignments())
        state.withLock { $0.overviewCache = (digest, value) }
        return (value, digest)
    }

    /// The instance list (nil when its digest equals `previous`) and its digest.
    public func instancesSnapshot(unlessUnchangedFrom previous: BodyDigest?) async throws -> (InstanceList?, BodyDigest) {
        let defaultNode = try await defaultNodeName()
        let dataVersion = await store.dataVersion()
        let revision = state.withLock { $0.instancesRevision }
        let digest = digest("instances", revision, dataVersion, defaultNode)
        if digest == previous { return (nil, digest) }
        if let cached = state.withLock({ $0.instancesCache }), cached.digest == digest { return (cached.value, digest) }
        let value = InstanceList(instances: try await store.instances(defaultNode: defaultNode))
        state.withLock { $0.instancesCache = (digest, value) }
        return (value, digest)
    }

    /// The audit log, oldest first.
    public func auditLog() async throws -> [AuditEntry] { try await store.auditEntries() }
}
