import ClusterModel
import Foundation
import NIOHTTP1

/// `ClusterWriting` over HTTP: PUT and DELETE of one assignment, with the
/// entity type and id each percent-encoded as exactly one path segment.
public struct HTTPClusterWriter: ClusterWriting {
    let transport: HTTPTransport

    public func setAssignment(_ key: EntityKey, nodeName: String, mode: AssignmentMode?) async throws -> Assignment {
        let path = Self.path(key)
        let body: Data
        do { body = try JSONEncoder().encode(SetAssignmentRequest(nodeName: nodeName, mode: mode)) } catch {
            throw ClusterError.usage("cannot encode the assignment request")
        }
        let reply = try await transport.send(.PUT, path, json: body)
        return try Self.unlessLost(reply) {
            try ReplyInterpreter.check(reply, path: path, base: transport.base, tokenSource: transport.config.tokenSource)
            return try ReplyInterpreter.decode(SetAssignmentResponse.self, from: reply, what: "PUT assignment").assignment
        }
    }

    public func deleteAssignment(_ key: EntityKey) async throws -> Bool {
        let path = Self.path(key)
        let reply = try await transport.send(.DELETE, path)
        return try Self.unlessLost(reply) {
            try ReplyInterpreter.check(reply, path: path, base: transport.base, tokenSource: transport.config.tokenSource)
            return try ReplyInterpreter.decode(DeleteAssignmentResponse.self, from: reply, what: "DELETE assignment").removed
        }
    }

    /// A reply that does not say what the server did makes the outcome
    /// unknown, not failed (issue 13): a proxy's 502/504 (the upstream may
    /// have applied the write and its answer was lost) and a 2xx reply that
    /// cannot be read. The caller re-reads to learn the truth.
    static func unlessLost<T>(_ reply: RawReply, _ interpret: () throws -> T) throws -> T {
        do {
            return try interpret()
        } catch let error as ClusterError {
            switch error {
            case .notJSON(let status, _) where status == 502 || status == 504,
                 .server(let status, _) where status == 502 || status == 504:
                throw ClusterError.outcomeUnknown("a proxy answered HTTP \(status): \(ReplyText.oneLine(error.description))")
            case .malformed, .notJSON:
                guard (200..<300).contains(reply.status) else { throw error }
                throw ClusterError.outcomeUnknown("HTTP \(reply.status) with a reply that could not be read")
            default:
                throw error
            }
        }
    }

    /// `/api/cluster/assignments/<type>/<id>`, both segments percent-encoded.
    public static func path(_ key: EntityKey) -> String {
        "/api/cluster/assignments/\(PathSegment.encode(key.entityType.rawValue))/\(PathSegment.encode(key.entityId))"
    }
}
