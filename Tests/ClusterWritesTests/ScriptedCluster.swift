import ClusterModel
import Foundation

/// An in-memory cluster core whose next write can fail in a scripted way:
/// the write engine's unit tests run against it (issue 19: "a scripted
/// transport"). Reads answer from the bindings it holds unless told to fail.
final class ScriptedCluster: ClusterReading, ClusterWriting, @unchecked Sendable {
    /// What happens to one write.
    enum Script: Sendable {
        /// Applied and answered.
        case answer
        /// Applied, then the answer is this error (a 500 after the commit, a reset, a time-out).
        case applyThen(ClusterError)
        /// Not applied, and the answer is this error.
        case dropWith(ClusterError)
    }

    private let lock = NSLock()
    private var rows: [EntityKey: Assignment] = [:]
    private var scripts: [Script] = []
    private(set) var writes: [String] = []
    /// Reads after this many writes fail (nil: never).
    var readsFailAfterWrites: Int?
    var readsFail = false

    func seed(_ key: EntityKey, node: String, mode: AssignmentMode = .strict) {
        lock.withLock { rows[key] = Assignment(entityType: key.entityType, entityId: key.entityId, nodeName: node, mode: mode) }
    }

    func script(_ next: Script...) { lock.withLock { scripts.append(contentsOf: next) } }

    func binding(_ key: EntityKey) -> PlanBinding { lock.withLock { PlanBinding(rows[key]) } }

    var writeCount: Int { lock.withLock { writes.count } }

    func overview(unlessUnchangedFrom previous: BodyDigest?) async throws -> Fetched<Overview> {
        try lock.withLock {
            if readsFail || (readsFailAfterWrites.map { writes.count >= $0 } ?? false) {
                throw ClusterError.connectionRefused("127.0.0.1:1")
            }
            let overview = Overview(thisNodeName: "node-a", defaultNodeName: "node-a", nodes: [],
                                    assignments: rows.values.sorted { $0.entityId < $1.entityId })
            return Fetched(value: overview, digest: BodyDigest(value: 0, length: 0), serverDate: nil, byteCount: 0)
        }
    }

    /// The entities the instance list holds; `nil`: the list cannot be read.
    var entities: Set<EntityKey>?

    func instances(unlessUnchangedFrom previous: BodyDigest?) async throws -> Fetched<InstanceList> {
        try lock.withLock {
            guard let entities else { throw ClusterError.malformed("instances: not scripted") }
            let list = entities.sorted().map { Instance(entityType: $0.entityType, entityId: $0.entityId, name: $0.entityId, nodeName: "node-a") }
            return Fetched(value: InstanceList(instances: list), digest: BodyDigest(value: 0, length: 0), serverDate: nil, byteCount: 0)
        }
    }

    func setAssignment(_ key: EntityKey, nodeName: String, mode: AssignmentMode?) async throws -> Assignment {
        let row = Assignment(entityType: key.entityType, entityId: key.entityId, nodeName: nodeName, mode: mode ?? .strict)
        return try perform("PUT \(key) \(nodeName)") { rows[key] = row; return row }
    }

    func deleteAssignment(_ key: EntityKey) async throws -> Bool {
        try perform("DELETE \(key)") { rows.removeValue(forKey: key) != nil }
    }

    private func perform<T>(_ what: String, _ apply: () -> T) throws -> T {
        try lock.withLock {
            writes.append(what)
            let script = scripts.isEmpty ? .answer : scripts.removeFirst()
            switch script {
            case .answer: return apply()
            case .applyThen(let error): _ = apply(); throw error
            case .dropWith(let error): throw error
            }
        }
    }
}
