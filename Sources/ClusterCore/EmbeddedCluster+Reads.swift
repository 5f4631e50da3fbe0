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
        try await cachedRead("overview", unlessUnchangedFrom: previous, revision: \.revision, cache: \.overviewCache) { defaultNode in
            Overview(thisNodeName: thisNodeName, defaultNodeName: defaultNode,
                     nodes: try await store.nodes(), assignments: try await store.assignments())
        }
    }

    /// The instance list (nil when its digest equals `previous`) and its digest.
    public func instancesSnapshot(unlessUnchangedFrom previous: BodyDigest?) async throws -> (InstanceList?, BodyDigest) {
        try await cachedRead("instances", unlessUnchangedFrom: previous, revision: \.instancesRevision, cache: \.instancesCache) {
            InstanceList(instances: try await store.instances(defaultNode: $0))
        }
    }

    /// One read behind its digest (this process's revision, the store's data
    /// version, the default node): nil when the digest equals `previous`, the
    /// cached value when it is unchanged, else `make(defaultNode)`, cached.
    private func cachedRead<Value: Sendable>(
        _ kind: String, unlessUnchangedFrom previous: BodyDigest?, revision: KeyPath<CoreState, UInt64>,
        cache: WritableKeyPath<CoreState, (digest: BodyDigest, value: Value)?>, make: (String) async throws -> Value
    ) async throws -> (Value?, BodyDigest) {
        let defaultNode = try await defaultNodeName()
        let dataVersion = await store.dataVersion()
        let digest = digest(kind, state.withLock { $0[keyPath: revision] }, dataVersion, defaultNode)
        if digest == previous { return (nil, digest) }
        if let cached = state.withLock({ $0[keyPath: cache] }), cached.digest == digest { return (cached.value, digest) }
        let value = try await make(defaultNode)
        state.withLock { $0[keyPath: cache] = (digest, value) }
        return (value, digest)
    }

    /// The audit log, oldest first.
    public func auditLog() async throws -> [AuditEntry] { try await store.auditEntries() }
}
