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
        try ReplyInterpreter.check(reply, path: path, base: transport.base)
        return try ReplyInterpreter.decode(SetAssignmentResponse.self, from: reply, what: "PUT assignment").assignment
    }

    public func deleteAssignment(_ key: EntityKey) async throws -> Bool {
        let path = Self.path(key)
        let reply = try await transport.send(.DELETE, path)
        try ReplyInterpreter.check(reply, path: path, base: transport.base)
        return try ReplyInterpreter.decode(DeleteAssignmentResponse.self, from: reply, what: "DELETE assignment").removed
    }

    /// `/api/cluster/assignments/<type>/<id>`, both segments percent-encoded.
    public static func path(_ key: EntityKey) -> String {
        "/api/cluster/assignments/\(PathSegment.encode(key.entityType.rawValue))/\(PathSegment.encode(key.entityId))"
    }
}
