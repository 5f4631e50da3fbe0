import ClusterModel
import ClusterApp
import ClusterCLI
import ClusterGrid
import ClusterRuntime
import ClusterState
import ClusterTerminal
import ClusterViews
import Foundation

/// A handle on the dashboard's pure core for `clustertui-bench`: it
/// drives the real `AppState`, `Update.update` and `RootView.render` with
/// the same messages the UI loop would, without a terminal, so the
/// benchmark times exactly the code the product runs (BENCHMARKS.md). Not used
/// by the product itself.
struct DashboardBenchProbe: Sendable {
    var state: AppState

    init(width: Int = 120, height: Int = 40, now: Date = Date()) {
        var config = AppConfig(label: "bench")
        config.readOnly = true
        state = AppState(config: config, width: width, height: height, now: now)
    }

    /// Feeds an overview reply (as the runner would post it).
    mutating func overview(_ fetched: Fetched<Overview>, now: Date = Date()) {
        _ = Update.update(&state, .overviewFetched(.success(fetched), latency: 0.001), now: now)
    }

    /// Feeds an instance reply prepared off the UI thread (the product's path).
    mutating func instances(_ prepared: BenchPreparedInstances, now: Date = Date()) {
        _ = Update.update(&state, .instancesPrepared(.success(prepared.fetched), latency: 0.001), now: now)
        state.releaseRetiredInBackground()  // as DashboardLoop does after each batch
    }

    /// Waits until the lists replaced so far have been freed in the
    /// background, so that freeing does not overlap the next thing timed.
    func waitForBackgroundRelease() { RetiredLists.waitUntilReleased() }

    /// The clock moved on (ages tick).
    mutating func tick(now: Date = Date()) {
        _ = Update.update(&state, .tick, now: now)
    }

    /// One typed character (`/` opens the filter prompt).
    mutating func type(_ character: Character, now: Date = Date()) {
        _ = Update.update(&state, .key(.char(character)), now: now)
    }

    /// Backspace (in the filter prompt: shortens the query).
    mutating func backspace(now: Date = Date()) {
        _ = Update.update(&state, .key(.backspace), now: now)
    }

    /// The digest of the last instance list, for an "unchanged" poll.
    var instancesDigest: BodyDigest? { state.instancesPoll.digest }
    var overviewDigest: BodyDigest? { state.overviewPoll.digest }
    /// The instance list on screen.
    var shownInstances: [Instance] { state.snapshot?.instances ?? [] }
    /// Rows currently shown in the instances pane.
    var instanceRowCount: Int { state.derived.instanceRows.count }

    /// Draws the frame the terminal would get.
    func render() -> BenchFrame { BenchFrame(screen: RootView.render(state)) }
}

/// An instance reply decoded and prepared as the effect runner does it,
/// opaque to the benchmark.
struct BenchPreparedInstances: Sendable {
    let fetched: Fetched<PreparedInstances>

    /// Whether the fast base order equals the model's sort by name (a
    /// self-check the benchmark reports, on real data).
    static func baseOrderAgrees(_ instances: [Instance]) -> Bool {
        let empty = Overview(thisNodeName: "", defaultNodeName: "", nodes: [], assignments: [])
        let snap = ClusterSnapshot(overview: empty, instances: instances, instancesKnown: true, takenAt: Date())
        let model = snap.sortedInstanceIndices(
            Array(instances.indices), by: SortSpec(column: .name, ascending: true), risk: RiskContext(snapshot: snap, now: Date()))
        return model == PreparedInstances.baseOrder(instances)
    }

    /// The runner's off-thread work: text records and base sort order (one core),
    /// and the instance events against `previous` (the list the runner
    /// handed over before, as `EffectRunner` remembers it).
    static func prepare(_ fetched: Fetched<InstanceList>, after previous: [Instance]? = nil) -> BenchPreparedInstances {
        BenchPreparedInstances(fetched: PreparedInstances.prepared(fetched, after: previous))
    }

    /// The list it holds (what the runner remembers as "previous" next time).
    var instances: [Instance]? { fetched.value?.instances }
}

/// One rendered frame, for counting what changed between two frames.
struct BenchFrame: Sendable {
    let screen: Screen

    /// The frame as text, one line per row.
    var text: String { screen.text() }

    /// Cells whose character or style differ from `other` (all, if the sizes differ).
    func changedCells(from other: BenchFrame) -> Int {
        guard other.screen.width == screen.width, other.screen.height == screen.height else {
            return screen.width * screen.height
        }
        var changed = 0
        for (a, b) in zip(screen.cells, other.screen.cells) where a != b { changed += 1 }
        return changed
    }
}
