import ClusterModel
import ClusterWrites
import Foundation
import Testing
@testable import ClusterHistory

/// Issue 22: the history store on disk — what one dashboard keeps another
/// reads back, files private, a damaged file reported once (the strips of
/// the run go on), retention and the size cap.
@Suite struct HistoryStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 60))

    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ctui-hstore-\(UUID().uuidString)").path
    }

    func sample(_ at: TimeInterval, pid: Int, node: String = "a", assignments: [Assignment] = [], generation: Int = 0) -> HistorySample {
        HistorySample(at: t0.addingTimeInterval(at), pollEvery: 2,
                      nodes: [Node(name: node, lastHeartbeatAt: t0.addingTimeInterval(at), pid: pid)],
                      health: [node: .ok], assignments: assignments, bindingGeneration: generation)
    }

    @Test func whatOneRunKeepsTheNextReadsBack() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = HistoryStore.path(for: "http://h:1", in: dir)
        let store = try HistoryStore(path: path)
        var window = HistoryWindow()
        let row = Assignment(entityType: .agent, entityId: "t:a", nodeName: "a", mode: .strict, updatedBy: "ann")
        for (i, s) in stride(from: 0.0, through: 60, by: 2).enumerated() {
            var moved = row
            if i > 10 { moved.nodeName = "b"; moved.updatedBy = "bob" }
            try store.persist(window.apply(sample(s, pid: i < 5 ? 1 : 2, assignments: [moved], generation: i > 10 ? 2 : 1)))
        }
        let now = t0.addingTimeInterval(60)
        var back = HistoryWindow(records: try HistoryStore(path: path, create: false).load(since: now.addingTimeInterval(-3600)))
        _ = back.apply(sample(60, pid: 2, assignments: [Assignment(entityType: .agent, entityId: "t:a", nodeName: "b", mode: .strict)],
                              generation: 2))
        #expect(back.digest(now: now).nodes["a"] == window.digest(now: now).nodes["a"].map { history in
            var copy = history
            copy.gaps = back.digest(now: now).nodes["a"]!.gaps  // gaps are kept in memory only
            return copy
        })
        let changes = try store.changes(since: nil, by: "bo")
        #expect(changes.map(\.updatedBy) == ["bob"] && changes.first?.before?.node == "a")
        #expect(back.bindingsKnown, "a restarted dashboard diffs against the bindings it last saw")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int
        #expect(mode == 0o600 && dirMode == 0o700)
    }

    /// Guards "a corrupt store is reported once and the dashboard runs on without history".
    @Test func aDamagedFileIsReportedOnceAndTheStripsGoOn() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let url = "http://broken:1"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: HistoryStore.path(for: url, in: dir)))
        let reports = Reports()
        let recorder = HistoryRecorder(directory: dir) { report, _ in reports.add(report) }
        for s in stride(from: 0.0, through: 10, by: 2) { recorder.record(sample(s, pid: 1), url: url) }
        recorder.flush()
        #expect(reports.problems.count == 1, "\(reports.problems)")
        #expect(reports.problems.first?.contains("history store") == true)
        #expect(reports.digests > 0, "the run's own strips still work")
        #expect(throws: ClusterError.self) { try HistoryStore(path: HistoryStore.path(for: url, in: dir), create: false) }
    }

    /// The period learned after a run began is kept in the file too (it read "every 10s" for a 3 s node).
    @Test func aRelearnedPeriodIsStored() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: HistoryStore.path(for: "http://p:1", in: dir))
        var window = HistoryWindow()
        try store.persist(window.apply(sample(0, pid: 1)))
        var learnt = sample(2, pid: 1)
        learnt.thresholds.learned["a"] = LearnedHeartbeat(period: 3, steps: 5)
        try store.persist(window.apply(learnt))
        #expect(try store.load(since: t0.addingTimeInterval(-60)).runs.map(\.period) == [3])
    }

    /// After `c` to another context of the same URL the HISTORY and RESTARTS columns were gone until the digest changed: the runner's switch calls `forgetPosted`, and the next digest is posted again.
    @Test func aForgottenDigestIsPostedAgain() {
        let reports = Reports()
        let recorder = HistoryRecorder(directory: scratch()) { report, _ in reports.add(report) }
        recorder.record(sample(0, pid: 1), url: ClusterIdentity.embedded)
        recorder.flush()
        recorder.refresh(at: t0, url: ClusterIdentity.embedded)
        recorder.flush()
        #expect(reports.digests == 1, "an unchanged digest is not posted twice")
        recorder.forgetPosted()
        recorder.refresh(at: t0, url: ClusterIdentity.embedded)
        recorder.flush()
        #expect(reports.digests == 2)
    }

    @Test func retentionAndTheSizeCapForgetTheOldest() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: HistoryStore.path(for: "http://h:1", in: dir))
        var window = HistoryWindow(keep: 10 * 86_400)
        // A restart every poll for a simulated hour, then a gap, then two days later one poll.
        for (i, s) in stride(from: 0.0, through: 3600, by: 2).enumerated() { try store.persist(window.apply(sample(s, pid: i))) }
        try store.persist(window.apply(sample(2 * 86_400, pid: 1)))
        try store.prune(before: t0.addingTimeInterval(86_400), maxBytes: 1 << 30)
        let left = try store.load(since: .distantPast)
        let cutoff = t0.addingTimeInterval(86_400)
        #expect(left.events.count == 1 && left.events.allSatisfy { $0.at >= cutoff } && left.spans.count == 1,
                "the first day is gone: \(left.events.count) events, \(left.spans.count) spans")
        // The size cap: forget the older half until it fits.
        for (i, s) in stride(from: 2.0 * 86_400, through: 2 * 86_400 + 3600, by: 2).enumerated() {
            try store.persist(window.apply(sample(s, pid: 10_000 + i)))
        }
        let before = try store.load(since: .distantPast).events.count
        try store.prune(before: .distantPast, maxBytes: 16 * 1024)
        let after = try store.load(since: .distantPast).events.count
        #expect(after < before, "\(after) of \(before)")
    }

    /// What the recorder said, collected across its thread.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [HistoryReport] = []
        func add(_ report: HistoryReport) { lock.withLock { all.append(report) } }
        var problems: [String] {
            lock.withLock { all.compactMap { if case .problem(let text) = $0 { text } else { nil } } }
        }
        var digests: Int { lock.withLock { all.filter { if case .digest = $0 { true } else { false } }.count } }
    }
}

/// Issue 22: what the history file holds is never a raw control character.
@Suite struct StoredTextTests {
    /// Guards server text (an ESC in a node name) reaching the file raw.
    @Test func controlCharactersAreEscapedAndReadBack() throws {
        let hostile = "node\u{1B}[31m%x\u{7F}\u{9B}é"
        let stored = StoredText.encode(hostile)
        #expect(!stored.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(stored == "node%1B[31m%25x%7F%9Bé")
        #expect(StoredText.decode(stored) == hostile)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-hstore-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = HistoryStore.path(for: "http://h:1", in: dir)
        let store = try HistoryStore(path: path)
        var window = HistoryWindow()
        let now = Date()
        try store.persist(window.apply(HistorySample(
            at: now, pollEvery: 2, nodes: [Node(name: hostile, lastHeartbeatAt: now, pid: 1)], health: [hostile: .ok],
            assignments: [], bindingGeneration: 0)))
        try store.checkpoint()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // The file is binary (page headers hold any byte): look for the escape sequence itself.
        #expect(bytes.range(of: Data("\u{1B}[31m".utf8)) == nil, "an ESC sequence reached the file")
        #expect(bytes.range(of: Data("%1B[31m".utf8)) != nil)
        #expect(try store.load(since: now.addingTimeInterval(-60)).facts[hostile] != nil)
    }
}
