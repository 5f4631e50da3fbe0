import ClusterModel
import Foundation
import Testing
import ClusterHistory

/// Two dashboards on one cluster (a wallboard beside a working dashboard):
/// one records, the other only reads until the first stops.
@Suite struct HistoryRecorderLockTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 60))
    let url = "http://two-dashboards:1"

    /// Node `a` always ok; node `b` offline from second 15 on.
    func sample(_ second: Int) -> HistorySample {
        let at = t0.addingTimeInterval(TimeInterval(second))
        let bDown = second >= 15
        return HistorySample(
            at: at, pollEvery: 1,
            nodes: [Node(name: "a", lastHeartbeatAt: at, pid: 1),
                    Node(name: "b", status: bDown ? .offline : .online, lastHeartbeatAt: bDown ? t0 : at, pid: 2)],
            health: ["a": .ok, "b": bDown ? .offline : .ok], assignments: [], bindingGeneration: 0)
    }

    /// A second dashboard that quit closed the first one's open runs (look-back then dropped every node it was still watching) and each status change was kept twice.
    @Test func oneRecordsTheOtherReadsThenTakesOver() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-hlock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = HistoryRecorder(directory: dir) { _, _ in }
        let second = HistoryRecorder(directory: dir) { _, _ in }
        let third = HistoryRecorder(directory: dir) { _, _ in }
        let path = HistoryStore.path(for: url, in: dir)
        func listed(at second: Int) throws -> [String] {
            let records = try HistoryStore(path: path, create: false).load(since: t0.addingTimeInterval(-3600))
            return ClusterAsOf.make(at: t0.addingTimeInterval(TimeInterval(second)), records: records, changesSince: []).nodes.map(\.name)
        }
        for s in 0...44 {
            if s % 2 == 0, s <= 40 { first.record(sample(s), url: url) }
            if s % 2 == 1, (11...19).contains(s) { second.record(sample(s), url: url) }
            if s % 2 == 1, s >= 31 { third.record(sample(s), url: url) }
            first.flush()
            if s == 19 { second.finish() }  // the wallboard quits
            // Read while the first still runs (its own exit closed its runs again and hid the loss).
            if s == 30 { #expect(try listed(at: 25) == ["b", "a"], "the first dashboard's watch after the second quit") }
            if s == 40 { first.finish() }   // the first dashboard quits; the third goes on alone
        }
        third.flush()
        #expect(try listed(at: 43) == ["b", "a"], "the third took over when the first quit")
        third.finish()
        let records = try HistoryStore(path: path, create: false).load(since: t0.addingTimeInterval(-3600))
        let statusChanges = records.events.filter { $0.node == "b" && $0.kind == .status }
        #expect(statusChanges.count == 1, "\(statusChanges)")
    }

    /// The first dashboard kept the lock while its own polls failed, so a wallboard that read the cluster fine recorded nothing.
    @Test func aDashboardWhosePollsFailHandsOver() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-hlock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let failing = HistoryRecorder(directory: dir) { _, _ in }
        let reading = HistoryRecorder(directory: dir) { _, _ in }
        failing.record(sample(0), url: url)
        for s in stride(from: 1, through: 121, by: 2) {
            reading.record(sample(s), url: url)
            failing.refresh(at: t0.addingTimeInterval(TimeInterval(s)), url: url)  // its polls fail from second 0 on
        }
        reading.flush()
        let records = try HistoryStore(path: HistoryStore.path(for: url, in: dir), create: false).load(since: t0.addingTimeInterval(-3600))
        let then = ClusterAsOf.make(at: t0.addingTimeInterval(110), records: records, changesSince: [])
        #expect(then.watched && then.nodes.map(\.state) == [.down, .ok], "the reading dashboard recorded once the failing one let go")
        failing.finish()
        reading.finish()
    }
}
