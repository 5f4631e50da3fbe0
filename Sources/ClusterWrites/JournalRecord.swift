import ClusterModel
import Foundation

/// One line of the write journal: the intent of a write (before it is
/// sent: which cluster, the binding before and the binding asked for) or
/// its outcome (`ok`, `not applied`, `unknown`; a later line may settle an
/// unknown). One `Codable` shape for every line (issue 19), ending in a
/// checksum of the rest of the line so that a torn or edited line is
/// recognised and never read as a write (issue 20).
package struct JournalRecord: Equatable, Sendable, Codable {
    /// Which half of a write the line records.
    package enum Event: String, Sendable, Codable { case intent, outcome }

    /// What became of a write. Version 1 journals said `failed`; it reads as `notApplied`.
    package enum Outcome: String, Sendable, Codable {
        case ok
        case notApplied = "not applied"
        case unknown

        package init(from decoder: Decoder) throws {
            let raw = try decoder.singleValueContainer().decode(String.self)
            guard let value = raw == "failed" ? .notApplied : Outcome(rawValue: raw) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown outcome"))
            }
            self = value
        }
    }

    package var time: Date
    package var event: Event
    package var batch: String
    /// The item's place in its batch; intent and outcome share it.
    package var seq: Int
    package var entityType: String
    package var entityId: String
    // Intent only.
    package var kind: String?
    package var context: String?
    package var url: String?
    package var prior: BindingRecord?
    package var requested: BindingRecord?
    /// The cluster a retargeted plan was made against (`apply --retarget`).
    package var retargetedFrom: String?
    // Outcome only.
    package var outcome: Outcome?
    package var message: String?
    /// A write shown not applied that reached a server which may still apply
    /// it (a time-out): undo keeps it, under its precondition.
    package var mayStillLand: Bool?

    package var key: EntityKey { EntityKey(EntityType(entityType), entityId) }

    package static func intent(
        batch: String, kind: MovePlan.Kind, seq: Int, item: PlanItem, target: ClusterIdentity, retargetedFrom: String? = nil,
        at time: Date
    ) -> JournalRecord {
        JournalRecord(time: time, event: .intent, batch: batch, seq: seq, entityType: item.key.entityType.rawValue,
                      entityId: item.key.entityId, kind: kind.rawValue, context: target.context, url: target.url,
                      prior: BindingRecord(item.from), requested: BindingRecord(item.to), retargetedFrom: retargetedFrom)
    }

    package static func outcome(
        batch: String, seq: Int, key: EntityKey, _ outcome: Outcome, message: String?, mayStillLand: Bool = false, at time: Date
    ) -> JournalRecord {
        JournalRecord(time: time, event: .outcome, batch: batch, seq: seq, entityType: key.entityType.rawValue,
                      entityId: key.entityId, outcome: outcome, message: message.map { TextSanitizer.excerpt($0, limit: 200) },
                      mayStillLand: mayStillLand ? true : nil)
    }

    // MARK: Lines

    /// The line as written: sorted keys, controls escaped, the checksum last, no newline.
    package func line() -> [UInt8] {
        let body = Self.encodeBody(self)
        var line = Array(body.dropLast())  // the closing brace
        line.append(contentsOf: Array(",\"check\":\"\(Self.checksum(body))\"}".utf8))
        return line
    }

    /// What a line holds: a record, or why it is not one.
    package enum Parsed: Equatable, Sendable {
        case record(JournalRecord)
        /// Not JSON, not a record, or its checksum does not match: torn or edited.
        case damaged
    }

    /// Parses one line. Lines without a checksum (version 1) are read if they parse.
    package static func parse(_ line: some Collection<UInt8>) -> Parsed {
        let bytes = Array(line)
        let suffixLength = 28  // ,"check":"<16 hex>"}
        var body = bytes
        if bytes.count > suffixLength, bytes[bytes.count - suffixLength..<bytes.count - 18].elementsEqual(Array(",\"check\":\"".utf8)) {
            let hex = String(decoding: bytes[bytes.count - 18..<bytes.count - 2], as: UTF8.self)
            body = Array(bytes[..<(bytes.count - suffixLength)]) + [UInt8(ascii: "}")]
            guard hex == checksum(body) else { return .damaged }
        } else if bytes.contains(where: { $0 == UInt8(ascii: "\"") }), String(decoding: bytes, as: UTF8.self).contains("\"check\"") {
            return .damaged
        }
        guard let record = try? JSONDecoder.journal.decode(JournalRecord.self, from: Data(body)) else { return .damaged }
        return .record(record)
    }

    static func encodeBody(_ record: JournalRecord) -> [UInt8] {
        let data = (try? JSONEncoder.journal.encode(record)) ?? Data("{}".utf8)
        return Array(JSONControlEscaping.escape(data))
    }

    /// 16 hex digits of a 64-bit FNV-1a over the line without its checksum.
    static func checksum(_ body: [UInt8]) -> String {
        let hex = String(BodyDigest.of(body).value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A binding as the journal writes it: `{"node": …, "mode": …}` or
/// `{"default": true}`, the shape of plan files (`PlanBinding.jsonObject`).
package struct BindingRecord: Equatable, Sendable, Codable {
    package var node: String?
    package var mode: String?
    package var `default`: Bool?

    package init(_ binding: PlanBinding) {
        switch binding {
        case .explicit(let node, let mode): self.node = node; self.mode = mode.rawValue
        case .followsDefault: self.default = true
        }
    }

    /// The binding, or `nil` for a shape that is neither.
    package var binding: PlanBinding? {
        if self.default == true { return .followsDefault }
        guard let node, let mode else { return nil }
        return .explicit(node: node, mode: AssignmentMode(mode))
    }
}

extension JSONEncoder {
    /// The journal's encoder: sorted keys, wire dates, no escaped slashes.
    static var journal: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(WireDate.format(date))
        }
        return encoder
    }
}

extension JSONDecoder {
    /// The journal's decoder: wire dates.
    static var journal: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            guard let date = WireDate.parse(try c.decode(String.self)) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a time"))
            }
            return date
        }
        return decoder
    }
}
