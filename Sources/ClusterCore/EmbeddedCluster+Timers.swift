import ClusterModel
import Foundation

/// The background timers: this node's heartbeat, the stale-node sweep and
/// the demo simulator. Each is a `Task` cancelled by `shutdown()`; a failed
/// round (a locked database) is retried at the next tick.
extension EmbeddedCluster {
    func startTimers() {
        var tasks: [Task<Void, Never>] = []
        tasks.append(repeating(every: options.heartbeat) { cluster in try await cluster.heartbeatNow() })
        tasks.append(repeating(every: options.effectiveSweepInterval) { cluster in try await cluster.sweepNow() })
        if let demo = options.demo {
            let simulator = DemoSimulator(cluster: self, options: demo)
            tasks.append(repeating(every: demo.tick) { _ in try await simulator.step() })
        }
        state.withLock { $0.tasks.append(contentsOf: tasks) }
    }

    private func repeating(
        every seconds: TimeInterval, _ body: @escaping @Sendable (EmbeddedCluster) async throws -> Void
    ) -> Task<Void, Never> {
        let interval = max(seconds, 0.05)
        return Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
                guard !Task.isCancelled, let self else { return }
                try? await body(self)
            }
        }
    }
}
