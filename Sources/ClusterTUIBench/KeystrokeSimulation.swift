import ClusterModel
import ClusterTUI
import Foundation

/// Keystroke-to-frame latency while polls are processed, S2: the UI loop of
/// `DashboardLoop` re-enacted on this thread (messages drained, `update`,
/// one render per batch) while a worker thread does what `EffectRunner`
/// does for each instance poll (digest, decode, prepare) and overview
/// replies arrive every 2 s. Keys arrive every 40 ms (25 keys/s, faster
/// than anyone types); a key's
/// latency is from its arrival to the end of the frame that shows it, so
/// time spent on a message the key had to wait behind counts.
enum KeystrokeSimulation {
    /// The typed text: narrowing keystrokes, then backspaces widening again.
    static let script: [Character?] = Array("node-1").map { Optional($0) } + Array(repeating: nil, count: 6)
        + Array("agent").map { Optional($0) } + Array(repeating: nil, count: 5)

    static func run(
        probe start: DashboardBenchProbe, overview: Data, instances: Data, polls: Int, keyInterval: Double = 0.040
    ) throws -> (latencies: [Double], overviewMs: [Double], instancesMs: [Double], keyMs: [Double]) {
        var probe = start
        probe.type("/")
        // Overview replies as a live cluster sends them: every node's heartbeat
        // moved on, each reply decoded on its own (no storage shared with the
        // last), the assignments unchanged.
        let replies: [Fetched<Overview>] = try (1...4).map { k in
            var ov = try JSONDecoder().decode(Overview.self, from: overview)
            ov.nodes = ov.nodes.map { n in
                var n = n
                n.lastHeartbeatAt = n.lastHeartbeatAt?.addingTimeInterval(Double(2 * k))
                return n
            }
            return Fetched(value: ov, digest: BodyDigest(value: UInt64(k), length: overview.count), serverDate: nil,
                           byteCount: overview.count)
        }
        var replyIndex = 0
        let inbox = Inbox()
        let shown = probe.shownInstances
        let worker = Thread {
            // Like EffectRunner: each list is diffed against the one handed over before.
            var previous: [Instance]? = shown
            for _ in 0..<polls {
                let dg = InProcess.digest(instances)
                guard let list = try? InstanceListDecoder.decode(instances) else { break }
                let prepared = BenchPreparedInstances.prepare(
                    Fetched(value: list, digest: dg, serverDate: nil, byteCount: instances.count), after: previous)
                previous = prepared.instances
                inbox.post(.instances(prepared))
            }
            inbox.finish()
        }
        worker.start()
        let t0 = Date()
        var nextKey = t0.addingTimeInterval(keyInterval)
        var nextOverview = t0.addingTimeInterval(2)
        var keyIndex = 0
        var latencies: [Double] = []
        var overviewMs: [Double] = [], instancesMs: [Double] = [], keyMs: [Double] = []
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
            for message in batch {
                let m0 = Date()
                switch message {
                case .instances(let p):
                    probe.instances(p)
                    instancesMs.append(Date().timeIntervalSince(m0) * 1000)
                case .overview:
                    probe.overview(replies[replyIndex % replies.count])
                    replyIndex += 1
                    overviewMs.append(Date().timeIntervalSince(m0) * 1000)
                }
            }
            for _ in pendingKeys {
                let k0 = Date()
                if let c = script[keyIndex % script.count] { probe.type(c) } else { probe.backspace() }
                keyMs.append(Date().timeIntervalSince(k0) * 1000)
                keyIndex += 1
            }
            _ = probe.render()
            let done = Date()
            for arrival in pendingKeys { latencies.append(done.timeIntervalSince(arrival) * 1000) }
        }
        return (latencies, overviewMs, instancesMs, keyMs)
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
