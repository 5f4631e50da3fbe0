import ClusterModel
import Foundation

/// `get nodes|instances --watch` (issue 24), like `kubectl get -w`: polls
/// every `--interval` seconds until interrupted. The table is printed again
/// (under a time line) when a row's state changed — a node's health, status,
/// version or pid; an instance's node, mode or binding — not when ages
/// tick. With `-o json`: one line per change,
/// `{"type":"ADDED|MODIFIED|DELETED","object":{…}}`, every row ADDED first.
/// A failed poll is said on stderr and the next one tries again.
struct GetWatch {
    let command: GetCommand

    /// One row as the watch compares it: its key, what counts as a change, the object.
    struct Row {
        var key: String
        var state: String
        var object: Data
    }

    func run(_ reader: any ClusterReading) async throws {
        var seen: [String: Row] = [:]
        var first = true
        while !Task.isCancelled {
            do {
                let rows = try await poll(reader)
                let changes = Self.changes(from: seen, to: rows, first: first)
                first = false
                seen = Dictionary(rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
                if command.output == .json {
                    for line in changes { StandardOutput.write(line + "\n") }
                } else if !changes.isEmpty {
                    // The table is read again only when something changed (an S2 list is 23 MB).
                    StandardOutput.write("— \(HistoryFilesTime.now()) —\n" + (try await command.render(reader)) + "\n")
                }
            } catch {
                StandardError.line("clustertui: " + TextSanitizer.excerpt(String(describing: error), limit: 200) + " (trying again)")
            }
            try await Task.sleep(nanoseconds: UInt64(command.interval * 1_000_000_000))
        }
    }

    /// The rows now.
    private func poll(_ reader: any ClusterReading) async throws -> [Row] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch command.resource {
        case .nodes:
            let (overview, now) = try await command.fetchOverview(reader)
            let kept = try command.selection().nodes(overview, now: now)
            return (try overview.nodes.filter { kept?.contains($0.name) ?? true }.map { node in
                Row(key: node.name,
                    state: "\(node.health(now: now).word)|\(node.status.rawValue)|\(node.version ?? "")|\(node.pid.map(String.init) ?? "")",
                    object: try encoder.encode(node))
            })
        default:
            let list = try await reader.instances()
            let selection = try command.selection()
            let overview = selection.needsOverview ? try await command.fetchOverview(reader) : nil
            let kept = selection.instances(list.instances, overview: overview?.0, now: overview?.1 ?? Date())
            return (try kept.map { i in
                Row(key: i.key.description, state: "\(i.nodeName)|\(i.mode.rawValue)|\(i.explicit)", object: try encoder.encode(i))
            })
        }
    }

    /// The JSON lines for what changed between two polls.
    static func changes(from old: [String: Row], to new: [Row], first: Bool) -> [String] {
        var lines: [String] = []
        var present = Set<String>()
        for row in new {
            present.insert(row.key)
            if let before = old[row.key] {
                if before.state != row.state { lines.append(line("MODIFIED", row.object)) }
            } else {
                lines.append(line("ADDED", row.object))
            }
        }
        for (key, row) in old.sorted(by: { $0.key < $1.key }) where !present.contains(key) {
            lines.append(line("DELETED", row.object))
        }
        return first || !lines.isEmpty ? lines : []
    }

    private static func line(_ type: String, _ object: Data) -> String {
        JSONControlEscaping.escape("{\"type\":\"\(type)\",\"object\":" + String(decoding: object, as: UTF8.self) + "}")
    }
}

/// `2026-12-06 14:02:10Z`, the time line between two tables of a watch.
enum HistoryFilesTime {
    static func now() -> String { HistoryFiles.time(Date()) + "Z" }
}
