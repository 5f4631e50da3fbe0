import ClusterModel
import ClusterTestSupport
import Foundation

/// Time to show a dead node (issue 14): a real cluster of `serve` processes
/// on one database, every node heartbeating every `period` seconds; the
/// real `clustertui` in a terminal (tmux, 120×40) polls the survivor with
/// its defaults. Once the dashboard has seen every victim beat a few times,
/// the victims are killed with SIGKILL one after another at random phases.
/// A victim's figure runs from its last heartbeat (`lastHeartbeatAt` on the
/// server after the kill) to the first screen that shows its row late (or
/// worse), read with `capture-pane` every 50 ms, and (issue 21) to the
/// start of the alert hook (`--on-alert`) that names it.
struct DeadNodeBench {
    let binary: String
    let period: TimeInterval
    let victims: Int
    let directory: String
    let log: (String) -> Void

    /// Seconds from each victim's last heartbeat to the frame showing it late, and to its hook's start.
    func run() throws -> (frames: [Double], hooks: [Double]) {
        let dir = directory + "/dead-\(Int(period))s"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let db = dir + "/cluster.db", tokenFile = dir + "/token"
        let common = ["--port", "0", "--db", db, "--heartbeat", String(period), "--offline-after", "30", "--token-file", tokenFile]
        let survivor = try ServeProcess(serveArguments: common + ["--node-name", "alive-\(Int(period))s"], tokenFile: tokenFile)
        let (hook, hookLog) = try Self.hookScript(in: dir)
        defer { survivor.kill(signal: SIGKILL) }
        let names = (1...victims).map { "dead-\(Int(period))s-\($0)" }
        let nodes = try names.map { try ServeProcess(serveArguments: common + ["--node-name", $0]) }
        defer { for n in nodes { n.kill(signal: SIGKILL) } }
        let session = try TmuxSession(
            name: "bench-dead-\(Int(period))-\(getpid())", width: 120, height: 40,
            command: [binary, "--url", survivor.url.absoluteString, "--token-file", tokenFile, "--on-alert", hook],
            environment: ["HOME": dir])
        defer { session.kill() }
        _ = try session.waitUntil(timeout: 30) { screen in names.allSatisfy { screen.contains($0 + " ") } }
        // Four periods and a poll: every victim's period is learned (three steps).
        Thread.sleep(forTimeInterval: 4 * period + 2)
        var killedAt: [Date] = []
        for (i, node) in nodes.enumerated() {
            if i > 0 { Thread.sleep(forTimeInterval: Double.random(in: 0.3...max(0.4, period * 0.7))) }
            node.kill(signal: SIGKILL)
            killedAt.append(Date())
        }
        let lastBeats = try lastHeartbeats(of: names, survivor: survivor)
        var shown: [String: Date] = [:]
        let deadline = Date().addingTimeInterval(60)
        while shown.count < names.count, Date() < deadline {
            let screen = session.capture()
            let now = Date()
            for name in names where shown[name] == nil && Self.showsLate(screen, name) { shown[name] = now }
            usleep(50_000)
        }
        let frames = names.compactMap { name -> Double? in
            guard let seen = shown[name], let beat = lastBeats[name] else {
                log("dead node \(name): not shown late within 60 s")
                return nil
            }
            return seen.timeIntervalSince(beat)
        }
        return (frames, hookFigures(names, lastBeats: lastBeats, log: hookLog, until: deadline.addingTimeInterval(10)))
    }

    /// Seconds from each victim's last heartbeat to the start of the hook that named it.
    private func hookFigures(_ names: [String], lastBeats: [String: Date], log hookLog: String, until: Date) -> [Double] {
        var started = Self.hookStarts(hookLog)
        while names.contains(where: { started[$0] == nil }), Date() < until {
            usleep(100_000)
            started = Self.hookStarts(hookLog)
        }
        return names.compactMap { name -> Double? in
            guard let start = started[name], let beat = lastBeats[name] else {
                log("dead node \(name): no alert hook ran for it")
                return nil
            }
            return start.timeIntervalSince(beat)
        }
    }

    /// A hook that appends its start time and its stdin (one JSON line) to a log.
    static func hookScript(in dir: String) throws -> (script: String, log: String) {
        let script = dir + "/hook.sh", log = dir + "/hook.log"
        try "#!/bin/sh\n{ printf '%s ' \"$(date +%s.%N)\"; cat; } >> '\(log)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return (script, log)
    }

    /// When the hook first started for each node it named (fired alerts only).
    static func hookStarts(_ log: String) -> [String: Date] {
        var starts: [String: Date] = [:]
        for line in ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n") {
            guard let space = line.firstIndex(of: " "), let time = Double(line[..<space]),
                  let object = try? JSONSerialization.jsonObject(with: Data(line[line.index(after: space)...].utf8)) as? [String: Any],
                  object["state"] as? String == "fired", let subjects = object["subjects"] as? [String] else { continue }
            for subject in subjects where starts[subject] == nil { starts[subject] = Date(timeIntervalSince1970: time) }
        }
        return starts
    }

    /// The victims' `lastHeartbeatAt` as the survivor reports it once they are dead.
    private func lastHeartbeats(of names: [String], survivor: ServeProcess) throws -> [String: Date] {
        Thread.sleep(forTimeInterval: 0.3)
        let overview = try blocking { try await survivor.withClient { try await $0.reader.overview() } }
        var beats: [String: Date] = [:]
        for node in overview.nodes where names.contains(node.name) { beats[node.name] = node.lastHeartbeatAt }
        return beats
    }

    /// Whether the node row of `name` (still `online` in the registry) shows
    /// the late, silent or offline glyph.
    static func showsLate(_ screen: String, _ name: String) -> Bool {
        screen.split(separator: "\n").contains { line in
            line.contains(name + " ") && (line.contains("◐") || line.contains("○") || line.contains("✕"))
        }
    }

    /// The three periods at once (each its own cluster and dashboard), so
    /// the run takes as long as the 10 s case alone.
    static func both(
        binary: String, directory: String, quick: Bool, log: @escaping @Sendable (String) -> Void
    ) -> [TimeInterval: (frames: [Double], hooks: [Double])] {
        let results = DeadNodeResults()
        let group = DispatchGroup()
        for (period, victims) in [(1.0, quick ? 2 : 4), (2.0, quick ? 3 : 5), (10.0, quick ? 1 : 3)] {
            group.enter()
            Thread {
                let bench = DeadNodeBench(binary: binary, period: period, victims: victims, directory: directory, log: log)
                do { results.set(period, try bench.run()) } catch { log("dead node, \(Int(period)) s: \(error)") }
                group.leave()
            }.start()
        }
        group.wait()
        return results.all
    }
}

/// The per-period results of the runs, written from their threads.
private final class DeadNodeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [TimeInterval: (frames: [Double], hooks: [Double])] = [:]
    func set(_ period: TimeInterval, _ v: (frames: [Double], hooks: [Double])) { lock.lock(); values[period] = v; lock.unlock() }
    var all: [TimeInterval: (frames: [Double], hooks: [Double])] { lock.lock(); defer { lock.unlock() }; return values }
}

/// The dead-node runs on a thread of their own while the bench goes on
/// with untimed set-up; `finish` waits for them and records the figures.
final class DeadNodePhase: @unchecked Sendable {
    private var results: [TimeInterval: (frames: [Double], hooks: [Double])] = [:]
    private let done = DispatchSemaphore(value: 0)
    private let enabled: Bool

    init(enabled: Bool, binary: String, directory: String, quick: Bool, log: @escaping @Sendable (String) -> Void) {
        self.enabled = enabled && TmuxSession.isAvailable
        guard self.enabled else {
            if enabled { log("dead node: tmux is not installed; figures skipped") }
            return
        }
        log("dead node: clusters heartbeating every 1, 2 and 10 s, victims killed, in the background …")
        Thread { [self] in
            results = DeadNodeBench.both(binary: binary, directory: directory, quick: quick, log: log)
            done.signal()
        }.start()
    }

    func finish(into r: inout Report) {
        guard enabled else { return }
        done.wait()
        for (period, key) in [(1.0, "1s"), (2.0, "2s"), (10.0, "10s")] {
            let samples = results[period]?.frames ?? []
            r.set("dead_node_detect_s_\(key)", samples.max() ?? .infinity)
            r.set("dead_node_detect_median_s_\(key)", InProcess.median(samples))
            r.set("dead_node_samples_\(key)", Double(samples.count))
            let hooks = results[period]?.hooks ?? []
            r.set("dead_node_hook_s_\(key)", hooks.max() ?? .infinity)
            r.set("dead_node_hook_median_s_\(key)", InProcess.median(hooks))
        }
    }
}
