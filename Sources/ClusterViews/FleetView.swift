import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The fleet screen (`F`, issue 23): one row per context of the config
/// file — its state with the cause, nodes by health, instances at risk,
/// unacknowledged alerts, versions, clock skew, latency and last good poll.
/// A row that needs an eye is coloured; one never heard from shows "-",
/// never zeros. Columns drop by priority on narrow screens.
package enum FleetView {
    static let columns = [
        WallColumn(id: "glyph", title: "", width: 1, priority: 100),
        WallColumn(id: "name", title: "CONTEXT", width: 0, priority: 99, flexible: true),
        WallColumn(id: "state", title: "STATE", width: 15, priority: 98),
        WallColumn(id: "nodes", title: "NODES", width: 5, rightAligned: true, priority: 70),
        WallColumn(id: "ok", title: "OK", width: 4, rightAligned: true, priority: 80),
        WallColumn(id: "late", title: "LATE", width: 4, rightAligned: true, priority: 90),
        WallColumn(id: "silent", title: "SILENT", width: 6, rightAligned: true, priority: 91),
        WallColumn(id: "offline", title: "OFFLINE", width: 7, rightAligned: true, priority: 89),
        WallColumn(id: "draining", title: "DRAIN", width: 5, rightAligned: true, priority: 60),
        WallColumn(id: "ghosts", title: "GHOSTS", width: 6, rightAligned: true, priority: 30),
        WallColumn(id: "risk", title: "AT RISK", width: 7, rightAligned: true, priority: 92),
        WallColumn(id: "alerts", title: "ALERTS", width: 6, rightAligned: true, priority: 85),
        WallColumn(id: "versions", title: "VERSIONS", width: 16, priority: 40),
        WallColumn(id: "skew", title: "SKEW", width: 5, rightAligned: true, priority: 35),
        WallColumn(id: "latency", title: "LATENCY", width: 7, rightAligned: true, priority: 45),
        WallColumn(id: "last", title: "LAST GOOD", width: 9, rightAligned: true, priority: 50),
        // Last to appear, first to go: the name is what operators know a cluster by.
        WallColumn(id: "url", title: "URL", width: 32, priority: 20),
    ]

    package static func draw(_ state: AppState, _ list: FleetList, into screen: inout Screen, glyphs: Glyphs) {
        let rows = FleetRows.make(state)
        let problems = rows.filter(\.hasProblem).count
        // The keys are in the key bar (the fleet screen owns it): the title says only the fleet's state.
        let title = " Fleet: \(rows.count) contexts · " + (problems == 0 ? "all clear" : "\(problems) with problems")
        let end = FullScreenList.draw(
            title: title, titleRole: problems == 0 ? .ok : .warning, columns: columns, maxFlex: 24, count: rows.count,
            selected: list.selected, into: &screen) { index, column in cell(column.id, rows[index], state: state, glyphs: glyphs) }
        let bottom = max(1, screen.height - 1)
        guard rows.indices.contains(list.selected), end + 1 < bottom else { return }
        let row = rows[list.selected]
        if let error = row.state.error {
            screen.put(" \(row.name): " + TextSanitizer.excerpt(error.description, limit: 200),
                       x: 0, y: end + 1, maxWidth: screen.width, style: TextStyle(role: .error))
        } else if row.isProtected {
            screen.put(" \(glyphs.protected) \(row.name) is protected: a write there waits until its name is typed",
                       x: 0, y: end + 1, maxWidth: screen.width, style: TextStyle(role: .dim))
        }
    }

    /// One cell's text and colour role.
    static func cell(_ id: String, _ row: FleetRow, state: AppState, glyphs: Glyphs) -> (String, StyleRole) {
        let n = row.figures?.nodes
        func count(_ value: Int?, _ bad: StyleRole) -> (String, StyleRole) {
            guard let value else { return ("-", .dim) }
            return (String(value), value > 0 ? bad : .dim)
        }
        switch id {
        case "glyph": return glyph(row, glyphs)
        case "name":
            // A protected context (production) says so here too, not only once opened.
            let text = row.markedName(glyphs) + (row.isCurrent ? " " + glyphs.thisNode : "")
            return (text, row.color.flatMap(StyleRole.context) ?? .normal)
        case "state": return stateText(row, now: state.now)
        case "nodes": return (n.map { String($0.total) } ?? "-", .normal)
        case "ok": return (n.map { String($0.online) } ?? "-", .ok)
        case "late": return count(n?.late, .late)
        case "silent": return count(n?.stale, .stale)
        case "offline": return count(n?.offline, .offline)
        case "draining": return count(n?.draining, .draining)
        case "ghosts": return count(n?.ghosts, .dim)
        case "risk":
            guard let risk = row.atRisk else { return ("-", .dim) }
            return ((row.atRiskIsFull ? "" : glyphs.atLeast) + String(risk), risk > 0 ? .risk : .dim)
        case "alerts": return count(row.alerts, .warning)
        case "versions":
            guard let versions = row.figures?.versions, !versions.isEmpty else { return ("-", .dim) }
            if versions.count == 1 { return (versions[0].version, .normal) }
            return (versions.map { "\($0.version)×\($0.count)" }.joined(separator: " "), .warning)
        case "skew":
            guard let skew = row.clockSkew, abs(skew) >= 2 else { return (row.clockSkew == nil ? "-" : "0", .dim) }
            return (String(format: "%+.0fs", skew), .warning)
        case "latency": return (row.latency.map { String(format: "%.0fms", $0 * 1000) } ?? "-", .dim)
        case "url": return (TextSanitizer.visible(row.url), .dim)
        default: return (row.lastGood.map { Fmt.age($0, now: state.now, absolute: state.absoluteTimes) } ?? "never", .dim)
        }
    }

    private static func glyph(_ row: FleetRow, _ glyphs: Glyphs) -> (String, StyleRole) {
        switch row.state {
        case .connecting: return (glyphs.waiting, .dim)
        case .down: return (glyphs.offline, .error)
        case .stale: return (glyphs.stale, .stale)
        case .live: return row.hasProblem ? (glyphs.warning, .warning) : (glyphs.ok, .ok)
        }
    }

    private static func stateText(_ row: FleetRow, now: Date) -> (String, StyleRole) {
        switch row.state {
        case .connecting: return ("connecting…", .dim)
        case .live: return ("live", .ok)
        case .stale(let since, _): return ("stale " + Fmt.age(since, now: now, absolute: false), .stale)
        case .down(let error): return (ContextState.cause(error), .error)
        }
    }
}
