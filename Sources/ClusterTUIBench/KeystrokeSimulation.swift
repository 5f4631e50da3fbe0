import ClusterModel
import ClusterSupport
import ClusterApp
import ClusterCLI
import ClusterGrid
import ClusterRuntime
import ClusterState
import ClusterTerminal
import ClusterViews
import Foundation

/// Keystroke-to-frame latency while polls are processed, S2: the UI loop of
/// `DashboardLoop` re-enacted on this thread (keys and their frame first,
/// then the network messages of the same wake-up and their frame) while a
/// worker thread does what the reader and `EffectRunner` do for each
/// instance poll (digest; decode and prepare on the product's
/// `BackgroundLane`, back to back) and overview replies arrive every 2 s. Keys arrive every 40 ms (25 keys/s, faster
/// than anyone types); a key's
/// latency is from its arrival to the end of the frame that shows it, so
/// time spent on a message the key had to wait behind counts.
enum KeystrokeSimulation {
    /// The typed text: narrowing keystrokes, then backspaces widening again.
    static let script: [Character?] = Array("node-1").map { Optional($0) } + Array(repeating: nil, count: 6)
        + Array("agent").map { Optional($0) } + Array(repeating: nil, count: 5)

    /// Runs the script against `polls` instance polls; the figures are in milliseconds.
    static func run(
        probe start: DashboardBenchProbe, overview: Data, instances: Data, polls: Int, keyInterval: Double = 0.040,
        opener: Character = "/"
    ) throws -> (latencies: [Double], overviewMs: [Double], instancesMs: [Double], keyMs: [Double]) {
        var probe = start
        // `/` types into the filter prompt; `:` into the command palette (issue 24).
        probe.type(opener)
        let replies = try overviewReplies(overview)
        var replyIndex = 0
        let inbox = startWorker(after: probe.shownInstances, instances: instances, polls: polls)
        let t0 = Date()
        var nextKey = t0.addingTimeInterval(keyInterval)
        var nextOverview = t0.addingTimeInterval(2)
        var keys = KeyTally()
        var overviewMs: [Double] = [], instancesMs: [Double] = []
        var lastIteration = "nothing"
        while true {
            var pendingKeys: [Date] = []
            let now = Date()
            var batch = inbox.drain()
            if now >= nextOverview {
                batch.append(.overview)
                nextOverview = nextOverview.addingTimeInterval(2)
            }
            while nextKey <= now {
                pendingKeys.append(nextKey)
                nextKey = nextKey.addingTimeInterval(keyInterval)
            }
            if batch.isEmpty && pendingKeys.isEmpty {
                if inbox.isFinished { break }
                usleep(200)
                continue
            }
            // As DashboardLoop: keys first and their frame out, then the
            // network results of the same wake-up, then a frame for those.
            typeKeys(pendingKeys, probe: &probe, tally: &keys, after: lastIteration)
            lastIteration = takeIn(batch, probe: &probe, replies: replies, replyIndex: &replyIndex,
                                   overviewMs: &overviewMs, instancesMs: &instancesMs)
        }
        if ProcessInfo.processInfo.environment["CLUSTERTUI_BENCH_TRACE"] != nil {
            printTrace(keys.trace, overviewMs: overviewMs)
        }
        return (keys.latencies, overviewMs, instancesMs, keys.keyMs)
    }

    /// What the simulation measured of the keys: each key's latency, the
    /// time `update` took for it, and a trace line per frame.
    struct KeyTally {
        var typed = 0
        var latencies: [Double] = []
        var keyMs: [Double] = []
        var trace: [(ms: Double, what: String)] = []
    }

    /// Types the keys that arrived since the last wake-up and draws their
    /// frame; each key's latency runs from its arrival to that frame's end.
    static func typeKeys(_ pendingKeys: [Date], probe: inout DashboardBenchProbe, tally: inout KeyTally, after lastIteration: String) {
        guard let oldest = pendingKeys.first else { return }
        let i0 = Date()
        var parts: [String] = []
        for _ in pendingKeys {
            let k0 = Date()
            if let c = script[tally.typed % script.count] { probe.type(c) } else { probe.backspace() }
            tally.keyMs.append(Date().timeIntervalSince(k0) * 1000)
            parts.append(String(format: "key %.1f", tally.keyMs.last!))
            tally.typed += 1
        }
        let r0 = Date()
        _ = probe.render()
        let done = Date()
        for arrival in pendingKeys { tally.latencies.append(done.timeIntervalSince(arrival) * 1000) }
        parts.append(String(format: "render %.1f", done.timeIntervalSince(r0) * 1000))
        tally.trace.append((done.timeIntervalSince(oldest) * 1000,
                            String(format: "waited %.1f before the loop saw it (%@); ",
                                   i0.timeIntervalSince(oldest) * 1000, lastIteration) + parts.joined(separator: ", ")))
    }

    /// Takes in one wake-up's network messages as `update` would and draws
    /// their frame; returns what it did, for the trace.
    static func takeIn(
        _ batch: [Work], probe: inout DashboardBenchProbe, replies: [Fetched<Overview>], replyIndex: inout Int,
        overviewMs: inout [Double], instancesMs: inout [Double]
    ) -> String {
        var work: [String] = []
        for message in batch {
            let m0 = Date()
            switch message {
            case .instances(let p):
                probe.instances(p)
                instancesMs.append(Date().timeIntervalSince(m0) * 1000)
                work.append(String(format: "list %.1f", instancesMs.last!))
            case .overview:
                probe.overview(replies[replyIndex % replies.count])
                replyIndex += 1
                overviewMs.append(Date().timeIntervalSince(m0) * 1000)
                work.append(String(format: "overview %.1f", overviewMs.last!))
            }
        }
        if !batch.isEmpty {
            let r0 = Date()
            _ = probe.render()
            work.append(String(format: "render %.1f", Date().timeIntervalSince(r0) * 1000))
        }
        return work.isEmpty ? "keys only" : work.joined(separator: ", ")
    }

    /// Overview replies as a live cluster sends them: every node's heartbeat
    /// moved on, each reply decoded on its own (no storage shared with the
    /// last), the assignments unchanged.
    static func overviewReplies(_ overview: Data) throws -> [Fetched<Overview>] {
        try (1...4).map { k in
            var ov = try JSONDecoder().decode(Overview.self, from: overview)
            ov.nodes = ov.nodes.map { n in
                var n = n
                n.lastHeartbeatAt = n.lastHeartbeatAt?.addingTimeInterval(Double(2 * k))
                return n
            }
            return Fetched(value: ov, digest: BodyDigest(value: UInt64(k), length: overview.count), serverDate: nil,
                           byteCount: overview.count)
        }
    }

    /// The worker: like HTTPClusterReader and EffectRunner, the digest on the
    /// requesting thread, decode and prepare on the product's low-priority
    /// lane, each list diffed against the one handed over before; `polls`
    /// lists back to back, posted to the returned inbox.
    static func startWorker(after shown: [Instance], instances: Data, polls: Int) -> Inbox {
        let inbox = Inbox()
        let worker = Thread {
            var previous: [Instance]? = shown
            for _ in 0..<polls {
                let dg = InProcess.digest(instances)
                let base = previous
                let prepared = BackgroundLane.shared.sync { () -> BenchPreparedInstances? in
                    guard let list = try? InstanceListDecoder.decode(instances) else { return nil }
                    return BenchPreparedInstances.prepare(
                        Fetched(value: list, digest: dg, serverDate: nil, byteCount: instances.count), after: base)
                }
                guard let prepared else { break }
                previous = prepared.instances
                inbox.post(.instances(prepared))
            }
            inbox.finish()
        }
        worker.start()
        return inbox
    }

    /// `CLUSTERTUI_BENCH_TRACE=1`: the slowest frames that showed a key and
    /// what the loop did in them, then every overview reply's time.
    static func printTrace(_ trace: [(ms: Double, what: String)], overviewMs: [Double]) {
        for t in trace.sorted(by: { $0.ms > $1.ms }).prefix(8) {
            FileHandle.standardError.write(Data(String(format: "  %.1f ms: %@\n", t.ms, t.what).utf8))
        }
        let all = overviewMs.map { String(format: "%.1f", $0) }.joined(separator: " ")
        FileHandle.standardError.write(Data("  overview replies (ms, in order): \(all)\n".utf8))
    }

    enum Work: Sendable {
        case instances(BenchPreparedInstances)
        case overview
    }

    /// The worker-to-UI mailbox of the simulation.
    final class Inbox: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Work] = []
        private var finished = false
        func post(_ w: Work) { lock.lock(); items.append(w); lock.unlock() }
        func finish() { lock.lock(); finished = true; lock.unlock() }
        var isFinished: Bool { lock.lock(); defer { lock.unlock() }; return finished && items.isEmpty }
        func drain() -> [Work] { lock.lock(); defer { lock.unlock() }; let out = items; items = []; return out }
    }
}
