import ClusterModel
import Foundation

/// Where the engine journals, and whether a write may go without it.
package enum JournalPolicy: Sendable {
    /// Every write is journalled first; when the journal cannot be written,
    /// nothing is sent (issue 20).
    case required(WriteJournal)
    /// The operator said `--no-journal`: writes are sent unrecorded (and
    /// cannot be undone).
    case off
}

/// The one write engine (issue 19): every write — a form's rebind or
/// reset, a bulk move, an evacuation, an undo, the CLI's `assign`,
/// `unassign`, `apply` and `undo` — is a `MovePlan` of one or more items
/// run here, one at a time. Per item:
///
/// 1. the precondition: the entity's binding on an overview read at most
///    `recheckAfter` seconds earlier (0: always a fresh read) must be the
///    plan's `from`; already at `to` is `unchanged`, anything else
///    `changedMeanwhile` (never overwritten);
/// 2. the intent is journalled before the request goes out (no journal, no write);
/// 3. the PUT or DELETE;
/// 4. a failure is classified by `WriteFailure`; a lost one is re-read,
///    and the binding decides: `to` is applied, `from` is not applied,
///    a failed re-read is unknown;
/// 5. the outcome is journalled.
///
/// The batch goes on past a refusal of one item and stops when the server
/// is gone, the session is refused, or an outcome cannot be known.
package struct WriteEngine: Sendable {
    package let reader: any ClusterReading
    package let writer: any ClusterWriting
    package let journal: JournalPolicy
    package let target: ClusterIdentity
    package var recheckAfter: TimeInterval
    /// Hears, once per run, that an outcome line could not be journalled.
    package var journalProblem: @Sendable (String) -> Void
    /// Where unknown outcomes wait for a later read to settle them (the dashboard's polls).
    package var unknowns: UnknownWrites?
    /// The cluster a plan was made against when the operator retargeted it
    /// (`apply --retarget`): journalled with every intent.
    package var retargetedFrom: String?

    package init(
        reader: any ClusterReading, writer: any ClusterWriting, journal: JournalPolicy, target: ClusterIdentity,
        recheckAfter: TimeInterval = 1, unknowns: UnknownWrites? = nil,
        journalProblem: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.reader = reader; self.writer = writer; self.journal = journal; self.target = target
        self.recheckAfter = recheckAfter; self.unknowns = unknowns; self.journalProblem = journalProblem
    }

    /// Runs the plan; `progress` hears each item's outcome as it is known.
    package func run(
        _ plan: MovePlan, shouldStop: @Sendable () -> Bool = { false },
        progress: @Sendable (Int, ItemOutcome) -> Void = { _, _ in }
    ) async -> BatchSummary {
        var outcomes = [ItemOutcome](repeating: .notAttempted, count: plan.items.count)
        // A re-run of the same plan is a batch of its own: undo --last takes back the last run.
        var run = RunState(batch: MovePlan.newID(at: Date(), random: UInt64.random(in: 0...UInt64.max)))
        for (i, item) in plan.items.enumerated() {
            if shouldStop() { run.stop = "stopped by the operator after \(i) of \(plan.items.count)"; break }
            if let why = await run.refresh(reader, every: recheckAfter) { run.stop = why; break }
            let outcome = await apply(item, seq: i, kind: plan.kind, &run)
            outcomes[i] = outcome
            progress(i, outcome)
            if run.stop != nil { break }
        }
        return BatchSummary(outcomes: outcomes, stoppedBecause: run.stop, batchID: run.batch)
    }

    private func apply(_ item: PlanItem, seq: Int, kind: MovePlan.Kind, _ run: inout RunState) async -> ItemOutcome {
        let current = run.binding(of: item.key)
        if current.matches(item.to) { return .unchanged(item.to) }
        if !current.matches(item.from) {
            if !current.isExplicit, await run.isGone(item.key, reader) { return .vanished(planned: item.from) }
            return .changedMeanwhile(planned: item.from, now: current, row: run.index?.row(of: item.key))
        }
        if case .required(let file) = journal {
            do {
                try file.append(.intent(batch: run.batch, kind: kind, seq: seq, item: item, target: target,
                                        retargetedFrom: retargetedFrom, at: Date()))
            } catch {
                run.stop = "the write journal cannot be written: nothing more is sent"
                return .notApplied("not sent: the write journal cannot be written (\(TextSanitizer.excerpt(String(describing: error), limit: 160))); "
                                   + "fix it, or pass --no-journal to write without a record", mayStillLand: false)
            }
        }
        let outcome = await send(item, &run)
        record(outcome, of: item, seq: seq, &run)
        return outcome
    }

    /// The request and what its answer (or a re-read) says.
    private func send(_ item: PlanItem, _ run: inout RunState) async -> ItemOutcome {
        do {
            switch item.to {
            case .explicit(let node, let mode):
                _ = try await writer.setAssignment(item.key, nodeName: node, mode: mode)
                return .applied(item.to, .reply)
            case .followsDefault:
                let removed = try await writer.deleteAssignment(item.key)
                return .applied(item.to, removed ? .reply : .nothingToRemove)
            }
        } catch {
            let failure = WriteFailure(error as? ClusterError ?? .transport(String(describing: error)))
            switch failure {
            case .neverSent(let e), .refused(let e):
                if failure.stopsTheBatch { run.stop = "the server cannot take writes now: " + TextSanitizer.excerpt(e.description) }
                return .notApplied(TextSanitizer.excerpt(e.description, limit: 160), mayStillLand: false, cause: e)
            case .lost(let e):
                return await reread(item, after: e, &run)
            }
        }
    }

    /// A write whose answer said nothing: the binding on a fresh read decides.
    private func reread(_ item: PlanItem, after error: ClusterError, _ run: inout RunState) async -> ItemOutcome {
        let why = TextSanitizer.excerpt(Self.lostText(error), limit: 120)
        guard await run.reread(reader) else {
            run.stop = "a write's outcome is unknown and the server cannot be read: check before re-running"
            return .unknown("\(why); re-reading failed, so it may or may not have been applied")
        }
        let now = run.binding(of: item.key)
        if now.matches(item.to) { return .applied(item.to, .reread) }
        // A time-out: the server may still be working on it.
        let mayStillLand = error.isTimeOut
        let advice = mayStillLand ? "it timed out and may still be applied: re-check before retrying" : "safe to retry"
        let text = now.matches(item.from)
            ? "\(why); a re-read shows it was not applied (\(advice))"
            : "\(why); a re-read shows it now \(now), set by someone else"
        return .notApplied(text, mayStillLand: mayStillLand, cause: .notApplied(text))
    }

    /// What a lost reply was, in words, the server's own first: `server
    /// error (500): Node "x" not found…`, `the reply was lost (reset by peer)`.
    static func lostText(_ error: ClusterError) -> String {
        switch error {
        case .outcomeUnknown(let why): "the reply was lost (\(why))"
        case .replyTimedOut(let why): "no reply in time (\(why))"
        default: error.description
        }
    }

    private func record(_ outcome: ItemOutcome, of item: PlanItem, seq: Int, _ run: inout RunState) {
        if case .unknown = outcome {
            unknowns?.note(.init(batch: run.batch, seq: seq, key: item.key, prior: item.from, requested: item.to))
        } else {
            unknowns?.forget(item.key)
        }
        guard case .required(let file) = journal else { return }
        let word: JournalRecord.Outcome
        var mayStillLand = false
        switch outcome {
        case .applied: word = .ok
        case .unknown: word = .unknown
        case .notApplied(_, let may, _): word = .notApplied; mayStillLand = may
        case .unchanged, .changedMeanwhile, .vanished, .notAttempted: return
        }
        let message: String? = switch outcome {
        case .applied(_, .reply): nil
        case .applied(_, .nothingToRemove): "nothing to remove"
        default: outcome.detail
        }
        do {
            try file.append(.outcome(batch: run.batch, seq: seq, key: item.key, word, message: message, mayStillLand: mayStillLand,
                                     at: Date()))
        } catch {
            if !run.journalWarned { journalProblem("journal: \(error); this outcome is not recorded") }
            run.journalWarned = true
        }
    }
}

/// The overview read the preconditions are checked against, and why the run stopped.
private struct RunState {
    var batch: String
    var index: BindingIndex?
    var readAt = Date.distantPast
    var stop: String?
    var journalWarned = false
    /// The instance list's entities, once read.
    var entities: Set<EntityKey>?

    init(batch: String) { self.batch = batch }

    func binding(of key: EntityKey) -> PlanBinding { index?.binding(of: key) ?? .followsDefault }

    mutating func refresh(_ reader: any ClusterReading, every interval: TimeInterval) async -> String? {
        guard index == nil || Date().timeIntervalSince(readAt) >= interval else { return nil }
        do {
            index = BindingIndex(try await reader.overview())
            readAt = Date()
            return nil
        } catch {
            let text = (error as? ClusterError)?.description ?? String(describing: error)
            return "could not read the overview to check the next item: " + TextSanitizer.excerpt(text, limit: 160)
        }
    }

    /// Whether the entity is missing from the instance list (read once per
    /// run, only when a binding vanished); `false` when it cannot be read.
    mutating func isGone(_ key: EntityKey, _ reader: any ClusterReading) async -> Bool {
        if entities == nil, let list = try? await reader.instances() { entities = Set(list.instances.map(\.key)) }
        guard let entities else { return false }
        return !entities.contains(key)
    }

    mutating func reread(_ reader: any ClusterReading) async -> Bool {
        guard let overview = try? await reader.overview() else { return false }
        index = BindingIndex(overview)
        readAt = Date()
        return true
    }
}

extension ClusterError {
    /// A write whose reply did not come in time: the server may still apply it.
    var isTimeOut: Bool {
        if case .replyTimedOut = self { return true }
        return false
    }
}
