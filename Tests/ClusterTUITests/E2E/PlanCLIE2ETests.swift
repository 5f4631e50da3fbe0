import ClusterModel
import ClusterWrites
import ClusterTestSupport
import Foundation
import Testing

/// `plan`, `apply`, `journal` and `undo` (issue 10): the real binary against a
/// real `clustertui serve`, each test with its own journal directory.
@Suite(.blocking, .serialized)
struct PlanCLIE2ETests {
    /// A scratch directory for the journal (XDG_STATE_HOME) and plan files.
    let dir: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-plan-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func run(_ args: [String], token: String) throws -> ChildProcess.Result {
        let env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": dir,
                   "XDG_CONFIG_HOME": "/nonexistent-clustertui-test", "XDG_STATE_HOME": dir + "/state", "CLUSTERTUI_TOKEN": token]
        return try ChildProcess.run(TestBinary.clustertui.path, args, environment: env)
    }

    func overview(_ serve: ServeProcess) async throws -> Overview {
        try await serve.withClient { try await $0.reader.overview() }
    }

    /// Binds three entities that follow the default node strictly to `node`, as a test's starting point.
    func seed(_ serve: ServeProcess, on node: String) async throws -> [EntityKey] {
        try await serve.withClient { client in
            let list = try await client.reader.instances()
            let keys = list.instances.filter { !$0.explicit }.prefix(3).map(\.key)
            for key in keys { _ = try await client.makeWriter().setAssignment(key, nodeName: node, mode: .strict) }
            return Array(keys)
        }
    }

    /// Issue 19: a plan made against cluster A and applied with `--url B`
    /// sent its PUTs to B with only a `note:`; with no flags it went to
    /// whatever was current. Now: another cluster is refused (64, both
    /// named, nothing sent), and no flags means the plan's own cluster.
    @Test func aPlanIsAppliedToTheClusterItWasMadeAgainst() async throws {
        let a = try ServeProcess()
        let b = try ServeProcess()
        _ = try await seed(a, on: "worker-03")
        let planned = try await offPool { [self] in
            try run(["plan", "evacuate", "worker-03", "--to", "core-main-1", "-o", "json", "--url", a.url.absoluteString], token: a.token)
        }
        #expect(planned.status == 0, "\(planned.stderr)")
        let file = dir + "/plan-a.json"
        try planned.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let bBefore = try await overview(b).assignments

        let wrong = try await offPool { [self] in try run(["apply", file, "--yes", "--url", b.url.absoluteString], token: b.token) }
        #expect(wrong.status == 64, "\(wrong.stdout)\n\(wrong.stderr)")
        #expect(wrong.stderr.contains("was made against \(ClusterIdentity.recordable(a.url))"))
        #expect(wrong.stderr.contains("connected to \(ClusterIdentity.recordable(b.url))"))
        #expect(try await overview(b).assignments == bBefore, "nothing was sent to B")

        let right = try await offPool { [self] in try run(["apply", file, "--yes"], token: a.token) }
        #expect(right.status == 0, "\(right.stdout)\n\(right.stderr)")
        #expect(try await overview(a).assignments.filter { $0.nodeName == "worker-03" }.isEmpty, "applied to A")
    }

    /// `apply` of a plan onto an offline node said nothing of it (assign refuses the same move): a warning a node, and the prompt counts them.
    @Test func applyNamesTheRisksOfTheClusterNow() async throws {
        let serve = try ServeProcess()
        _ = try await seed(serve, on: "worker-03")
        let ghost = "ip-10-0-0-10-4000"
        let file = dir + "/plan-ghost.json"
        let planned = try await offPool { [self] in
            try run(["plan", "evacuate", "worker-03", "--to", ghost, "-o", "json", "--url", serve.url.absoluteString], token: serve.token)
        }
        #expect(planned.status == 0, "\(planned.stderr)")
        try planned.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try await offPool { [self] in try run(["apply", file], token: serve.token) }
        #expect(refused.status == 1 && refused.stderr.contains("writes go to \(ghost): \(ghost) is offline"), "\(refused.stderr)")
        #expect(refused.stderr.contains("(8 to a risky node)"), "\(refused.stderr)")
        let sent = try await offPool { [self] in try run(["apply", file, "--yes"], token: serve.token) }
        #expect(sent.status == 0 && sent.stderr.contains("warning: 3 writes go to \(ghost)"), "\(sent.stderr)")
    }

    /// Issue 20: a torn last journal line (a crash, a full disk) was glued to
    /// the next append, that intent was lost, and `undo --last` reverted an
    /// older batch. Now the newest batch is undone, exactly.
    @Test func aTornJournalLineLeavesUndoOnTheNewestBatch() async throws {
        let serve = try ServeProcess()
        let url = serve.url.absoluteString
        let keys = try await serve.withClient { client in
            Array(try await client.reader.instances().instances.filter { !$0.explicit }.prefix(3).map(\.key))
        }
        try #require(keys.count == 3)
        func assign(_ key: EntityKey) async throws {
            let done = try await offPool { [self] in
                try run(["assign", key.entityType.rawValue, key.entityId, "--node", "core-main-1", "--url", url], token: serve.token)
            }
            #expect(done.status == 0, "\(done.stderr)")
        }
        try await assign(keys[0])
        try await assign(keys[1])
        // A crash mid-write: the last line loses its end and its newline.
        let path = dir + "/state/clustertui/journal.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try String(text.dropLast(30)).write(toFile: path, atomically: false, encoding: .utf8)
        try await assign(keys[2])
        let undone = try await offPool { [self] in try run(["undo", "--last", "--yes"], token: serve.token) }
        #expect(undone.status == 0, "\(undone.stdout)\n\(undone.stderr)")
        let after = BindingIndex(try await overview(serve))
        #expect(after.binding(of: keys[2]) == .followsDefault, "the newest batch was undone")
        #expect(after.binding(of: keys[0]).node == "core-main-1", "the older batch was left alone")
        let shown = try await offPool { [self] in try run(["journal"], token: serve.token) }
        #expect(shown.stderr.contains("damaged line"), "the torn line is reported: \(shown.stderr)")
    }

    @Test func planApplyJournalUndoRoundTripOnTheServer() async throws {
        let serve = try ServeProcess()
        let url = serve.url.absoluteString
        let seeded = try await seed(serve, on: "worker-03")
        let before = try await overview(serve).assignments.filter { $0.nodeName == "worker-03" }
        let planned = try await offPool { try run(["plan", "evacuate", "worker-03", "--to", "core-main-1", "-o", "json", "--url", url], token: serve.token) }
        #expect(planned.status == 0, "\(planned.stderr)")
        let plan = try PlanCodec.decode(Data(planned.stdout.utf8))
        #expect(Set(plan.items.map(\.key)) == Set(before.map(\.key)))
        #expect(Set(seeded).isSubset(of: Set(plan.items.map(\.key))))
        let file = dir + "/plan.json"
        try planned.stdout.write(toFile: file, atomically: true, encoding: .utf8)

        let applied = try await offPool { try run(["apply", file, "--yes", "--url", url], token: serve.token) }
        #expect(applied.status == 0, "\(applied.stdout)\n\(applied.stderr)")
        #expect(applied.stderr.contains("[\(plan.items.count)/\(plan.items.count)] ok"))
        let moved = try await overview(serve)
        for item in plan.items {
            #expect(moved.assignments.first { $0.key == item.key }?.nodeName == "core-main-1")
        }

        let journal = try await offPool { try run(["journal", "-o", "json", "--limit", "500"], token: serve.token) }
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(journal.stdout.utf8)) as? [[String: Any]])
        // Each run of a plan is a batch of its own, named in the summary.
        let summaryLine = try #require(applied.stdout.split(separator: "\n").first { $0.hasPrefix("batch ") })
        let batchID = String(summaryLine.dropFirst(6).prefix { $0 != ":" })
        #expect(batchID != plan.id)
        let ofBatch = entries.filter { $0["batch"] as? String == batchID }
        #expect(ofBatch.count == plan.items.count)
        #expect(ofBatch.allSatisfy { ($0["url"] as? String).map { url.hasPrefix($0) && !$0.isEmpty } == true }, "the cluster's own URL")
        #expect(ofBatch.allSatisfy { $0["outcome"] as? String == "ok" && ($0["prior"] as? String)?.hasPrefix("worker-03") == true })

        let undone = try await offPool { try run(["undo", "--last", "--yes", "--url", url], token: serve.token) }
        #expect(undone.status == 0, "\(undone.stdout)\n\(undone.stderr)")
        let back = try await overview(serve)
        for row in before {
            let now = back.assignments.first { $0.key == row.key }
            #expect(now?.nodeName == "worker-03" && now?.mode == row.mode)
        }
        // The journal holds the undo as a batch of its own.
        let table = try await offPool { try run(["journal"], token: serve.token) }
        #expect(table.stdout.contains("undo"))
        #expect(!table.stdout.contains(serve.token))
    }

    /// An entity rebound behind the plan's back is skipped, never overwritten; a re-run skips what was applied.
    @Test func applySkipsAnItemChangedSinceThePlan() async throws {
        let serve = try ServeProcess()
        let url = serve.url.absoluteString
        let seeded = try await seed(serve, on: "worker-03")
        let planned = try await offPool { try run(["plan", "evacuate", "worker-03", "--to", "core-main-1", "-o", "json", "--url", url], token: serve.token) }
        let file = dir + "/plan.json"
        try planned.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let changed = seeded[0]
        try await serve.withClient { _ = try await $0.makeWriter().setAssignment(changed, nodeName: "worker-01", mode: .preferred) }

        let applied = try await offPool { try run(["apply", file, "--yes", "--url", url], token: serve.token) }
        #expect(applied.status == 1, "\(applied.stdout)\n\(applied.stderr)")
        #expect(applied.stdout.contains("skipped"))
        #expect(applied.stdout.contains("changed since the plan was made"))
        let after = try await overview(serve)
        #expect(after.assignments.first { $0.key == changed }?.nodeName == "worker-01")
        #expect(after.assignments.first { $0.key == seeded[1] }?.nodeName == "core-main-1")

        let again = try await offPool { try run(["apply", file, "--yes", "--url", url], token: serve.token) }
        #expect(again.stderr.contains("unchanged") && again.stderr.contains("already core-main-1"))
        #expect(!again.stderr.contains("] ok "))
        // Only the entity changed behind the plan's back keeps it from exit 0.
        #expect(again.status == 1)
    }

    /// Issue 10: a malformed plan file or an unknown entity type is a usage error and nothing is sent.
    @Test func malformedPlansAreRefusedBeforeAnythingIsSent() async throws {
        let serve = try ServeProcess()
        let url = serve.url.absoluteString
        let before = try await overview(serve).assignments
        let cases: [(String, String)] = [
            ("{ not json", "not JSON"),
            (#"{"id":"x","kind":"rebind","createdAt":"2026-05-18T10:00:00Z","items":[{"entityType":"agent","entityId":"a","from":{"default":true},"to":{"node":"worker-03","mode":"loose"}}]}"#,
             "items[0].to.mode"),
            (#"{"id":"x","kind":"rebind","createdAt":"2026-05-18T10:00:00Z","items":[{"entityType":"spaceship","entityId":"a","from":{"default":true},"to":{"node":"worker-03","mode":"strict"}}]}"#,
             "bad2.json: items[0].entityType: unknown entity type"),  // the file was not named
            ("", "is a directory"),  // a directory read as "not JSON: Unexpected end of file"
        ]
        for (i, (text, words)) in cases.enumerated() {
            let file = dir + "/bad\(i).json"
            if text.isEmpty {
                try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: true)
            } else {
                try text.write(toFile: file, atomically: true, encoding: .utf8)
            }
            let result = try await offPool { try run(["apply", file, "--yes", "--url", url], token: serve.token) }
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains(words), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try await overview(serve).assignments == before)
        #expect(!FileManager.default.fileExists(atPath: dir + "/state/clustertui/journal.jsonl"))
    }

    /// The intent line is on disk before the request is sent: a CLI killed mid-write leaves it, marked unknown.
    @Test func aKilledApplyLeavesItsIntentInTheJournal() async throws {
        let server = try LossyWriteServer(mode: .dropThenSlowReply)
        defer { server.stop() }
        let plan = #"{"id":"20260518-100000-dead","kind":"rebind","createdAt":"2026-05-18T10:00:00Z","items":[{"entityType":"agent","entityId":"t1:x","from":{"default":true},"to":{"node":"node-b","mode":"strict"}}]}"#
        let file = dir + "/one.json"
        try plan.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = TestBinary.clustertui
        process.arguments = ["apply", file, "--yes", "--url", server.url.absoluteString, "--timeout", "30"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": dir, "XDG_CONFIG_HOME": "/nonexistent", "XDG_STATE_HOME": dir + "/state",
                               "CLUSTERTUI_TOKEN": "t0ken"]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let journal = dir + "/state/clustertui/journal.jsonl"
        let sawIntent = try await offPool { () -> Bool in
            let deadline = Date().addingTimeInterval(15 * TmuxSession.patience)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: journal, encoding: .utf8), text.contains(#""event":"intent""#) { return true }
                usleep(20_000)
            }
            return false
        }
        kill(process.processIdentifier, SIGKILL)
        ChildExit.wait(process, seconds: 10)
        #expect(sawIntent)
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines[0].contains(#""event":"intent""#) && lines[0].contains(#""entityId":"t1:x""#) && !lines[0].contains("t0ken"))
        let attributes = try FileManager.default.attributesOfItem(atPath: journal)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let shown = try await offPool { try run(["journal"], token: "t0ken") }
        #expect(shown.stdout.contains("unknown (no outcome recorded)"))
    }
}

/// Review of issue 10: every connection recorded itself as `embedded:demo`, so
/// `undo --last` could take back another cluster's batch and scripts had no `--url`.
struct ClusterIdentityTests {
    @Test func theRecordedURLIsTheClustersWithoutCredentials() throws {
        let url = try #require(URL(string: "https://ops:s3cret@core.example:3000/console/?token=abc#x"))
        #expect(ClusterIdentity.recordable(url) == "https://core.example:3000/console")
        #expect(ClusterIdentity.recordable(try #require(URL(string: "http://127.0.0.1:9/"))) == "http://127.0.0.1:9")
    }
}
