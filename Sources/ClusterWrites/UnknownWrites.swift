import ClusterModel
import Foundation

/// Writes whose outcome is unknown (sent, the answer said nothing, and the
/// re-read failed too), kept until a later read of the overview shows the
/// binding (issue 20): then the journal gets an outcome line saying which,
/// and when and how it was settled. Only the newest write per entity is
/// kept: a later write to the same entity makes an older one unsettleable.
package final class UnknownWrites: @unchecked Sendable {
    /// One unknown write, with what settles it.
    package struct Pending: Equatable, Sendable {
        package var batch: String
        package var seq: Int
        package var key: EntityKey
        package var prior: PlanBinding
        package var requested: PlanBinding
    }

    /// One write a later read settled: which, whether it landed, and the operator's line.
    package struct Settled: Equatable, Sendable {
        package var key: EntityKey
        package var requested: PlanBinding
        package var applied: Bool
        package var text: String
    }

    private let lock = NSLock()
    private var pending: [EntityKey: Pending] = [:]

    package init() {}

    package var isEmpty: Bool { lock.withLock { pending.isEmpty } }

    /// Keeps an unknown write (replacing an older one for the same entity).
    package func note(_ write: Pending) { lock.withLock { pending[write.key] = write } }

    /// A later write to `key` with a known outcome: the older unknown cannot be settled by a read.
    package func forget(_ key: EntityKey) { lock.withLock { _ = pending.removeValue(forKey: key) } }

    /// Settles what `overview` decides: journals an outcome line for each and
    /// returns one line per settled write for the operator.
    package func settle(_ overview: Overview, journal: WriteJournal?, at time: Date = Date()) -> [Settled] {
        let index = BindingIndex(overview)
        let settled: [(Pending, JournalRecord.Outcome)] = lock.withLock {
            var out: [(Pending, JournalRecord.Outcome)] = []
            for (key, write) in pending {
                let now = index.binding(of: key)
                if now.matches(write.requested) { out.append((write, .ok)) } else if now.matches(write.prior) { out.append((write, .notApplied)) }
            }
            for (write, _) in out { pending.removeValue(forKey: write.key) }
            return out
        }
        return settled.map { write, outcome in
            let how = outcome == .ok ? "applied" : "not applied"
            let message = "settled at \(WireDate.format(time)): a later read shows it \(how)"
            try? journal?.append(.outcome(batch: write.batch, seq: write.seq, key: write.key, outcome, message: message, at: time))
            return Settled(key: write.key, requested: write.requested, applied: outcome == .ok,
                           text: "the write of \(TextSanitizer.visible(write.key.description)) whose outcome was unknown was \(how) (settled by a later read)")
        }
    }
}
