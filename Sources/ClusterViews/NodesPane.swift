import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The nodes table: status glyph, name with this/default marks, role,
/// status, heartbeat age coloured by health, uptime, version (skew
/// highlighted), host, pid, url, tags and instances bound. Live first.
package enum NodesPane {
    package static let columns: [ColumnSpec] = [
        ColumnSpec(title: "", minWidth: 1, maxWidth: 1, priority: 100),
        ColumnSpec(title: "NAME", minWidth: 10, maxWidth: 40, priority: 99, identifying: true),
        ColumnSpec(title: "ROLE", minWidth: 4, maxWidth: 6, priority: 40),
        ColumnSpec(title: "STATUS", minWidth: 8, maxWidth: 9, priority: 90),
        ColumnSpec(title: "HEARTBEAT", minWidth: 6, maxWidth: 10, priority: 95, rightAligned: true, shortTitle: "BEAT"),
        ColumnSpec(title: "UPTIME", minWidth: 6, maxWidth: 10, priority: 30, rightAligned: true, shortTitle: "UP"),
        ColumnSpec(title: "VERSION", minWidth: 7, maxWidth: 14, priority: 60, shortTitle: "VER"),
        ColumnSpec(title: "HOST", minWidth: 8, maxWidth: 32, priority: 20),
        ColumnSpec(title: "PID", minWidth: 5, maxWidth: 8, priority: 10, rightAligned: true),
        ColumnSpec(title: "URL", minWidth: 10, maxWidth: 40, priority: 5),
        ColumnSpec(title: "TAGS", minWidth: 6, maxWidth: 24, priority: 4),
        ColumnSpec(title: "BOUND", minWidth: 5, maxWidth: 7, priority: 70, rightAligned: true, shortTitle: "#"),
    ]

    package static func draw(_ state: AppState, into screen: inout Screen, layout: Layout, glyphs: Glyphs) {
        guard let snapshot = state.snapshot else { return }
        let nodes = state.derived.nodes
        let now = state.observedAt
        let summary = state.derived.nodeSummary
        var title = " Nodes \(nodes.count)"
        if state.nodeFilter.isActive { title += " match /\(state.nodeFilter.text)" }
        if state.derived.hiddenGhosts > 0 { title += " (+\(state.derived.hiddenGhosts) ghosts folded: g)" }
        else if state.showGhosts { title += " (ghosts shown: g)" }
        title += "  sort: \(state.nodeSort.map { $0.column.rawValue } ?? "live first")"
        let sortIndex = state.nodeSort.map { sortColumnIndex($0.column) }
        let table = TableView(
            columns: columns, title: title, focused: state.focus == .nodes, rowCount: nodes.count,
            cursor: state.nodeCursor, sortColumn: sortIndex, sortAscending: state.nodeSort?.ascending ?? true, glyphs: glyphs,
            dimmed: state.isStale,
            highlighted: state.recentChanges.nodes.isEmpty ? nil : { [changes = state.recentChanges, clock = state.now] in
                changes.isChanged(node: nodes[$0].name, now: clock)
            }
        )
        table.draw(into: &screen, top: layout.nodesTop, rows: layout.nodeRows, width: screen.width) { row, column in
            let node = nodes[row]
            // Computed once per change in `derived`, never per cell.
            let health = state.derived.healthSignature[node.name] ?? node.health(now: now, thresholds: state.thresholds)
            return cell(node, column, health: health, snapshot: snapshot, summary: summary, state: state, glyphs: glyphs)
        }
    }

    private static func sortColumnIndex(_ column: NodeColumn) -> Int {
        switch column {
        case .status: 3
        case .name: 1
        case .role: 2
        case .heartbeat: 4
        case .uptime: 5
        case .version: 6
        case .hostname: 7
        case .pid: 8
        case .url: 9
        case .tags: 10
        case .bound: 11
        }
    }

    /// The heartbeat age on the node's own clock as judged (issue 20), `+5s`
    /// for a beat in the future, and `?` after an age whose data is not in yet.
    private static func beatText(_ node: Node, health: HeartbeatHealth, now: Date, state: AppState) -> String {
        guard !state.absoluteTimes, let beat = node.lastHeartbeatAt else {
            return Fmt.age(node.lastHeartbeatAt, now: now, absolute: state.absoluteTimes)
        }
        let age = now.timeIntervalSince(beat) - state.thresholds.clockLag(of: node.name)
        if health == .ahead { return "+" + AgeFormat.compact(max(0, -age)) }
        return AgeFormat.compact(max(0, age)) + (health == .waiting ? "?" : "")
    }

    // swiftlint:disable:next function_parameter_count
    private static func cell(
        _ node: Node, _ column: Int, health: HeartbeatHealth, snapshot: ClusterSnapshot,
        summary: NodeSummary?, state: AppState, glyphs: Glyphs
    ) -> (String, TextStyle) {
        let now = state.observedAt
        let plain = TextStyle(role: .normal)
        let healthStyle = TextStyle(role: Roles.health(health))
        switch column {
        case 0: return (glyphs.health(health), healthStyle)
        case 1:
            var marks = ""
            if node.name == snapshot.thisNodeName { marks += glyphs.thisNode }
            if node.name == snapshot.defaultNodeName { marks += glyphs.defaultNode }
            // Issue 20: a name listed twice does not name one node; say so on its rows.
            if snapshot.nameProblems.excludes(node.name) { marks += (marks.isEmpty ? "" : " ") + glyphs.warning }
            let style = snapshot.nameProblems.excludes(node.name) ? TextStyle(role: .warning) : (health == .ghost ? healthStyle : plain)
            return (node.name + (marks.isEmpty ? "" : " " + marks), style)
        case 2: return (node.role.rawValue, plain)
        case 3: return (node.status.rawValue, healthStyle)
        case 4: return (beatText(node, health: health, now: now, state: state), healthStyle)
        case 5: return (Fmt.age(node.startedAt, now: now, absolute: state.absoluteTimes), plain)
        case 6:
            let skewed = summary?.isSkewed(node) ?? false
            return (node.version ?? "—", skewed ? TextStyle(role: .warning, bold: true) : plain)
        case 7: return (node.hostname ?? "—", plain)
        case 8: return (node.pid.map(String.init) ?? "—", plain)
        case 9: return (node.url ?? "—", plain)
        case 10: return (node.tags.joined(separator: ","), plain)
        default: return (Fmt.count(snapshot.boundCount[node.name] ?? 0), plain)
        }
    }
}
