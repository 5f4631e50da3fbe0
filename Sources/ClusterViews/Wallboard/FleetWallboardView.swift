import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The fleet on a big screen (`--wallboard --fleet`, issue 23): exceptions
/// only. A tile per cluster with a problem — its name, its state with the
/// cause, the nodes in trouble, instances at risk, alerts, its last good
/// poll — in pages that cycle; below them, one line naming the clusters
/// that are fine. With nothing wrong anywhere: one big ALL CLEAR. Clusters
/// still connecting are said as such, never counted as clear.
package enum FleetWallboardView {
    static let tileWidth = 46
    static let tileHeight = 7

    package static func draw(_ state: AppState, into screen: inout Screen, glyphs: Glyphs) {
        guard screen.width > 0, screen.height > 0 else { return }
        let rows = FleetRows.make(state)
        let troubled = rows.filter { $0.hasProblem && $0.state != .connecting }
        let waiting = rows.filter { $0.state == .connecting }
        let fine = rows.filter { !$0.hasProblem }
        let columns = max(1, screen.width / (tileWidth + 1))
        let perPage = max(1, columns * max(1, (screen.height - 3) / (tileHeight + 1)))
        let pages = max(1, (troubled.count + perPage - 1) / perPage)
        let page = troubled.isEmpty ? 0 : state.wallboardPage(of: pages)
        drawTop(state, rows: rows.count, troubled: troubled.count, page: pages > 1 ? "page \(page + 1)/\(pages)" : nil, into: &screen)
        if troubled.isEmpty {
            drawClear(waiting: waiting, fine: fine, glyphs: glyphs, into: &screen)
        } else {
            for (i, row) in troubled.dropFirst(page * perPage).prefix(perPage).enumerated() {
                let x = (i % columns) * (tileWidth + 1), y = 2 + (i / columns) * (tileHeight + 1)
                drawTile(row, x: x, y: y, width: min(tileWidth, screen.width - x), state: state, glyphs: glyphs, into: &screen)
            }
        }
        let rest = (fine.isEmpty ? "" : "fine: " + fine.map { $0.markedName(glyphs) }.joined(separator: ", "))
            + (waiting.isEmpty ? "" : (fine.isEmpty ? "" : " · ") + "connecting: " + waiting.map { $0.markedName(glyphs) }.joined(separator: ", "))
        if !troubled.isEmpty, !rest.isEmpty {
            screen.put(" " + rest, x: 0, y: screen.height - 1, style: TextStyle(role: .dim))
        }
    }

    private static func drawTop(_ state: AppState, rows: Int, troubled: Int, page: String?, into screen: inout Screen) {
        screen.fill(x: 0, y: 0, width: screen.width, height: 1, style: TextStyle(role: .header))
        var text = " ClusterTUI fleet · \(rows) cluster\(rows == 1 ? "" : "s")"
        if troubled > 0 { text += " · \(troubled) with problems" }
        if let page { text += " · \(page)" }
        screen.put(text, x: 0, y: 0, style: TextStyle(role: .header, bold: true))
        let clock = Fmt.clock(state.now) + "Z "
        screen.put(clock, x: max(0, screen.width - DisplayWidth.of(clock)), y: 0, style: TextStyle(role: .header, bold: true))
    }

    /// ALL CLEAR, as large as fits; or, while some clusters have not answered yet, says so.
    private static func drawClear(waiting: [FleetRow], fine: [FleetRow], glyphs: Glyphs, into screen: inout Screen) {
        let text = waiting.isEmpty && !fine.isEmpty ? "ALL CLEAR" : "CONNECTING"
        let role: StyleRole = text == "ALL CLEAR" ? .ok : .dim
        let scale = BigText.Scale.allCases.first { BigText.width(text, scale: $0) <= screen.width - 2 && $0.height <= screen.height - 4 } ?? .plain
        let y = max(2, (screen.height - scale.height) / 2 - 1)
        BigText.draw(text, x: max(0, (screen.width - BigText.width(text, scale: scale)) / 2), y: y, scale: scale,
                     style: TextStyle(role: role, bold: true), into: &screen)
        let names = { (rows: [FleetRow]) in rows.map { $0.markedName(glyphs) }.joined(separator: ", ") }
        let below = waiting.isEmpty
            ? "\(fine.count) cluster\(fine.count == 1 ? "" : "s") live, no node in trouble, nothing at risk: " + names(fine)
            : "waiting for " + names(waiting) + (fine.isEmpty ? "" : " · fine: " + names(fine))
        let line = y + scale.height + 1
        if line < screen.height {
            screen.put(below, x: max(0, (screen.width - DisplayWidth.of(below)) / 2), y: line, style: TextStyle(role: .dim))
        }
    }

    private static func drawTile(_ row: FleetRow, x: Int, y: Int, width: Int, state: AppState, glyphs: Glyphs, into screen: inout Screen) {
        guard width > 10 else { return }
        let (word, role) = stateLine(row, now: state.now)
        screen.box(x: x, y: y, width: width, height: tileHeight, style: TextStyle(role: role, bold: true), title: row.markedName(glyphs))
        var line = y + 1
        func put(_ text: String, _ role: StyleRole, bold: Bool = false) {
            screen.put(text, x: x + 2, y: line, maxWidth: width - 4, style: TextStyle(role: role, bold: bold))
            line += 1
        }
        put(word, role, bold: true)
        if let n = row.figures?.nodes {
            let parts = [(n.late, "late"), (n.stale, "silent"), (n.offline, "offline"), (n.draining, "draining")]
                .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            put(parts.isEmpty ? "nodes: \(n.online) ok" : "nodes: " + parts.joined(separator: " · ") + " (\(n.online) ok)",
                parts.isEmpty ? .dim : .late, bold: !parts.isEmpty)
        } else {
            put("nodes: unknown (no good poll yet)", .dim)
        }
        if let risk = row.atRisk, risk > 0 { put("\(row.atRiskIsFull ? "" : glyphs.atLeast)\(risk) instance\(risk == 1 ? "" : "s") at risk", .risk, bold: true) }
        if let alerts = row.alerts, alerts > 0 { put("\(alerts) alert\(alerts == 1 ? "" : "s") firing", .warning, bold: true) }
        if line < y + tileHeight - 1 {
            put("last good poll " + (row.lastGood.map { Fmt.age($0, now: state.now, absolute: false) + " ago" } ?? "never"), .dim)
        }
    }

    /// `UNREACHABLE (no good poll)`, `STALE since 2m · TLS`, `LIVE`.
    static func stateLine(_ row: FleetRow, now: Date) -> (String, StyleRole) {
        switch row.state {
        case .connecting: return ("connecting…", .dim)
        case .live: return ("LIVE", .warning)
        case .stale(let since, let error):
            return ("STALE \(Fmt.age(since, now: now, absolute: false)) · \(ContextState.cause(error).uppercased())", .stale)
        case .down(let error): return ("\(ContextState.cause(error).uppercased()) · no good poll", .error)
        }
    }
}
