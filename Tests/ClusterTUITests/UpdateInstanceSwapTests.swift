import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState

/// Swapping in a new instance list: events found off the UI thread equal
/// the ones `update` would find itself, and the old list is handed over to
/// be freed elsewhere.
@Suite struct UpdateInstanceSwapTests {
    let now = TestCluster.now

    /// The list on screen with one row removed and one added.
    static func changed(_ list: [Instance]) -> [Instance] {
        var out = Array(list.dropFirst())
        out.append(Instance(entityType: .ocr, entityId: "t1:ocr_new", name: "New OCR", nodeName: "main-1"))
        return out
    }

    static func prepared(_ list: [Instance], after previous: [Instance]?) -> Result<Fetched<PreparedInstances>, ClusterError> {
        .success(PreparedInstances.prepared(TestCluster.fetched(InstanceList(instances: list), digest: 9), after: previous))
    }

    static func instanceEventTexts(_ state: AppState) -> [String] {
        state.events.filter { $0.kind == .instanceAdded || $0.kind == .instanceRemoved }.map(\.message)
    }

    @Test func eventsFoundByTheRunnerEqualTheOnesUpdateFinds() throws {
        var viaRunner = TestCluster.loadedState()
        var inline = TestCluster.loadedState()
        let shown = try #require(viaRunner.snapshot?.instances)
        let next = Self.changed(shown)
        let ran = Self.prepared(next, after: shown)
        #expect(try ran.get().value?.instanceEvents?.count == 2, "the runner found them")
        _ = Update.update(&viaRunner, .instancesPrepared(ran, latency: 0.01), now: now)
        _ = Update.update(&inline, .instancesPrepared(Self.prepared(next, after: nil), latency: 0.01), now: now)
        #expect(Self.instanceEventTexts(viaRunner).count == 2)
        #expect(Self.instanceEventTexts(viaRunner) == Self.instanceEventTexts(inline))
        #expect(viaRunner.events.map(\.time) == inline.events.map(\.time))
        #expect(viaRunner.derived.prepared?.diffBase == nil, "the old list is not kept alive by the new one")
    }

    /// The runner diffed against a list that is no longer on screen (an
    /// equal copy, other storage): `update` does not trust those events.
    @Test func eventsAgainstAnotherListAreNotTrusted() throws {
        var state = TestCluster.loadedState()
        let shown = try #require(state.snapshot?.instances)
        let stale = Array(shown.prefix(1))   // what the runner wrongly believed was shown
        _ = Update.update(&state, .instancesPrepared(Self.prepared(Self.changed(shown), after: stale), latency: 0.01), now: now)
        #expect(Self.instanceEventTexts(state).count == 2)
        #expect(Self.instanceEventTexts(state).contains { $0.contains("New OCR added") })
    }

    @Test func replacedListsAreRetiredThenReleased() throws {
        var state = TestCluster.loadedState()
        let shown = try #require(state.snapshot?.instances)
        state.releaseRetiredInBackground()  // what loading the state retired
        #expect(state.retired.isEmpty)
        _ = Update.update(&state, .instancesPrepared(Self.prepared(Self.changed(shown), after: shown), latency: 0.01), now: now)
        #expect(!state.retired.isEmpty)
        state.releaseRetiredInBackground()
        #expect(state.retired.isEmpty)
        #expect(state.snapshot?.instances.count == shown.count)
    }
}
