import ClusterModel
import Foundation

/// The effects of plans and the journal (issue 10), run off the UI thread:
/// apply a plan through `BatchApplier`, stop it, write a plan file, read
/// the journal's last batch for `u`, and journal the forms' single writes.
struct BatchEffects: Sendable {
    /// Where writes are journalled; `nil` = not journalled (tests that do not care).
    let journal: WriteJournal?
    /// Which batches were asked to stop (Esc during apply).
    let stops = BatchStops()

    func apply(_ plan: MovePlan, reader: any ClusterReading, writer: (any ClusterWriting)?, identity: ClusterIdentity,
               inbox: GenerationGate) {
        guard let writer else {
            let outcomes = [ItemOutcome](repeating: .notAttempted, count: plan.items.count)
            return inbox.post(.batchFinished(planID: plan.id, BatchSummary(outcomes: outcomes, stoppedBecause: "read-only: writes are disabled")))
        }
        let applier = BatchApplier(reader: reader, writer: writer, journal: journal, context: identity.context, url: identity.url,
                                   journalProblem: { inbox.post(.journalProblem($0)) })
        let stops = self.stops
        Task {
            let summary = await applier.run(plan, shouldStop: { stops.isStopped(plan.id) }, progress: { index, outcome in
                inbox.post(.batchProgress(planID: plan.id, index: index, outcome))
            })
            stops.forget(plan.id)
            inbox.post(.batchFinished(planID: plan.id, summary))
        }
    }

    func stop(_ planID: String) { stops.stop(planID) }

    /// Writes the plan file; an existing file is never overwritten.
    func export(_ plan: MovePlan, _ format: PlanFileFormat, path: String, identity: ClusterIdentity, inbox: GenerationGate) {
        Task.detached(priority: .utility) {
            let text: Data = switch format {
            case .json: Data(StableJSON.escapeControls(String(decoding: PlanCodec.encode(plan), as: UTF8.self)).utf8)
            case .script: Data(PlanScript.render(plan, connection: LiveCluster.connectionFlags(identity)).utf8)
            }
            let expanded = (path.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
            inbox.post(.planExported(planID: plan.id, path: expanded, error: Self.writeNew(text, to: expanded)))
        }
    }

    /// Creates `path` with `data` (0644), refusing to replace a file; the error, or nil.
    static func writeNew(_ data: Data, to path: String) -> String? {
        guard !path.isEmpty else { return "no file name" }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            return errno == EEXIST ? "it exists already; type another name" : String(cString: strerror(errno))
        }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return written == data.count ? nil : String(cString: strerror(errno))
    }

    /// The newest batch in the journal that was applied to `identity`'s URL.
    func loadUndo(identity: ClusterIdentity, inbox: GenerationGate) {
        let journal = self.journal
        Task.detached(priority: .utility) {
            guard let journal else { return inbox.post(.undoLoaded(.failure(PlanError("no write journal")))) }
            do {
                let records = try WriteJournal.read(path: journal.path).records
                let batches = JournalEntries.batches(JournalEntries.entries(records))
                guard let newest = batches.last(where: { $0.url == identity.url }) else {
                    return inbox.post(.undoLoaded(.failure(PlanError("the journal holds no batch applied to \(identity.url)"))))
                }
                inbox.post(.undoLoaded(.success(newest)))
            } catch {
                inbox.post(.undoLoaded(.failure(PlanError("cannot read \(journal.path): \(error)"))))
            }
        }
    }

    /// A form's journal: single writes as batches of one.
    func single(_ identity: ClusterIdentity, inbox: GenerationGate) -> SingleWriteJournal {
        SingleWriteJournal(journal: journal, target: identity, problem: { inbox.post(.journalProblem($0)) })
    }
}

/// The batches asked to stop, shared with their running tasks.
final class BatchStops: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = Set<String>()
    func stop(_ id: String) { lock.withLock { _ = stopped.insert(id) } }
    func isStopped(_ id: String) -> Bool { lock.withLock { stopped.contains(id) } }
    func forget(_ id: String) { lock.withLock { _ = stopped.remove(id) } }
}

/// The journal records of the forms' writes whose reply was lost, until
/// the re-read resolves them.
final class LostWriteTickets: @unchecked Sendable {
    private let lock = NSLock()
    private var tickets: [LostWrite: JournalTicket] = [:]
    func keep(_ write: LostWrite, _ ticket: JournalTicket) { lock.withLock { tickets[write] = ticket } }
    func take(_ write: LostWrite) -> JournalTicket? { lock.withLock { tickets.removeValue(forKey: write) } }
}
