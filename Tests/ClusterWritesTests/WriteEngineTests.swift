import ClusterModel
import ClusterWrites
import Foundation
import Testing

/// The one write engine (issues 19 and 20) against a scripted cluster:
/// what landed is reported applied, what did not is "not applied", and
/// what cannot be known is "unknown" — never "failed" for a stored write.
@Suite struct WriteEngineTests {
    let key = EntityKey(EntityType("agent"), "t1:a")
    let other = EntityKey(EntityType("agent"), "t1:b")
    let cluster = ScriptedCluster()
    let dir = TemporaryDirectory()

    var journalPath: String { dir.path + "/journal.jsonl" }

    func engine(_ policy: JournalPolicy? = nil, unknowns: UnknownWrites? = nil) -> WriteEngine {
        WriteEngine(reader: cluster, writer: cluster, journal: policy ?? .required(WriteJournal(path: journalPath)),
                    target: ClusterIdentity(context: "prod", url: "http://127.0.0.1:1"), recheckAfter: 0, unknowns: unknowns)
    }

    func move(_ key: EntityKey, from: PlanBinding = .followsDefault, to node: String = "node-b") -> PlanItem {
        PlanItem(key: key, name: key.entityId, from: from, fromNode: "node-a", to: .explicit(node: node, mode: .strict))
    }

    func run(_ items: PlanItem..., policy: JournalPolicy? = nil, unknowns: UnknownWrites? = nil) async -> BatchSummary {
        let plan = MovePlan(id: "p", kind: .rebind, summary: "test", createdAt: Date(), items: items)
        return await engine(policy, unknowns: unknowns).run(plan)
    }

    func journal() throws -> [JournalEntry] {
        JournalEntries.entries(try WriteJournal.read(path: journalPath).records)
    }

    @Test func appliedByTheReplyIsJournalledOK() async throws {
        let summary = await run(move(key))
        #expect(summary.outcomes == [.applied(.explicit(node: "node-b", mode: .strict), .reply)])
        #expect(try journal().map(\.outcome) == [.ok])
    }

    /// Issue 20: the core committed and then answered 500/503 (JSON or HTML): reported failed, not undoable.
    @Test(arguments: [
        ClusterError.server(status: 500, message: "audit write failed"),
        ClusterError.starting("restarting"),
        ClusterError.notJSON(status: 500, excerpt: "<html>Internal Server Error</html>"),
        ClusterError.notJSON(status: 503, excerpt: "<html>Service Unavailable</html>"),
        ClusterError.outcomeUnknown("connection reset by peer"),
        ClusterError.replyTimedOut("took longer than 2 s"),
    ])
    func aWriteStoredThenAnsweredBadlyIsConfirmedByRereading(_ error: ClusterError) async throws {
        cluster.script(.applyThen(error))
        let summary = await run(move(key))
        #expect(summary.outcomes == [.applied(.explicit(node: "node-b", mode: .strict), .reread)])
        let entries = try journal()
        #expect(entries.map(\.outcome) == [.ok])
        #expect(JournalEntries.undoable(JournalEntries.batches(entries)[0]).map(\.key) == [key], "undo sees it")
    }

    /// A 5xx or a lost reply to a write that was not stored: not applied, safe to retry.
    @Test func aWriteDroppedWithA500IsNotApplied() async throws {
        cluster.script(.dropWith(.server(status: 500, message: "Node \"node-b\" not found in cluster registry")))
        let summary = await run(move(key))
        guard case .notApplied(let why, let may, let cause) = summary.outcomes[0] else { Issue.record("\(summary)"); return }
        #expect(why.contains("a re-read shows it was not applied (safe to retry)"))
        #expect(!may)
        #expect(cause?.exitCode == .unreachable)
        #expect(try journal().map(\.outcome) == [.notApplied])
    }

    /// A time-out whose re-read shows the old binding may still land: undo keeps it.
    @Test func aTimedOutWriteShownNotAppliedMayStillLand() async throws {
        cluster.script(.dropWith(.replyTimedOut("took longer than 2 s")))
        let summary = await run(move(key))
        guard case .notApplied(let why, true, _) = summary.outcomes[0] else { Issue.record("\(summary)"); return }
        #expect(why.contains("may still be applied"))
        let batch = try #require(JournalEntries.batches(try journal()).first)
        #expect(JournalEntries.undoable(batch).map(\.key) == [key])
    }

    /// A 4xx is a refusal: not applied, and the batch goes on to the next item.
    @Test func aRefusalIsNotAppliedAndTheBatchGoesOn() async throws {
        cluster.script(.dropWith(.badRequest("nodeName is required")), .answer)
        let summary = await run(move(key), move(other))
        #expect(summary.outcomes[0] == .notApplied("rejected by server (400): nodeName is required", mayStillLand: false,
                                                   cause: .badRequest("nodeName is required")))
        #expect(summary.outcomes[1].isApplied)
        #expect(summary.stoppedBecause == nil)
    }

    /// A server that is gone stops the batch: the rest are not attempted.
    @Test func aRefusedConnectionStopsTheBatch() async throws {
        cluster.script(.dropWith(.connectionRefused("127.0.0.1:1")))
        let summary = await run(move(key), move(other))
        #expect(summary.outcomes[0].kind == .notApplied)
        #expect(summary.outcomes[1] == .notAttempted)
        #expect(summary.stoppedBecause?.contains("cannot take writes") == true)
    }

    /// Sent, the reply lost and the re-read failing: unknown, the batch stops,
    /// and a later read settles it in the journal (issue 20).
    @Test func anUnknownOutcomeIsSettledByALaterRead() async throws {
        cluster.script(.applyThen(.outcomeUnknown("connection reset by peer")))
        cluster.readsFailAfterWrites = 1
        let unknowns = UnknownWrites()
        let summary = await run(move(key), move(other), unknowns: unknowns)
        guard case .unknown = summary.outcomes[0] else { Issue.record("\(summary)"); return }
        #expect(summary.outcomes[1] == .notAttempted)
        #expect(try journal().map(\.outcome) == [.unknown])
        cluster.readsFailAfterWrites = nil
        let settled = unknowns.settle(try await cluster.overview(), journal: WriteJournal(path: journalPath))
        #expect(settled.count == 1)
        let entry = try #require(try journal().first)
        #expect(entry.outcome == .ok)
        #expect(entry.message?.hasPrefix("settled at ") == true)
        #expect(unknowns.isEmpty)
    }

    /// Someone changed the binding since the plan: skipped, nothing sent, nothing journalled.
    @Test func changedMeanwhileIsNeverOverwritten() async throws {
        cluster.seed(key, node: "node-c")
        let summary = await run(move(key))
        guard case .changedMeanwhile(let planned, let now, let row) = summary.outcomes[0] else { Issue.record("\(summary)"); return }
        #expect(planned == .followsDefault)
        #expect(now == .explicit(node: "node-c", mode: .strict))
        #expect(row?.nodeName == "node-c")
        #expect(cluster.writeCount == 0)
        #expect(try journal().isEmpty)
    }

    /// Issue 20: an entity that no longer exists read "changed since the plan"; now it says it is gone.
    @Test func aVanishedEntityIsReportedAsGoneNotChanged() async throws {
        cluster.entities = [other]
        let summary = await run(move(key, from: .explicit(node: "node-c", mode: .strict)))
        #expect(summary.outcomes == [.vanished(planned: .explicit(node: "node-c", mode: .strict))])
        #expect(summary.outcomes[0].detail.hasPrefix("no longer exists"))
        #expect(cluster.writeCount == 0)
        #expect(try journal().isEmpty)
    }

    /// A reset by someone else, of an entity that still exists, stays "changed meanwhile".
    @Test func aResetBySomeoneElseIsStillAChange() async throws {
        cluster.entities = [key]
        let summary = await run(move(key, from: .explicit(node: "node-c", mode: .strict)))
        guard case .changedMeanwhile(_, let now, _) = summary.outcomes[0] else { Issue.record("\(summary)"); return }
        #expect(now == .followsDefault)
    }

    @Test func alreadyThereIsUnchangedAndNotSent() async throws {
        cluster.seed(key, node: "node-b")
        let summary = await run(move(key, from: .followsDefault))
        #expect(summary.outcomes == [.unchanged(.explicit(node: "node-b", mode: .strict))])
        #expect(cluster.writeCount == 0)
    }

    /// Issue 19: `removed: false` is journalled as "nothing to remove", not a plain ok.
    @Test func aResetThatRemovedNothingSaysSo() async throws {
        let reset = PlanItem(key: key, name: "a", from: .explicit(node: "node-b", mode: .strict), fromNode: "node-b", to: .followsDefault)
        let fresh = ScriptedCluster()
        fresh.seed(key, node: "node-b")
        // The row vanishes between the precondition read and the DELETE: removed false.
        final class Vanishing: ClusterWriting, @unchecked Sendable {
            let base: ScriptedCluster
            init(_ base: ScriptedCluster) { self.base = base }
            func setAssignment(_ key: EntityKey, nodeName: String, mode: AssignmentMode?) async throws -> Assignment {
                try await base.setAssignment(key, nodeName: nodeName, mode: mode)
            }
            func deleteAssignment(_ key: EntityKey) async throws -> Bool {
                _ = try await base.deleteAssignment(key)
                return try await base.deleteAssignment(key)
            }
        }
        let engine = WriteEngine(reader: fresh, writer: Vanishing(fresh), journal: .required(WriteJournal(path: journalPath)),
                                 target: ClusterIdentity(context: nil, url: "u"), recheckAfter: 0)
        let summary = await engine.run(.single(reset, at: Date()))
        #expect(summary.outcomes == [.applied(.followsDefault, .nothingToRemove)])
        #expect(try journal().first?.message == "nothing to remove")
    }

    /// Issue 20: when the journal cannot be written, nothing is sent.
    @Test func anUnwritableJournalSendsNothing() async throws {
        let blocker = dir.path + "/not-a-dir"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let summary = await run(move(key), move(other), policy: .required(WriteJournal(path: blocker + "/journal.jsonl")))
        guard case .notApplied(let why, false, nil) = summary.outcomes[0] else { Issue.record("\(summary)"); return }
        #expect(why.contains("--no-journal"))
        #expect(summary.outcomes[1] == .notAttempted)
        #expect(cluster.writeCount == 0)
    }

    /// `--no-journal` sends without a record.
    @Test func noJournalSendsAnyway() async throws {
        let summary = await run(move(key), policy: .off)
        #expect(summary.outcomes[0].isApplied)
        #expect(cluster.writeCount == 1)
    }
}

/// A fresh directory under the system's temporary one, removed at deinit.
final class TemporaryDirectory: @unchecked Sendable {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "clustertui-writes-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
