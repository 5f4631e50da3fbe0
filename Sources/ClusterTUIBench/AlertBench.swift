import ClusterApp
import ClusterModel
import ClusterRuntime
import ClusterState
import Foundation

/// Issue 21's alert figures that need no terminal. `massFailure`: through
/// `update` with S2's real overview, every online node stops heartbeating
/// at once after 30 s of healthy 2 s polls; the polls go on (fresh data,
/// the same beats) for a minute, and what the engine asks the runtime to
/// do in that minute is counted: terminal notifications and hook runs.
/// `HookChurn`: alert hooks running (one process a second, as many as the
/// rate limit lets through) while the keystroke figure is measured.
enum AlertBench {
    static func massFailure(overview body: Data) throws -> (notifications: Int, hookRuns: Int, nodes: Int) {
        let live = try JSONDecoder().decode(Overview.self, from: body)
        var config = AppConfig(label: "s2")
        config.notify = .osc9
        config.onAlert = ["/bin/true"]
        let t0 = Date()
        var state = AppState(config: config, width: 120, height: 40, now: t0)
        let online = live.nodes.indices.filter { live.nodes[$0].status == .online }
        var notifications = 0, hookRuns = 0
        let death = t0.addingTimeInterval(30)
        for (i, t) in stride(from: 0.0, through: 90, by: 2).enumerated() {
            let now = t0.addingTimeInterval(t)
            var overview = live
            let beat = min(now, death).addingTimeInterval(-0.5)
            for n in online { overview.nodes[n].lastHeartbeatAt = beat }
            let fetched = Fetched(value: overview, digest: BodyDigest(value: UInt64(i + 1), length: 1), serverDate: now, byteCount: 1)
            for message in [Message.tick, .overviewFetched(.success(fetched), latency: 0.05)] {
                for effect in Update.update(&state, message, now: now) where now > death {
                    if case .notifyTerminal = effect { notifications += 1 }
                    if case .runHook = effect { hookRuns += 1 }
                }
            }
        }
        return (notifications, hookRuns, online.count)
    }
}

/// Alert hooks offered once a second to a real `HookRunner` (each a shell
/// reading its JSON and sleeping half a second) until `stop()`; the
/// runner's own limits (30 a minute, 16 waiting) decide how many run.
final class HookChurn: @unchecked Sendable {
    private let runner = HookRunner(report: { _ in })
    private let lock = NSLock()
    private var stopped = false
    /// Runs offered to the runner (its rate limit may drop some).
    private(set) var offered = 0

    func start() {
        Thread { [self] in
            let stdin = Data(#"{"cluster":"s2","kind":"node","severity":"warning","subject":"node-1","text":"late"}"#.utf8)
            while !lock.withLock({ stopped }) {
                runner.run(["/bin/sh", "-c", "cat >/dev/null; sleep 0.5", "hook", "warning", "node", "node-1"], stdin: stdin)
                lock.withLock { offered += 1 }
                Thread.sleep(forTimeInterval: 1)
            }
        }.start()
    }

    func stop() { lock.withLock { stopped = true } }
}
