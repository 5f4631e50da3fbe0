import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 24's CLI, the real binary against a real `serve`: `get --filter`
/// keeps what the dashboard's filter would, and `get --watch -o json`
/// streams one object per row and change.
@Suite(.blocking, .serialized)
struct GetFilterWatchE2ETests {
    @Test func filterKeepsWhatTheDashboardWould() throws {
        let serve = try ServeProcess()
        let auth = ["CLUSTERTUI_TOKEN": serve.token]
        let url = serve.url.absoluteString
        let mains = try CLIChild.run(["get", "nodes", "--filter", "role:main", "--url", url], token: nil, environment: auth)
        #expect(mains.status == 0, "\(mains.stderr)")
        let rows = mains.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" main ") }, "\(mains.stdout)")
        let json = try CLIChild.run(["get", "instances", "--filter", "node:core-main-1 is:explicit", "-o", "json", "--url", url],
                                    token: nil, environment: auth)
        let list = try JSONDecoder().decode(InstanceList.self, from: Data(json.stdout.utf8))
        #expect(!list.instances.isEmpty && list.instances.allSatisfy { $0.nodeName == "core-main-1" && $0.explicit })
        let bad = try CLIChild.run(["get", "nodes", "--filter", "is:bogus", "--url", url], token: nil, environment: auth)
        #expect(bad.status == ClusterError.ExitCode.usage.rawValue && bad.stderr.contains("unknown is:bogus"))
        // A term for instances keeps every node: refused, as the dashboard refuses it.
        let instanceTerm = try CLIChild.run(["get", "nodes", "--filter", "tenant:acme", "--url", url], token: nil, environment: auth)
        #expect(instanceTerm.status == ClusterError.ExitCode.usage.rawValue && instanceTerm.stderr.contains("filters instances"))
        let notHere = try CLIChild.run(["get", "overview", "--filter", "x", "--url", url], token: nil, environment: auth)
        #expect(notHere.status == ClusterError.ExitCode.usage.rawValue && notHere.stderr.contains("nodes and instances"))
    }

    @Test func getOneNodeOrInstanceWithEveryField() throws {
        let serve = try ServeProcess()
        let auth = ["CLUSTERTUI_TOKEN": serve.token]
        let url = serve.url.absoluteString
        let node = try CLIChild.run(["get", "node", "core-main-1", "--url", url], token: nil, environment: auth)
        #expect(node.status == 0 && node.stdout.contains("health") && node.stdout.contains("explicit bindings"), "\(node.stdout)")
        let raw = try CLIChild.run(["get", "instance", "agent", "t1:a/b?c#d%e f", "-o", "json", "--url", url], token: nil, environment: auth)
        #expect(try JSONDecoder().decode(Instance.self, from: Data(raw.stdout.utf8)).entityId == "t1:a/b?c#d%e f")
        let missing = try CLIChild.run(["get", "node", "no-such", "--url", url], token: nil, environment: auth)
        #expect(missing.status == 1 && missing.stderr == "clustertui: no node no-such in the cluster\n")
    }

    @Test func watchStreamsEveryRowThenItsChanges() throws {
        let serve = try ServeProcess()
        let process = Process()
        process.executableURL = TestBinary.clustertui
        process.arguments = ["get", "nodes", "--watch", "-o", "json", "--interval", "0.5", "--url", serve.url.absoluteString]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path,
                               "XDG_CONFIG_HOME": "/nonexistent-clustertui-test", "CLUSTERTUI_TOKEN": serve.token]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // A watch that never printed would block the read below for ever: it is ended after the deadline.
        DispatchQueue.global().asyncAfter(deadline: .now() + 20 * TmuxSession.patience) {
            if process.isRunning { process.terminate() }
        }
        // The first poll's lines: one ADDED per node, each a whole JSON object.
        var text = ""
        let deadline = Date().addingTimeInterval(20 * TmuxSession.patience)
        while text.filter({ $0 == "\n" }).count < 3, Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        process.terminate()
        // Whole lines only: the last read may have stopped inside one.
        let lines = text[..<(text.lastIndex(of: "\n") ?? text.startIndex)].split(separator: "\n")
        #expect(lines.count >= 3, "\(text)")
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["type"] as? String == "ADDED", "\(line)")
            #expect((object?["object"] as? [String: Any])?["name"] is String, "\(line)")
        }
    }
}
