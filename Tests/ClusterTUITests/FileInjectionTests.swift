import ClusterClient
import ClusterModel
import ClusterTestSupport
import ClusterWrites
import Foundation
import Testing
import ClusterRuntime
import ClusterState

/// Issue 20, the injection half of the fault matrix: from a server whose
/// every string carries a terminal escape (OSC title, BEL, the one-byte CSI
/// U+009B, the bidi override U+202E), nothing we write to a file can drive
/// a terminal — the plan script, the plan JSON, the journal and the events
/// log. `cat plan.sh` once set the window title.
@Suite struct FileInjectionTests {
    /// Bytes (and UTF-8 sequences) a terminal would obey: C0 but LF, DEL, C1, bidi controls.
    static func escapeBytes(_ data: Data) -> Int {
        let text = String(decoding: data, as: UTF8.self)
        return text.unicodeScalars.filter { u in
            let v = u.value
            return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }.count
    }

    @Test func nothingWrittenToAFileCarriesARawControl() async throws {
        let (overview, instances) = try await FaultServer.with(.escapesEverywhere) { url, _ in
            let client = try ClusterHTTPClient(ClientConfiguration(baseURL: url, token: "t0ken"))
            defer { Task { await client.shutdown() } }
            return (try await client.reader.overview(), try await client.reader.instances().instances)
        }
        let hostileNode = try #require(overview.nodes.first?.name)
        #expect(hostileNode.unicodeScalars.contains { $0.value == 0x9B }, "the server really sent controls")
        let target = ClusterIdentity(context: "prod\u{1B}]0;t\u{07}", url: "http://127.0.0.1:1")
        let inputs = PlanInputs(overview: overview, instances: instances, instancesKnown: true,
                                health: Dictionary(overview.nodes.map { ($0.name, HeartbeatHealth.ok) }, uniquingKeysWith: { a, _ in a }))
        let plan = try PlanBuilder.rebind(instances.map(\.key), to: .node(hostileNode), mode: .strict, inputs: inputs,
                                          stamp: PlanStamp(id: "p", createdAt: Date(), context: target.context, url: target.url))
        let dir = NSTemporaryDirectory() + "ctui-inject-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let script = Data(PlanScript.render(plan, connection: target.scriptFlags).utf8)
        let json = PlanCodec.encode(plan)
        let journal = WriteJournal(path: dir + "/journal.jsonl")
        for (seq, item) in plan.items.enumerated() {
            try journal.append(.intent(batch: "b", kind: .rebind, seq: seq, item: item, target: target, at: Date()))
            try journal.append(.outcome(batch: "b", seq: seq, key: item.key, .notApplied, message: "server said \(hostileNode)", at: Date()))
        }
        var state = TestCluster.loadedState()
        for node in overview.nodes {
            state.events.append(ClusterEvent(time: Date(), kind: .heartbeatLate, severity: .warning, subject: node.name, message: "\(node.name) is late"))
            state.eventSerial += 1
        }
        let log = try EventsLog(path: dir + "/events.jsonl")
        log.catchUp(state, cluster: target.context ?? "")
        log.flush()
        let files = [
            "plan script": script, "plan JSON": json,
            "journal": try Data(contentsOf: URL(fileURLWithPath: dir + "/journal.jsonl")),
            "events log": try Data(contentsOf: URL(fileURLWithPath: dir + "/events.jsonl")),
        ]
        let counts = files.mapValues(Self.escapeBytes)
        print("escape bytes in files: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
        #expect(counts.values.allSatisfy { $0 == 0 }, "\(counts)")
        #expect(files.values.allSatisfy { !$0.isEmpty })
        // The JSON files still hold the server's values, escaped: nothing was lost.
        #expect(String(decoding: json, as: UTF8.self).contains(#"\u009b31m\u202e"#))
        #expect(try WriteJournal.read(path: dir + "/journal.jsonl").records.first?.record.requested?.node == hostileNode)
    }
}
