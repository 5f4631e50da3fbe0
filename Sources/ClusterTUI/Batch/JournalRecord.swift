import ClusterModel
import Foundation

/// One line of the write journal: the intent of a write (before it is
/// sent: who, where, the binding before and the binding asked for) or its
/// outcome (`ok`, `failed` with the server's message, `unknown` when the
/// reply was lost; a later line may resolve an unknown).
package struct JournalRecord: Equatable, Sendable {
    /// Which half of a write the line records.
    enum Event: String, Sendable { case intent, outcome }
    /// What became of a write: applied, refused (or shown not applied), not known.
    package enum Outcome: String, Sendable { case ok, failed, unknown }

    var time: Date
    var event: Event
    var batch: String
    /// The item's place in its batch; intent and outcome share it.
    var seq: Int
    var key: EntityKey
    // Intent only.
    var kind: String?
    var context: String?
    var url: String?
    var prior: PlanBinding?
    var requested: PlanBinding?
    // Outcome only.
    var outcome: Outcome?
    var message: String?

    static func intent(batch: String, kind: String, seq: Int, item: PlanItem, context: String?, url: String?, at time: Date) -> JournalRecord {
        JournalRecord(time: time, event: .intent, batch: batch, seq: seq, key: item.key, kind: kind, context: context, url: url,
                      prior: item.from, requested: item.to)
    }

    static func outcome(batch: String, seq: Int, key: EntityKey, _ outcome: Outcome, message: String?, at time: Date) -> JournalRecord {
        JournalRecord(time: time, event: .outcome, batch: batch, seq: seq, key: key, outcome: outcome,
                      message: message.map { TextSanitizer.excerpt($0, limit: 200) })
    }

    func jsonLine() -> [UInt8] {
        var object: [String: Any] = [
            "time": WireDate.format(time), "event": event.rawValue, "batch": batch, "seq": seq,
            "entityType": key.entityType.rawValue, "entityId": key.entityId,
        ]
        if let kind { object["kind"] = kind }
        if let context { object["context"] = context }
        if let url { object["url"] = url }
        if let prior { object["prior"] = prior.jsonObject }
        if let requested { object["requested"] = requested.jsonObject }
        if let outcome { object["outcome"] = outcome.rawValue }
        if let message { object["message"] = message }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data)
    }

    init(
        time: Date, event: Event, batch: String, seq: Int, key: EntityKey, kind: String? = nil, context: String? = nil,
        url: String? = nil, prior: PlanBinding? = nil, requested: PlanBinding? = nil, outcome: Outcome? = nil, message: String? = nil
    ) {
        self.time = time; self.event = event; self.batch = batch; self.seq = seq; self.key = key; self.kind = kind
        self.context = context; self.url = url; self.prior = prior; self.requested = requested; self.outcome = outcome
        self.message = message
    }

    /// Parses one line; `nil` for a line that is not a journal record.
    init?(jsonLine: Data) {
        guard let o = try? JSONSerialization.jsonObject(with: jsonLine) as? [String: Any],
              let timeText = o["time"] as? String, let time = WireDate.parse(timeText),
              let event = (o["event"] as? String).flatMap(Event.init(rawValue:)),
              let batch = o["batch"] as? String, let seq = o["seq"] as? Int,
              let type = o["entityType"] as? String, let id = o["entityId"] as? String
        else { return nil }
        self.init(time: time, event: event, batch: batch, seq: seq, key: EntityKey(EntityType(type), id),
                  kind: o["kind"] as? String, context: o["context"] as? String, url: o["url"] as? String,
                  prior: PlanBinding(jsonObject: o["prior"]), requested: PlanBinding(jsonObject: o["requested"]),
                  outcome: (o["outcome"] as? String).flatMap(Outcome.init(rawValue:)), message: o["message"] as? String)
    }
}
