import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// The effects of writes, plans and the journal (issues 10 and 19), run
/// off the UI thread: every write, a form's or a plan's, through the one
/// `WriteEngine`; stop a batch, write a plan file, read the journal's last
/// batch for `u`, settle unknown outcomes from later polls.
package struct BatchEffects: Sendable {
    /// Where writes are journalled; `nil` = not journalled (`--no-journal`,
    /// and tests that do not care).
    package let journal: WriteJournal?
    /// Which batches were asked to stop (Esc during apply).
    package let stops = BatchStops()
    /// Writes of this session whose outcome is unknown, until a poll settles them.
    package let unknowns = UnknownWrites()

    package init(journal: WriteJournal?) { self.journal = journal }

    private func engine(_ reader: any ClusterReading, _ writer: any ClusterWriting, _ identity: ClusterIdentity,
                        _ inbox: GenerationGate, recheckAfter: TimeInterval) -> WriteEngine {
        WriteEngine(reader: reader, writer: writer, journal: journal.map { .required($0) } ?? .off, target: identity,
                    recheckAfter: recheckAfter, unknowns: unknowns, journalProblem: { inbox.post(.journalProblem($0)) })
    }

    /// A form's write: one item, its precondition on a fresh read.
    package func single(_ origin: WriteOrigin, _ plan: MovePlan, reader: any ClusterReading, writer: (any ClusterWriting)?,
                identity: ClusterIdentity, inbox: GenerationGate) {
        guard let writer else {
            return inbox.post(.writeFinished(origin, .notApplied("read-only: writes are disabled", mayStillLand: false)))
        }
        let engine = engine(reader, writer, identity, inbox, recheckAfter: 0)
        Task {
            let summary = await engine.run(plan)
            var outcome = summary.outcomes.first ?? .notAttempted
            if case .notAttempted = outcome { outcome = .notApplied(summary.stoppedBecause ?? "not sent", mayStillLand: false) }
            inbox.post(.writeFinished(origin, outcome))
        }
    }

    /// After a good overview poll: settle the unknown writes it decides.
    package func settleUnknowns(_ overview: Overview, inbox: GenerationGate) {
        guard !unknowns.isEmpty else { return }
        for settled in unknowns.settle(overview, journal: journal) { inbox.post(.writeSettled(settled)) }
    }

    package func apply(_ plan: MovePlan, reader: any ClusterReading, writer: (any ClusterWriting)?, identity: ClusterIdentity,
               inbox: GenerationGate) {
        guard let writer else {
            let outcomes = [ItemOutcome](repeating: .notAttempted, count: plan.items.count)
            return inbox.post(.batchFinished(planID: plan.id, BatchSummary(outcomes: outcomes, stoppedBecause: "read-only: writes are disabled")))
        }
        let engine = engine(reader, writer, identity, inbox, recheckAfter: 1)
        let stops = self.stops
        Task {
            let summary = await engine.run(plan, shouldStop: { stops.isStopped(plan.id) }, progress: { index, outcome in
                inbox.post(.batchProgress(planID: plan.id, index: index, outcome))
            })
            stops.forget(plan.id)
            inbox.post(.batchFinished(planID: plan.id, summary))
        }
    }

    package func stop(_ planID: String) { stops.stop(planID) }

    /// Writes the plan file; an existing file is never overwritten.
    package func export(_ plan: MovePlan, _ format: PlanFileFormat, path: String, identity: ClusterIdentity, protected: Bool,
                        inbox: GenerationGate) {
        Task.detached(priority: .utility) {
            let text: Data = switch format {
            case .json: PlanCodec.encode(plan)
            case .script:
                Data(PlanScript.render(plan, connection: identity.scriptFlags, confirmContext: protected ? identity.context : nil).utf8)
            }
            let expanded = UserPath.expand(path)
            inbox.post(.planExported(planID: plan.id, path: expanded, error: Self.writeNew(text, to: expanded)))
        }
    }

    /// Creates `path` with `data` (0644), refusing to replace a file; the error, or nil.
    package static func writeNew(_ data: Data, to path: String) -> String? {
        guard !path.isEmpty else { return "no file name" }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST { return UserPath.existing(path) ?? "it exists already; type another name" }
            return String(cString: strerror(code))
        }
        var offset = 0
        var failure: String?
        data.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failure = n < 0 ? String(cString: strerror(errno)) : "nothing more could be written after \(offset) bytes"
                    return
                }
                offset += n
            }
        }
        close(fd)
        // A half-written file is not left behind to block the next try under the same name.
        if failure != nil { unlink(path) }
        return failure
    }

    /// `path` with `~` expanded, and made absolute against the working directory (for the notice).
    package static func absolute(_ path: String) -> String {
        let expanded = UserPath.expand(path)
        return expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
    }

    /// The newest batch in the journal that was applied to `identity`'s URL
    /// (refused when a damaged line may hide a newer one).
    package func loadUndo(identity: ClusterIdentity, inbox: GenerationGate) {
        let journal = self.journal
        Task.detached(priority: .utility) {
            guard let journal else { return inbox.post(.undoLoaded(.failure(PlanError("no write journal (--no-journal)")))) }
            do {
                let contents = try WriteJournal.read(path: journal.path)
                inbox.post(.undoLoaded(.success(try JournalEntries.newest(in: contents, url: identity.url, path: journal.path))))
            } catch {
                inbox.post(.undoLoaded(.failure(PlanError(String(describing: error)))))
            }
        }
    }
}

/// The batches asked to stop, shared with their running tasks.
package final class BatchStops: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = Set<String>()
    package func stop(_ id: String) { lock.withLock { _ = stopped.insert(id) } }
    package func isStopped(_ id: String) -> Bool { lock.withLock { stopped.contains(id) } }
    package func forget(_ id: String) { lock.withLock { _ = stopped.remove(id) } }
}
