import ClusterModel
import ClusterState
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
        /// A node's health (derived, not in the object): said beside it.
        var health: String?
    }

    func run(_ reader: any ClusterReading) async throws {
        // A query that cannot be judged (no history for is:flapping) ends the watch at once.
        let selection = try command.selection()
        var seen: [String: Row] = [:]
        var first = true
        while !Task.isCancelled {
            do {
                let rows = try await poll(reader, selection)
                let changes = Self.changes(from: seen, to: rows, first: first)
                if command.output == .json {
                    for line in changes { StandardOutput.write(line + "\n") }
                } else if !changes.isEmpty {
                    // The table is read again only when something changed (an S2 list is 23 MB).
                    StandardOutput.write("— \(Fmt.dateTime(Date()))Z —\n" + (try await command.render(reader)) + "\n")
                }
                // Taken as seen once said: a change whose table could not be read is said at the next poll.
                first = false
                seen = Dictionary(rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            } catch let error as ClusterError where error.exitCode == .usage || error.exitCode == .auth {
                throw error
            } catch {
                StandardError.line("clustertui: " + TextSanitizer.excerpt(String(describing: error), limit: 200) + " (trying again)")
            }
            try await Task.sleep(nanoseconds: UInt64(command.period * 1_000_000_000))
        }
    }

    /// The rows now; a name listed twice gets a key per listing (`name#2`), so it is not a change at every poll.
    private func poll(_ reader: any ClusterReading, _ selection: GetSelection) async throws -> [Row] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch command.resource {
        case .nodes:
            let (overview, now) = try await command.fetchOverview(reader)
            let instances = selection.needsInstancesForNodes ? try await reader.instances().instances : nil
            let kept = selection.nodes(overview, now: now, instances: instances)
            var listed: [String: Int] = [:]
            return try overview.nodes.filter { kept?.contains($0.name) ?? true }.map { node in
                listed[node.name, default: 0] += 1
                let key = listed[node.name]! == 1 ? node.name : "\(node.name)#\(listed[node.name]!)"
                let health = node.health(now: now).word
                return Row(key: key, state: "\(health)|\(node.status.rawValue)|\(node.version ?? "")|\(node.pid.map(String.init) ?? "")",
                           object: try encoder.encode(node), health: health)
            }
        default:
            let list = try await reader.instances()
            let overview = selection.needsOverview ? try await command.fetchOverview(reader) : nil
            let kept = selection.instances(list.instances, overview: overview?.0, now: overview?.1 ?? Date())
            return try kept.map { i in
                Row(key: i.key.description, state: "\(i.nodeName)|\(i.mode.rawValue)|\(i.explicit)", object: try encoder.encode(i))
            }
        }
    }

    /// The JSON lines for what changed between two polls.
    static func changes(from old: [String: Row], to new: [Row], first: Bool) -> [String] {
        var lines: [String] = []
        var present = Set<String>()
        for row in new {
            present.insert(row.key)
            if let before = old[row.key] {
                if before.state != row.state { lines.append(line("MODIFIED", row)) }
            } else {
                lines.append(line("ADDED", row))
            }
        }
        for (key, row) in old.sorted(by: { $0.key < $1.key }) where !present.contains(key) {
            lines.append(line("DELETED", row))
        }
        return first || !lines.isEmpty ? lines : []
    }

    private static func line(_ type: String, _ row: Row) -> String {
        let health = row.health.map { ",\"health\":\"\($0)\"" } ?? ""
        return JSONControlEscaping.escape("{\"type\":\"\(type)\"\(health),\"object\":" + String(decoding: row.object, as: UTF8.self) + "}")
    }
}

