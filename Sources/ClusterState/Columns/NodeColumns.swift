import ClusterGrid
import ClusterModel
import Foundation

/// What one node row's cells are drawn from, for the dashboard and the CLI alike.
package struct NodeCell: Sendable {
    package var node: Node
    package var health: HeartbeatHealth
    /// The answering node's clock (ages are measured on it).
    package var now: Date
    /// How far this node's heartbeat clock runs behind the answering node's (issue 20).
    package var clockLag: TimeInterval = 0
    package var isThisNode = false
    package var isDefaultNode = false
    /// Its name is listed twice or is not valid UTF-8 (issue 20).
    package var nameProblem = false
    /// Instances bound to it (the instance list's count); `nil` while the list is not read.
    package var bound: Int?
    /// Runs another version than most live nodes.
    package var skewed = false
    package var absoluteTimes = false
    /// The recorded history (issue 22); `nil` until the recorder spoke or when it is off.
    package var history: NodeHistory?
    package var glyphs: Glyphs

    package init(node: Node, health: HeartbeatHealth, now: Date, glyphs: Glyphs) {
        self.node = node; self.health = health; self.now = now; self.glyphs = glyphs
    }

    var healthStyle: TextStyle { TextStyle(role: Roles.health(health)) }

    /// What `snapshot` says of the node: this node, the default node, a
    /// name that does not name one node, and (when its list is known) the instances bound.
    package mutating func mark(from snapshot: ClusterSnapshot) {
        isThisNode = node.name == snapshot.thisNodeName
        isDefaultNode = node.name == snapshot.defaultNodeName
        nameProblem = snapshot.nameProblems.excludes(node.name)
        bound = snapshot.instancesKnown ? snapshot.boundCount[node.name] ?? 0 : nil
    }
}

/// The node table's columns (issue 19: one definition for the dashboard,
/// the `s` sort cycle and `clustertui get nodes -o table|wide`).
package enum NodeColumns {
    package static let all: [TableColumn<NodeCell, NodeColumn>] = [
        // Identifying: `o` never turns it off, for it is the one mark of health that is not a colour.
        TableColumn("mark", ColumnSpec(title: "", minWidth: 1, maxWidth: 1, priority: 100, identifying: true), surfaces: [.dashboard]) {
            ($0.glyphs.health($0.health), $0.healthStyle)
        },
        TableColumn("name", ColumnSpec(title: "NAME", minWidth: 10, maxWidth: 40, priority: 99, identifying: true),
                    sort: .name, plain: plainName, cell: name),
        TableColumn("role", ColumnSpec(title: "ROLE", minWidth: 4, maxWidth: 6, priority: 40), sort: .role) {
            ($0.node.role.rawValue, plain)
        },
        TableColumn("status", ColumnSpec(title: "STATUS", minWidth: 8, maxWidth: 9, priority: 90), sort: .status) {
            ($0.node.status.rawValue, $0.healthStyle)
        },
        // The dashboard says health by glyph and colour; the CLI in a word (the same words: `silent`, not `stale`).
        TableColumn("health", ColumnSpec(title: "HEALTH", minWidth: 6, maxWidth: 12, priority: 1), surfaces: [.table]) {
            ($0.health.word, $0.healthStyle)
        },
        TableColumn("heartbeat", ColumnSpec(title: "HEARTBEAT", minWidth: 6, maxWidth: 12, priority: 95, rightAligned: true,
                                            shortTitle: "BEAT"), sort: .heartbeat) { (beat($0), $0.healthStyle) },
        // Issue 22: restarts in the last hour, as kubectl counts a pod's; flapping said in words.
        TableColumn("restarts", ColumnSpec(title: "RESTARTS", minWidth: 3, maxWidth: 11, priority: 55, rightAligned: true,
                                           shortTitle: "RST"), surfaces: [.dashboard], cell: restarts),
        TableColumn("uptime", ColumnSpec(title: "UPTIME", minWidth: 6, maxWidth: 12, priority: 30, rightAligned: true,
                                         shortTitle: "UP"), sort: .uptime, surfaces: [.dashboard, .wide], cell: uptime),
        TableColumn("version", ColumnSpec(title: "VERSION", minWidth: 7, maxWidth: 14, priority: 60, shortTitle: "VER"),
                    sort: .version, plain: { $0.node.version ?? "—" }) {
            // A version apart from the most common one is marked in a glyph too, not only in colour; first, so a cut keeps it.
            (($0.skewed ? $0.glyphs.warning + " " : "") + ($0.node.version ?? "—"), $0.skewed ? TextStyle(role: .warning, bold: true) : plain)
        },
        TableColumn("host", ColumnSpec(title: "HOST", minWidth: 8, maxWidth: 32, priority: 20), sort: .hostname,
                    surfaces: [.dashboard, .wide]) { ($0.node.hostname ?? "—", plain) },
        TableColumn("pid", ColumnSpec(title: "PID", minWidth: 5, maxWidth: 8, priority: 10, rightAligned: true), sort: .pid,
                    surfaces: [.dashboard, .wide]) { ($0.node.pid.map(String.init) ?? "—", plain) },
        TableColumn("url", ColumnSpec(title: "URL", minWidth: 10, maxWidth: 40, priority: 5), sort: .url,
                    surfaces: [.dashboard, .wide]) { ($0.node.url ?? "—", plain) },
        TableColumn("tags", ColumnSpec(title: "TAGS", minWidth: 6, maxWidth: 24, priority: 4), sort: .tags,
                    surfaces: [.dashboard, .wide]) { ($0.node.tags.joined(separator: ","), plain) },
        // The instance list's count: `get nodes` reads only the overview.
        TableColumn("bound", ColumnSpec(title: "BOUND", minWidth: 5, maxWidth: 7, priority: 70, rightAligned: true, shortTitle: "#"),
                    sort: .bound, surfaces: [.dashboard]) { ($0.bound.map(Fmt.count) ?? "—", plain) },
        // Issue 22: one cell per minute, newest at the right; as many minutes as the width allows.
        TableColumn("history", ColumnSpec(title: "HISTORY", minWidth: 10, maxWidth: 60, priority: 35, flexible: true,
                                          shortTitle: "HIST", keepsEnd: true, characterStyle: stripStyle),
                    surfaces: [.dashboard]) { cell in
            (cell.history.map { String($0.strip.map(cell.glyphs.strip)) } ?? "", plain)
        },
    ]

    /// A strip cell's colour, from its glyph.
    @Sendable private static func stripStyle(_ character: Character) -> TextStyle {
        TextStyle(role: Glyphs.stripState(character).map(Roles.history) ?? .normal)
    }

    /// How long it has run, while it is known to run: a node that is silent
    /// or offline reads "—" (its uptime went on counting while it was offline).
    @Sendable private static func uptime(_ cell: NodeCell) -> (String, TextStyle) {
        if cell.health.isDown { return ("—", TextStyle(role: .dim)) }
        return (Fmt.age(cell.node.startedAt, now: cell.now, absolute: cell.absoluteTimes), plain)
    }

    /// `3`, `7 flapping`, or `—` without history.
    @Sendable private static func restarts(_ r: NodeCell) -> (String, TextStyle) {
        guard let history = r.history else { return ("—", plain) }
        if history.flapping { return ("\(history.restarts) flapping", TextStyle(role: .warning, bold: true)) }
        return (String(history.restarts), history.restarts > 0 ? TextStyle(role: .warning) : plain)
    }

    private static let plain = TextStyle(role: .normal)
    /// The columns drawn from the recorded history (issue 22).
    package static let fromHistory: Set<String> = ["restarts", "history"]

    /// `node-a ★◆`, with a warning mark on a name that does not name one node.
    @Sendable private static func name(_ r: NodeCell) -> (String, TextStyle) {
        var marks = ""
        if r.isThisNode { marks += r.glyphs.thisNode }
        if r.isDefaultNode { marks += r.glyphs.defaultNode }
        if r.nameProblem { marks += (marks.isEmpty ? "" : " ") + r.glyphs.warning }
        let style = r.nameProblem ? TextStyle(role: .warning) : (r.health == .ghost ? r.healthStyle : plain)
        return (r.node.name + (marks.isEmpty ? "" : " " + marks), style)
    }

    /// `node-a (this, default)` for the CLI.
    @Sendable private static func plainName(_ r: NodeCell) -> String {
        var marks: [String] = []
        if r.isThisNode { marks.append("this") }
        if r.isDefaultNode { marks.append("default") }
        if r.nameProblem { marks.append("ambiguous name") }
        return marks.isEmpty ? r.node.name : "\(r.node.name) (\(marks.joined(separator: ", ")))"
    }

    /// The heartbeat age on the node's own clock as judged (issue 20), `+5s`
    /// for a beat in the future, and `?` after an age whose data is not in yet.
    @Sendable static func beat(_ r: NodeCell) -> String {
        guard !r.absoluteTimes, let beat = r.node.lastHeartbeatAt else {
            return Fmt.age(r.node.lastHeartbeatAt, now: r.now, absolute: r.absoluteTimes)
        }
        let age = r.now.timeIntervalSince(beat) - r.clockLag
        if r.health == .ahead { return "+" + AgeFormat.compact(max(0, -age)) }
        return AgeFormat.compact(max(0, age)) + (r.health == .waiting ? "?" : "")
    }
}
