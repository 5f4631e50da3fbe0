import ClusterModel
import Foundation
import Testing

/// What `serve` and `-o json` write: every field of the wire types, an
/// unknown one as `null` (as the real API writes it), times in wire form.
@Suite struct WireEncodingTests {
    static func object<T: Encodable>(_ value: T) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any])
    }

    /// Guards the synthesised encoders: a `nil` field left its key out instead of writing `null`.
    @Test func unknownFieldsAreWrittenAsNull() throws {
        let node = try Self.object(Node(name: "n1"))
        #expect(Set(node.keys) == ["name", "role", "url", "tags", "status", "lastHeartbeatAt", "startedAt", "version", "hostname", "pid"])
        for key in ["url", "lastHeartbeatAt", "startedAt", "version", "hostname", "pid"] {
            #expect(node[key] is NSNull, "\(key) is null")
        }
        let instance = try Self.object(Instance(entityType: .agent, entityId: "a1", name: "A", nodeName: "n1"))
        for key in ["subtitle", "tenantId", "tenantSlug", "projectId"] { #expect(instance[key] is NSNull, "\(key) is null") }
        #expect(instance.count == 10)
        let assignment = try Self.object(Assignment(entityType: .agent, entityId: "a1", nodeName: "n1", mode: .strict))
        #expect(assignment["updatedBy"] is NSNull && assignment["updatedAt"] is NSNull)
        #expect(assignment.count == 6)
    }

    /// Guards the wire time: a known time is written as the API writes it, not as Foundation's seconds.
    @Test func knownFieldsAreWrittenInWireForm() throws {
        let t0 = Date(timeIntervalSince1970: 1_779_098_400)
        let node = try Self.object(Node(name: "n1", url: "http://n1", lastHeartbeatAt: t0, version: "1.2", pid: 7))
        #expect(node["lastHeartbeatAt"] as? String == WireDate.format(t0))
        #expect(node["url"] as? String == "http://n1")
        #expect(node["pid"] as? Int == 7)
        let assignment = try Self.object(Assignment(entityType: .agent, entityId: "a1", nodeName: "n1", mode: .strict,
                                                    updatedBy: "u1", updatedAt: t0))
        #expect(assignment["updatedAt"] as? String == WireDate.format(t0))
        #expect(assignment["updatedBy"] as? String == "u1")
    }
}
