import ClusterModel
import Foundation

/// One write as the journal tells it: its intent joined with its latest
/// outcome (none yet: the process died between sending and hearing back).
package struct JournalEntry: Equatable, Sendable {
    package var time: Date
    package var batch: String
    package var seq: Int
    package var kind: String
    package var target: ClusterIdentity
    package var key: EntityKey
    package var prior: PlanBinding
    package var requested: PlanBinding
    /// `nil` when no outcome was recorded.
    package var outcome: JournalRecord.Outcome?
    package var message: String?
    package var mayStillLand = false
    /// The journal lines of the intent and of the latest outcome.
    package var lines: ClosedRange<Int>

    package init(
        time: Date, batch: String, seq: Int, kind: String, target: ClusterIdentity, key: EntityKey, prior: PlanBinding,
        requested: PlanBinding, outcome: JournalRecord.Outcome? = nil, message: String? = nil, mayStillLand: Bool = false,
        lines: ClosedRange<Int> = 0...0
    ) {
        self.time = time; self.batch = batch; self.seq = seq; self.kind = kind; self.target = target; self.key = key
        self.prior = prior; self.requested = requested; self.outcome = outcome; self.message = message
        self.mayStillLand = mayStillLand; self.lines = lines
    }

    /// `ok`, `not applied`, `unknown`, or `unknown (no outcome recorded)`.
    package var outcomeText: String { outcome?.rawValue ?? "unknown (no outcome recorded)" }
    package var context: String? { target.context }
    package var url: String? { target.url }
}

/// The writes of one batch, in the order they were sent.
package struct JournalBatch: Equatable, Sendable {
    package var id: String
    package var kind: String
    package var time: Date
    package var target: ClusterIdentity
    package var entries: [JournalEntry]

    package init(id: String, kind: String, time: Date, target: ClusterIdentity, entries: [JournalEntry]) {
        self.id = id; self.kind = kind; self.time = time; self.target = target; self.entries = entries
    }

    package var context: String? { target.context }
    package var url: String? { target.url }
    /// The last journal line that belongs to this batch.
    package var lastLine: Int { entries.map(\.lines.upperBound).max() ?? 0 }
}

/// Joins journal lines into entries and batches.
package enum JournalEntries {
    /// Every write, oldest first.
    package static func entries(_ lines: [JournalLine]) -> [JournalEntry] {
        var order: [String] = []
        var byID: [String: JournalEntry] = [:]
        for line in lines {
            let record = line.record
            let id = "\(record.batch)#\(record.seq)"
            switch record.event {
            case .intent:
                guard byID[id] == nil, let prior = record.prior?.binding, let requested = record.requested?.binding else { continue }
                order.append(id)
                byID[id] = JournalEntry(
                    time: record.time, batch: record.batch, seq: record.seq, kind: record.kind ?? "rebind",
                    target: ClusterIdentity(context: record.context, url: record.url ?? "an unknown cluster"), key: record.key,
                    prior: prior, requested: requested, lines: line.number...line.number)
            case .outcome:
                guard var entry = byID[id], entry.key == record.key else { continue }
                // A later line settles an unknown; it never turns a known outcome back to unknown.
                if record.outcome == .unknown, entry.outcome != nil, entry.outcome != .unknown { continue }
                entry.outcome = record.outcome
                entry.message = record.message
                entry.mayStillLand = record.mayStillLand ?? false
                entry.lines = entry.lines.lowerBound...line.number
                byID[id] = entry
            }
        }
        return order.compactMap { byID[$0] }
    }

    /// Batches, oldest first.
    package static func batches(_ entries: [JournalEntry]) -> [JournalBatch] {
        var order: [String] = []
        var byID: [String: JournalBatch] = [:]
        for entry in entries {
            if byID[entry.batch] == nil {
                order.append(entry.batch)
                byID[entry.batch] = JournalBatch(id: entry.batch, kind: entry.kind, time: entry.time, target: entry.target, entries: [])
            }
            byID[entry.batch]?.entries.append(entry)
        }
        return order.compactMap { byID[$0] }
    }

    /// The writes to undo in `batch`: the ones that were, or may have been,
    /// applied. A write shown not applied changed nothing, unless it may
    /// still land (a time-out); an unknown one is undone under the same
    /// precondition, so it is skipped if it never landed.
    package static func undoable(_ batch: JournalBatch) -> [(key: EntityKey, prior: PlanBinding, requested: PlanBinding)] {
        batch.entries.filter { $0.outcome != .notApplied || $0.mayStillLand }
            .map { (key: $0.key, prior: $0.prior, requested: $0.requested) }
    }

    /// The newest batch applied to `url` (to any cluster when `nil`), refusing to guess (issue 20): when
    /// a damaged line comes after it, that line may have been the intent of
    /// a newer batch, so the caller must name the batch it means.
    package static func newest(in contents: JournalContents, url: String?, path: String) throws -> JournalBatch {
        let batches = batches(entries(contents.records))
        let newest = batches.last { url == nil || $0.url == url }
        let after = contents.damaged.filter { $0 > (newest?.lastLine ?? 0) }
        if !after.isEmpty {
            let list = after.prefix(5).map(String.init).joined(separator: ", ") + (after.count > 5 ? ", …" : "")
            // What to do first: the status line cuts the end of a long text.
            throw JournalError(
                "line\(after.count == 1 ? "" : "s") \(list) of the journal \(after.count == 1 ? "is" : "are") damaged (a torn or edited write) "
                    + "and may hold a newer batch: not guessing; pick one with `clustertui journal` and "
                    + "`clustertui undo --batch ID` (\(path))")
        }
        guard let newest else {
            throw JournalError(url.map { "the journal holds no batch applied to \(TextSanitizer.visible($0))" } ?? "the journal holds no batch")
        }
        return newest
    }
}
