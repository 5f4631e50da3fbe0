import ClusterClient
import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 10 end to end: marks, bulk rebind, evacuate and undo in the real
/// dashboard (tmux) against a real `clustertui serve`, checked on the server
/// and in the dashboard's own write journal.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct BulkDashboardE2ETests {
    let state: String = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-bulk-\(UUID().uuidString)").path

    func dashboard(_ serve: ServeProcess, _ base: String, extra: [String] = []) throws -> TmuxSession {
        let command = [TestBinary.clustertui.path, "--url", serve.url.absoluteString, "--instances-interval", "5"] + extra
        return try TmuxSession(name: "e2e-\(base)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", width: 160, height: 45,
                               command: command, environment: ["CLUSTERTUI_TOKEN": serve.token, "XDG_STATE_HOME": state])
    }

    /// The writes the dashboard journalled, as (entity, requested, outcome) of each intent.
    func journal() throws -> [(key: EntityKey, requested: String, outcome: String?)] {
        let text = try String(contentsOfFile: state + "/clustertui/journal.jsonl", encoding: .utf8)
        var out: [String: (key: EntityKey, requested: String, outcome: String?)] = [:]
        var order: [String] = []
        for line in text.split(separator: "\n") {
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            let id = "\(o["batch"]!)#\(o["seq"]!)"
            if o["event"] as? String == "intent" {
                let to = o["requested"] as? [String: Any] ?? [:]
                out[id] = (EntityKey(EntityType(o["entityType"] as! String), o["entityId"] as! String),
                           "\(to["node"] ?? "default")/\(to["mode"] ?? "")", nil)
                order.append(id)
            } else {
                out[id]?.outcome = o["outcome"] as? String
            }
        }
        return order.compactMap { out[$0] }
    }

    @Test func markThreeRowsBulkRebindThemAndTheServerHasThem() async throws {
        let serve = try ServeProcess()
        let session = try dashboard(serve, "bulk")
        defer { session.kill() }
        try await offPool {
            try session.waitFor("Instances 1", timeout: 20)
            try session.press("/", "is:explicit -node:core-main-1", "Enter", until: "match /is:explicit -node:core-main-1", timeout: 5)
            try session.press(" ", " ", " ", until: "3 marked", timeout: 5)
            try session.press("Enter", until: "Rebind 3 marked", timeout: 5)
            let plan = try session.press("core-main-1", "Tab", "Right", "Enter", until: "3 moves", timeout: 5)
            #expect(plan.contains("core-main-1 (strict)"))
            try session.press("Enter", until: "Apply 3 writes", timeout: 5)
            try session.press("y", until: "done: 3 ok", timeout: 20)
        }
        let writes = try journal()
        #expect(writes.count == 3)
        #expect(writes.allSatisfy { $0.requested == "core-main-1/strict" && $0.outcome == "ok" })
        let overview = try await serve.withClient { try await $0.reader.overview() }
        for write in writes {
            let row = overview.assignments.first { $0.key == write.key }
            #expect(row?.nodeName == "core-main-1" && row?.mode == .strict)
        }
        session.sendKeys("Escape")
        try await offPool { _ = try session.waitUntil(timeout: 5) { !$0.contains("marked") } }
    }

    @Test func evacuateANodeThenUndoIt() async throws {
        let serve = try ServeProcess()
        let seeded: [EntityKey] = try await serve.withClient { client in
            let list = try await client.reader.instances()
            let keys = list.instances.filter { !$0.explicit }.prefix(3).map(\.key)
            for key in keys { _ = try await client.makeWriter().setAssignment(key, nodeName: "worker-03", mode: .strict) }
            return Array(keys)
        }
        let onNode = try await serve.withClient { try await $0.reader.overview() }.assignments.filter { $0.nodeName == "worker-03" }
        let session = try dashboard(serve, "evac")
        defer { session.kill() }
        try await offPool {
            try session.waitFor("Instances 1", timeout: 20)
            try session.press("1", "/", "worker-03", "Enter", until: "match /worker-03", timeout: 5)
            try session.press("E", until: "Evacuate worker-03", timeout: 5)
            try session.press("Enter", until: "\(onNode.count) moves", timeout: 5)
            try session.press("Enter", "y", until: "done: \(onNode.count) ok", timeout: 20)
        }
        let moved = try await serve.withClient { try await $0.reader.overview() }
        #expect(!moved.assignments.contains { $0.nodeName == "worker-03" })
        for key in seeded {
            let node = moved.assignments.first { $0.key == key }?.nodeName
            #expect(node != nil && node != "worker-01", "never onto the draining node")
        }
        try await offPool {
            try session.press("Escape", "u", until: "undo batch", timeout: 10)
            try session.press("Enter", "y", until: "done: \(onNode.count) ok", timeout: 20)
        }
        let back = try await serve.withClient { try await $0.reader.overview() }
        for row in onNode {
            #expect(back.assignments.first { $0.key == row.key }?.nodeName == "worker-03")
        }
    }

    /// `--events-log`: an event the pane shows is appended to the file as one JSON line.
    @Test func eventsLogGetsEachEventAsAJSONLine() async throws {
        let serve = try ServeProcess()
        let log = state + "-events.jsonl"
        let session = try dashboard(serve, "evlog", extra: ["--events-log", log])
        defer { session.kill() }
        try await offPool { try session.waitFor("Instances 1", timeout: 20) }
        let key = try await serve.withClient { client -> EntityKey in
            let target = try #require(try await client.reader.instances().instances.first { !$0.explicit })
            _ = try await client.makeWriter().setAssignment(target.key, nodeName: "worker-03", mode: .strict)
            return target.key
        }
        let line = try await offPool { () -> String? in
            let deadline = Date().addingTimeInterval(20 * TmuxSession.patience)
            while Date() < deadline {
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                for line in text.split(separator: "\n") {
                    if let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                       o["kind"] as? String == "assignmentAdded", o["subject"] as? String == key.description { return String(line) }
                }
                usleep(100_000)
            }
            return nil
        }
        let text = try #require(line, "the event reached the log")
        let found = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((found["time"] as? String)?.hasSuffix("Z") == true)
        #expect((found["text"] as? String)?.contains("worker-03") == true)
        let attributes = try FileManager.default.attributesOfItem(atPath: log)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
