import ClusterCore
import ClusterModel
import ClusterWrites
import Foundation
import Testing
import ClusterRuntime
import ClusterState

/// The effect runner against the embedded core (issue 19: it had no unit
/// tests): a form's write goes through the write engine and comes back as
/// one `writeFinished`; read-only holds no writer; a result from a
/// connection switched away from is dropped.
@Suite(.serialized) struct EffectRunnerTests {
    /// Waits (bounded) until the inbox holds a message `match` accepts.
    func wait(_ inbox: MessageInbox, for match: (Message) -> Bool) async throws -> Message? {
        var seen: [Message] = []
        for _ in 0..<200 {
            seen += inbox.drain()
            if let found = seen.first(where: match) { return found }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        return nil
    }

    func plan(_ key: EntityKey, from: PlanBinding, to node: String) -> MovePlan {
        .single(PlanItem(key: key, name: key.entityId, from: from, fromNode: "", to: .explicit(node: node, mode: .strict)), at: Date())
    }

    @Test func aFormsWriteRunsThroughTheEngineAndIsJournalled() async throws {
        let core = try await EmbeddedCluster.startDemo()
        let instance = try #require(try await core.makeReader().instances().instances.first { !$0.explicit })
        let node = try #require(try await core.makeReader().overview().nodes.first { $0.status == .online }?.name)
        let inbox = MessageInbox(wake: {})
        let link = LiveConnection(reader: core.makeReader(), writer: core.makeWriter())
        let dir = NSTemporaryDirectory() + "ctui-runner-\(UUID().uuidString)"
        let runner = EffectRunner(link: link, inbox: inbox, batches: BatchEffects(journal: WriteJournal(path: dir + "/journal.jsonl")))
        runner.start(.write(.rebind(formID: 7), plan(instance.key, from: .followsDefault, to: node)))
        let message = try await wait(inbox) { if case .writeFinished = $0 { true } else { false } }
        guard case .writeFinished(.rebind(7), .applied(.explicit(node, .strict), .reply))? = message else {
            Issue.record("\(String(describing: message))"); await core.shutdown(); return
        }
        let journal = try WriteJournal.read(path: dir + "/journal.jsonl")
        #expect(journal.records.map(\.record.event) == [.intent, .outcome])
        // The same write again: already there, nothing sent, nothing journalled.
        runner.start(.write(.rebind(formID: 8), plan(instance.key, from: .followsDefault, to: node)))
        let again = try await wait(inbox) { if case .writeFinished(.rebind(8), _) = $0 { true } else { false } }
        guard case .writeFinished(_, .unchanged)? = again else { Issue.record("\(String(describing: again))"); await core.shutdown(); return }
        #expect(try WriteJournal.read(path: dir + "/journal.jsonl").records.count == 2)
        await core.shutdown()
    }

    /// Read-only: the runner has no writer, so a write effect is answered "not applied" and nothing reaches the core.
    @Test func readOnlyHasNoWriter() async throws {
        let core = try await EmbeddedCluster.startDemo()
        let instance = try #require(try await core.makeReader().instances().instances.first { !$0.explicit })
        let inbox = MessageInbox(wake: {})
        let runner = EffectRunner(link: LiveConnection(reader: core.makeReader(), writer: nil), inbox: inbox)
        runner.start(.write(.reset(instance.key), plan(instance.key, from: .followsDefault, to: "anywhere")))
        let message = try await wait(inbox) { if case .writeFinished = $0 { true } else { false } }
        guard case .writeFinished(.reset(instance.key), .notApplied(let why, _, _))? = message else {
            Issue.record("\(String(describing: message))"); await core.shutdown(); return
        }
        #expect(why.contains("read-only"))
        #expect(try await core.makeReader().overview().assignments.allSatisfy { $0.key != instance.key })
        await core.shutdown()
    }

    /// A poll's answer is posted as `overviewFetched`.
    @Test func aPollIsAnsweredWithItsMessage() async throws {
        let core = try await EmbeddedCluster.startDemo()
        let inbox = MessageInbox(wake: {})
        let runner = EffectRunner(link: LiveConnection(reader: core.makeReader(), writer: nil), inbox: inbox)
        runner.start(.fetchOverview(previous: nil))
        let message = try await wait(inbox) { if case .overviewFetched = $0 { true } else { false } }
        guard case .overviewFetched(.success(let fetched), _)? = message else { Issue.record("\(String(describing: message))"); return }
        #expect(fetched.value?.nodes.isEmpty == false)
        await core.shutdown()
    }
}
