import ClusterClient
import ClusterModel
import Foundation

/// Applies a `MovePlan`, one write at a time, for the dashboard and the
/// CLI alike (issue 10). Before each write the entity's binding is checked
/// against the plan's `from` on an overview read at most `recheckAfter`
/// seconds earlier: an item already where the plan puts it is skipped as
/// unchanged, one changed by someone else is skipped and never overwritten.
/// Every write is journalled (intent first). The batch goes on past a
/// server's refusal of one item, and stops when the server is gone, the
/// session is refused, or a lost reply cannot be resolved.
struct BatchApplier: Sendable {
    let reader: any ClusterReading
    let writer: any ClusterWriting
    let journal: WriteJournal?
    let context: String?
    let url: String?
    var recheckAfter: TimeInterval = 1
    /// Called once if the journal cannot be written (the batch goes on).
    var journalProblem: @Sendable (String) -> Void = { _ in }

    /// Runs the plan; `progress` hears each item's outcome as it is known.
    func run(
        _ plan: MovePlan, shouldStop: @Sendable () -> Bool = { false },
        progress: @Sendable (Int, ItemOutcome) -> Void = { _, _ in }
    ) async -> BatchSummary {
        var outcomes = [ItemOutcome](repeating: .notAttempted, count: plan.items.count)
        var state = RunState()
        // A re-run of the same plan is a batch of its own: undo --last takes back the last run.
        state.batch = MovePlan.newID(at: Date(), random: UInt64.random(in: 0...UInt64.max))
        for (i, item) in plan.items.enumerated() {
            if shouldStop() { state.stop = "stopped by the operator after \(i) of \(plan.items.count)"; break }
            if let why = await state.refresh(reader, every: recheckAfter) { state.stop = why; break }
            let outcome = await apply(item, seq: i, plan: plan, &state)
            outcomes[i] = outcome
            progress(i, outcome)
            if state.stop != nil { break }
        }
        return BatchSummary(outcomes: outcomes, stoppedBecause: state.stop, batchID: state.batch)
    }

    /// The overview read the precondition is checked against, and why the batch stopped.
    private struct RunState {
        var index: BindingIndex?
        var readAt = Date.distantPast
        var stop: String?
        var journalWarned = false
        var batch = ""

        mutating func refresh(_ reader: any ClusterReading, every interval: TimeInterval) async -> String? {
            guard index == nil || Date().timeIntervalSince(readAt) > interval else { return nil }
            do {
                index = BindingIndex(try await reader.overview())
                readAt = Date()
                return nil
            } catch {
                return "could not re-read the overview to check the next item: " + ErrorExcerpt.text(error)
            }
        }
    }

    private func apply(_ item: PlanItem, seq: Int, plan: MovePlan, _ state: inout RunState) async -> ItemOutcome {
        let current = state.index?.binding(of: item.key) ?? .followsDefault
        if current.matches(item.to) { return .unchanged("already \(item.to)") }
        if !current.matches(item.from) { return .skipped("changed since the plan was made: now \(current), planned from \(item.from)") }
        record(.intent(batch: state.batch, kind: plan.kind.rawValue, seq: seq, item: item, context: context, url: url, at: Date()), &state)
        let outcome: ItemOutcome
        do {
            try await send(item)
            outcome = .ok("\(item.to)")
        } catch let error as ClusterError {
            outcome = await resolve(error, item, &state)
        } catch {
            outcome = .failed(ErrorExcerpt.text(error))
        }
        let word: JournalRecord.Outcome = switch outcome { case .ok: .ok; case .unknown: .unknown; default: .failed }
        record(.outcome(batch: state.batch, seq: seq, key: item.key, word, message: outcome.detail, at: Date()), &state)
        return outcome
    }

    private func send(_ item: PlanItem) async throws {
        switch item.to {
        case .explicit(let node, let mode): _ = try await writer.setAssignment(item.key, nodeName: node, mode: mode)
        case .followsDefault: _ = try await writer.deleteAssignment(item.key)
        }
    }

    /// A failed write: a refusal, a dead server (stop), or a lost reply (re-read).
    private func resolve(_ error: ClusterError, _ item: PlanItem, _ state: inout RunState) async -> ItemOutcome {
        switch error {
        case .outcomeUnknown(let why):
            guard let overview = try? await reader.overview() else {
                state.stop = "the reply to a write was lost and the server cannot be read: check before re-running"
                return .unknown("reply lost (\(TextSanitizer.excerpt(why, limit: 80))); re-reading failed")
            }
            state.index = BindingIndex(overview)
            state.readAt = Date()
            if state.index?.binding(of: item.key).matches(item.to) == true { return .ok("\(item.to) (reply lost, confirmed by re-reading)") }
            return .failed("reply lost; a re-read shows it was not applied")
        case .connectionRefused, .dnsFailure, .tls, .timedOut, .transport, .unauthorized, .forbidden, .rateLimited, .starting:
            state.stop = "the server cannot take writes now: " + TextSanitizer.excerpt(error.description, limit: 120)
            return .failed(TextSanitizer.excerpt(error.description, limit: 160))
        default:
            return .failed(TextSanitizer.excerpt(error.description, limit: 160))
        }
    }

    private func record(_ record: JournalRecord, _ state: inout RunState) {
        guard let journal else { return }
        do {
            try journal.append(record)
        } catch {
            if !state.journalWarned { journalProblem("journal: \(error); writes are not being recorded") }
            state.journalWarned = true
        }
    }
}
