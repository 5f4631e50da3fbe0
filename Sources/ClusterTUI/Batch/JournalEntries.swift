import ClusterModel
import Foundation

/// One write as the journal tells it: its intent joined with its latest
/// outcome (none yet: the process died between sending and hearing back).
package struct JournalEntry: Equatable, Sendable {
    var time: Date
    var batch: String
    var seq: Int
    var kind: String
    var context: String?
    var url: String?
    var key: EntityKey
    var prior: PlanBinding
    var requested: PlanBinding
    /// `nil` when no outcome was recorded.
    var outcome: JournalRecord.Outcome?
    var message: String?

    /// `ok`, `failed`, `unknown`, or `unknown (no outcome recorded)`.
    var outcomeText: String { outcome?.rawValue ?? "unknown (no outcome recorded)" }
}

/// The writes of one batch, in the order they were sent.
package struct JournalBatch: Equatable, Sendable {
    var id: String
    var kind: String
    var time: Date
    var context: String?
    var url: String?
    var entries: [JournalEntry]
}

/// Joins journal lines into entries and batches.
enum JournalEntries {
    /// Every write, oldest first.
    static func entries(_ records: [JournalRecord]) -> [JournalEntry] {
        var order: [String] = []
        var byID: [String: JournalEntry] = [:]
        for record in records {
            let id = "\(record.batch)#\(record.seq)"
            switch record.event {
            case .intent:
                guard byID[id] == nil, let prior = record.prior, let requested = record.requested else { continue }
                order.append(id)
                byID[id] = JournalEntry(
                    time: record.time, batch: record.batch, seq: record.seq, kind: record.kind ?? "rebind",
                    context: record.context, url: record.url, key: record.key, prior: prior, requested: requested)
            case .outcome:
                guard var entry = byID[id], entry.key == record.key else { continue }
                // A later line resolves an unknown; it never turns a known outcome back to unknown.
                if record.outcome == .unknown, entry.outcome != nil, entry.outcome != .unknown { continue }
                entry.outcome = record.outcome
                entry.message = record.message
                byID[id] = entry
            }
        }
        return order.compactMap { byID[$0] }
    }

    /// Batches, oldest first.
    static func batches(_ entries: [JournalEntry]) -> [JournalBatch] {
        var order: [String] = []
        var byID: [String: JournalBatch] = [:]
        for entry in entries {
            if byID[entry.batch] == nil {
                order.append(entry.batch)
                byID[entry.batch] = JournalBatch(id: entry.batch, kind: entry.kind, time: entry.time, context: entry.context,
                                                 url: entry.url, entries: [])
            }
            byID[entry.batch]?.entries.append(entry)
        }
        return order.compactMap { byID[$0] }
    }

    /// The writes to undo in `batch`: the ones that were (or may have been)
    /// applied. Failed writes changed nothing; an unknown one is undone
    /// under the same precondition, so it is skipped if it never landed.
    static func undoable(_ batch: JournalBatch) -> [(key: EntityKey, prior: PlanBinding, requested: PlanBinding)] {
        // A lost reply a re-read showed not applied may still land (a proxy's 504): undone under the precondition too.
        batch.entries.filter { $0.outcome != .failed || ($0.message?.hasPrefix("reply lost") ?? false) }
            .map { (key: $0.key, prior: $0.prior, requested: $0.requested) }
    }
}
