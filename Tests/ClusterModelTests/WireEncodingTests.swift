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

    /// Guards a field added later: one without its wrapper, or left out of `CodingKeys`, vanished from `serve` when unknown.
    @Test func everyStoredFieldIsWrittenEvenWhenUnknown() throws {
        let values: [any Encodable] = [
            Node(name: "n1"),
            Instance(entityType: .agent, entityId: "a1", name: "A", nodeName: "n1"),
            Assignment(entityType: .agent, entityId: "a1", nodeName: "n1", mode: .strict),
        ]
        for value in values {
            // A wrapped field is stored as `_name`; the wire key is the field's own name.
            let fields = Set(Mirror(reflecting: value).children.compactMap { $0.label.map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 } })
            let keys = Set(try Self.object(value).keys)
            #expect(!fields.isEmpty)
            #expect(keys == fields, "\(type(of: value)): written \(keys.sorted()), stored \(fields.sorted())")
        }
    }
}
