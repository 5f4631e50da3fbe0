import ClusterModel

/// `ClusterWriting` on the in-process core, failing with the same
/// `ClusterError`s the HTTP client reports for the server's answers.
struct EmbeddedWriter: ClusterWriting {
    let cluster: EmbeddedCluster
    let actor: String

    func setAssignment(_ key: EntityKey, nodeName: String, mode: AssignmentMode?) async throws -> Assignment {
        do {
            return try await cluster.setAssignment(key, nodeName: nodeName, mode: mode?.rawValue, actor: actor)
        } catch {
            throw error.clusterError
        }
    }

    func deleteAssignment(_ key: EntityKey) async throws -> Bool {
        do {
            return try await cluster.deleteAssignment(key, actor: actor)
        } catch {
            throw error.clusterError
        }
    }
}
