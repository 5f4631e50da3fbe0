import ClusterModel
import Foundation

/// Which journal record an outcome belongs to.
struct JournalTicket: Hashable, Sendable {
    var batch: String
    var seq: Int
    var key: EntityKey
}

/// Journals a write made outside a plan (`assign`, `unassign`, the
/// dashboard's rebind and reset forms) as a batch of one, so `journal`
/// lists it and `undo` can take it back like any batch.
struct SingleWriteJournal: Sendable {
    let journal: WriteJournal?
    let target: ClusterIdentity
    /// Hears why the journal could not be written (the write goes on).
    var problem: @Sendable (String) -> Void = { _ in }

    /// Writes the intent line, before the request is sent.
    func intent(kind: MovePlan.Kind, key: EntityKey, prior: PlanBinding, requested: PlanBinding) -> JournalTicket {
        let now = Date()
        let ticket = JournalTicket(batch: MovePlan.newID(at: now, random: UInt64.random(in: 0...UInt64.max)), seq: 0, key: key)
        let item = PlanItem(key: key, name: key.entityId, from: prior, fromNode: prior.node ?? "", to: requested)
        append(.intent(batch: ticket.batch, kind: kind.rawValue, seq: 0, item: item, context: target.context, url: target.url, at: now))
        return ticket
    }

    func outcome(_ ticket: JournalTicket, _ outcome: JournalRecord.Outcome, message: String? = nil) {
        append(.outcome(batch: ticket.batch, seq: ticket.seq, key: ticket.key, outcome, message: message, at: Date()))
    }

    /// The outcome of a write's result: ok, unknown for a lost reply, else failed.
    func outcome<T>(_ ticket: JournalTicket, _ result: Result<T, ClusterError>) {
        switch result {
        case .success: outcome(ticket, .ok)
        case .failure(.outcomeUnknown(let why)): outcome(ticket, .unknown, message: "reply lost: " + why)
        case .failure(let error): outcome(ticket, .failed, message: error.description)
        }
    }

    private func append(_ record: JournalRecord) {
        guard let journal else { return }
        do { try journal.append(record) } catch { problem("journal: \(error); this write is not recorded") }
    }
}

extension SingleWriteJournal {
    /// The CLI's journal: the default path, problems as one warning on stderr.
    static func forCLI(_ target: ClusterIdentity) -> SingleWriteJournal {
        SingleWriteJournal(journal: WriteJournal(path: WriteJournal.defaultPath()), target: target,
                           problem: { StandardError.line("clustertui: warning: " + $0) })
    }

    /// Runs the re-read that resolves a lost reply and journals what it says:
    /// ok when it returns, failed when it shows the write was not applied,
    /// nothing more when it could not tell (the unknown line stands).
    func resolving<T>(_ ticket: JournalTicket, _ check: () async throws -> T) async throws -> T {
        do {
            let value = try await check()
            outcome(ticket, .ok, message: "reply lost; confirmed by re-reading")
            return value
        } catch ClusterError.notApplied(let why) {
            outcome(ticket, .failed, message: "reply lost; not applied: " + why)
            throw ClusterError.notApplied(why)
        }
    }
}
