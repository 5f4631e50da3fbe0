import ClusterApp
import ClusterHistory
import ClusterModel
import ClusterState
import Foundation

/// Issue 22's figures: the history store's size after simulated days, the
/// recorder's cost on the UI thread and on its own lane, and a store of
/// seven days for the first-frame run. The window and the store are the
/// product's own; only the clock is simulated.
enum HistoryBench {
    /// A healthy S2 cluster recorded for 24 simulated hours (a poll every
    /// 10 s: the store's size does not grow with the poll count, each poll
    /// updates one span row): the file's size in MB.
    static func diskAfterADay(overview: Overview) throws -> Double {
        let dir = NSTemporaryDirectory() + "clustertui-bench-history-\(getpid())-day"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: dir + "/s2.sqlite")
        var window = HistoryWindow(keep: 600)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for step in 0..<(86_400 / 10) {
            let at = start.addingTimeInterval(Double(step) * 10)
            try store.persist(window.apply(sample(overview, at: at, pollEvery: 10)))
        }
        try store.checkpoint()
        return Double(try fileSize(dir + "/s2.sqlite")) / 1_048_576
    }

    /// Bytes one flapping node (a restart every `every` seconds) adds to a
    /// day of a 10-node cluster polled every 5 s, in KB.
    static func flappingNodePerDay(every: TimeInterval) throws -> Double {
        let quiet = try tenNodeDay(flapEvery: nil)
        let flapping = try tenNodeDay(flapEvery: every)
        return Double(flapping - quiet) / 1024
    }

    private static func tenNodeDay(flapEvery: TimeInterval?) throws -> Int {
        let dir = NSTemporaryDirectory() + "clustertui-bench-history-\(getpid())-\(flapEvery.map { "\(Int($0))" } ?? "quiet")"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: dir + "/ten.sqlite")
        var window = HistoryWindow(keep: 600)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for step in 0..<(86_400 / 5) {
            let t = Double(step) * 5
            let at = start.addingTimeInterval(t)
            let nodes = (0..<10).map { i in
                let pid = i == 0 ? flapEvery.map { 1000 + Int(t / $0) } ?? 1000 : 2000 + i
                return Node(name: "node-\(i)", status: .online, lastHeartbeatAt: at, startedAt: start, version: "1.0", pid: pid)
            }
            let overview = Overview(thisNodeName: "node-1", defaultNodeName: "node-1", nodes: nodes, assignments: [])
            try store.persist(window.apply(sample(overview, at: at, pollEvery: 5)))
        }
        try store.checkpoint()
        return try fileSize(dir + "/ten.sqlite")
    }

    /// One poll as the dashboard hands it over: every node healthy.
    static func sample(_ overview: Overview, at: Date, pollEvery: TimeInterval) -> HistorySample {
        var health: [String: HeartbeatHealth] = [:]
        for node in overview.nodes { health[node.name] = .ok }
        var nodes = overview.nodes
        for i in nodes.indices { nodes[i].lastHeartbeatAt = at.addingTimeInterval(-Double(i % 10)) }
        return HistorySample(at: at, pollEvery: pollEvery, nodes: nodes, health: health,
                             assignments: overview.assignments, bindingGeneration: 1)
    }

    /// What the UI thread spends handing an S2 poll to the recorder (ms, median).
    static func uiThreadCost(_ state: AppState, runs: Int) -> Double {
        var state = state
        state.config.recordsHistory = true
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            let effects = HistoryFlow.record(state)
            times.append(InProcess.ms(clock.now - start))
            precondition(effects.count == 1)
        }
        return InProcess.median(times)
    }

    /// What the recorder's lane spends on one S2 poll: fold, write, digest (ms, median).
    static func laneCost(overview: Overview, runs: Int) throws -> Double {
        let dir = NSTemporaryDirectory() + "clustertui-bench-history-\(getpid())-lane"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: dir + "/s2.sqlite")
        var window = HistoryWindow()
        let start = Date()
        try store.persist(window.apply(sample(overview, at: start, pollEvery: 2)))
        let clock = ContinuousClock()
        var times: [Double] = []
        for step in 1...runs {
            let at = start.addingTimeInterval(Double(step) * 2)
            let began = clock.now
            try store.persist(window.apply(sample(overview, at: at, pollEvery: 2)))
            _ = window.digest(now: at)
            times.append(InProcess.ms(clock.now - began))
        }
        return InProcess.median(times)
    }

    /// Seven days of a 50-node cluster at `url`, one poll a minute, a restart
    /// every ten minutes on one node, kept where a dashboard with `HOME=home` looks.
    static func sevenDays(url: String, home: String, overview: Overview) throws {
        let directory = home + "/.local/state/clustertui/history"
        let store = try HistoryStore(path: HistoryStore.path(for: url, in: directory))
        var window = HistoryWindow(keep: 600)
        let end = Date()
        let start = end.addingTimeInterval(-7 * 86_400)
        for minute in 0..<(7 * 1440) {
            let at = start.addingTimeInterval(Double(minute) * 60)
            var shifted = overview
            if !shifted.nodes.isEmpty { shifted.nodes[0].pid = 1 + minute / 10 }
            try store.persist(window.apply(sample(shifted, at: at, pollEvery: 60)))
        }
        try store.checkpoint()
    }

    static func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
