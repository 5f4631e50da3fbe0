import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The wallboard's lists (live nodes, then at-risk instances) as lines cut
/// into pages of the height available. A page that starts inside a section
/// repeats that section's title and column header, so every page reads on
/// its own; the page shown comes from the clock (`wallboardPage`).
package enum WallboardPages {
    /// Which list a line belongs to.
    package enum Section: Sendable, Equatable { case nodes, risk }

    /// One line of a page.
    package enum Line: Sendable, Equatable {
        case title(Section, String)
        case columns(Section)
        case node(Node, HeartbeatHealth)
        case risk(WallboardRiskRow)
        case note(String, StyleRole)
        case blank
    }

    /// The nodes that need an eye (late, silent, offline, clock ahead,
    /// waiting for data), pinned above every page (issue 23: the one dead
    /// node of 60 appeared only on the last page). At most half of `rows`:
    /// the rest of them lead the paged list.
    package static func pinned(_ state: AppState, rows: Int) -> (lines: [Line], names: Set<String>) {
        let now = state.observedAt
        let problems = state.wallboardNodes.compactMap { node -> (Node, HeartbeatHealth)? in
            let health = node.health(now: now, thresholds: state.thresholds)
            return health.isProblem ? (node, health) : nil
        }
        let room = rows / 2 - 2
        guard !problems.isEmpty, room >= 1 else { return ([], []) }
        let shown = problems.prefix(problems.count > room ? room - 1 : room)
        var lines: [Line] = [.title(.nodes, "NEEDS ATTENTION \(problems.count)"), .columns(.nodes)]
        lines += shown.map { .node($0.0, $0.1) }
        if shown.count < problems.count { lines.append(.note("+\(problems.count - shown.count) more below", .warning)) }
        return (lines, Set(shown.map(\.0.name)))
    }

    /// All lines of both sections, before cutting into pages; the nodes
    /// pinned above every page (`pinned`) are left out.
    package static func lines(_ state: AppState, leavingOut pinned: Set<String> = []) -> [Line] {
        let nodes = state.wallboardNodes
        let rest = pinned.isEmpty ? nodes : nodes.filter { !pinned.contains($0.name) }
        let title = pinned.isEmpty ? "NODES \(nodes.count) live" : "OTHER NODES \(rest.count) of \(nodes.count) live"
        var lines: [Line] = [.title(.nodes, title), .columns(.nodes)]
        let now = state.observedAt
        for node in rest {
            lines.append(.node(node, node.health(now: now, thresholds: state.thresholds)))
        }
        if nodes.isEmpty { lines.append(.note("no live node", .error)) }
        lines.append(.blank)
        guard state.snapshot?.instancesKnown == true else {
            lines.append(.title(.risk, "AT RISK"))
            let failed = state.instancesPoll.lastError != nil
            lines.append(.note(failed ? "instance list not read (retrying)" : "instances loading…", failed ? .error : .dim))
            return lines
        }
        let risks = state.wallboardRiskRows
        lines.append(.title(.risk, "AT RISK \(Fmt.count(risks.count))"))
        if risks.isEmpty {
            lines.append(.note("no instance at risk", .ok))
        } else {
            lines.append(.columns(.risk))
            lines += risks.map { .risk($0) }
        }
        return lines
    }

    /// Cuts `lines` into pages of at most `rows` lines (at least one page).
    /// A title or column header never ends a page: it moves to the next one
    /// together with the first line it introduces.
    package static func paginate(_ lines: [Line], rows: Int) -> [[Line]] {
        guard rows > 0 else { return [[]] }
        var pages: [[Line]] = []
        var page: [Line] = []
        var title: [Section: Line] = [:]
        for (i, line) in lines.enumerated() {
            if case .title(let section, _) = line { title[section] = line }
            let keep = keptTogether(lines, from: i)
            if page.count >= rows || (!page.isEmpty && page.count + keep > rows && keep <= rows) {
                pages.append(page)
                page = continuation(for: line, titles: title, rows: rows)
            }
            // A blank never starts a page.
            if page.isEmpty, line == .blank { continue }
            page.append(line)
        }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
        return pages
    }

    /// Lines from `index` through the first one that is not a heading (1 for a body line).
    private static func keptTogether(_ lines: [Line], from index: Int) -> Int {
        var n = 0
        for line in lines[index...] {
            n += 1
            switch line {
            case .title, .columns: continue
            default: return n
            }
        }
        return n
    }

    /// The headers a page repeats when it starts inside a section.
    private static func continuation(for line: Line, titles: [Section: Line], rows: Int) -> [Line] {
        let section: Section
        switch line {
        case .node: section = .nodes
        case .risk: section = .risk
        default: return []
        }
        guard rows >= 3, case .title(_, let text)? = titles[section] else { return [] }
        return [.title(section, text + " (cont.)"), .columns(section)]
    }

    // MARK: - Drawing

    package static let nodeColumns = [
        WallColumn(id: "glyph", title: "", width: 1, priority: 100),
        WallColumn(id: "name", title: "NAME", width: 0, priority: 99, flexible: true),
        WallColumn(id: "status", title: "STATUS", width: 9, priority: 80),
        WallColumn(id: "age", title: "HEARTBEAT", width: 9, rightAligned: true, priority: 90),
        WallColumn(id: "version", title: "VERSION", width: 12, priority: 60),
    ]

    package static let riskColumns = [
        WallColumn(id: "type", title: "TYPE", width: 9, priority: 40),
        WallColumn(id: "name", title: "NAME", width: 0, priority: 99, flexible: true),
        WallColumn(id: "node", title: "NODE", width: 18, priority: 70),
        WallColumn(id: "risk", title: "RISK", width: 14, priority: 95),
    ]

    /// Draws one page from row `top`.
    package static func draw(_ page: [Line], top: Int, state: AppState, glyphs: Glyphs, into screen: inout Screen) {
        let nodes = WallColumn.fit(nodeColumns, width: screen.width)
        let risks = WallColumn.fit(riskColumns, width: screen.width)
        for (i, line) in page.enumerated() {
            let y = top + i
            switch line {
            case .title(_, let text):
                let style = TextStyle(role: .title, bold: true)
                screen.put(text, x: 0, y: y, style: style)
            case .columns(let section):
                for column in section == .nodes ? nodes : risks {
                    column.draw(column.title, y: y, style: TextStyle(role: .columnHeader, bold: true), into: &screen)
                }
            case .node(let node, let health):
                drawNode(node, health: health, columns: nodes, y: y, state: state, glyphs: glyphs, into: &screen)
            case .risk(let row):
                drawRisk(row, columns: risks, y: y, glyphs: glyphs, into: &screen)
            case .note(let text, let role):
                screen.put("  " + text, x: 0, y: y, style: TextStyle(role: role))
            case .blank:
                continue
            }
        }
    }

    // swiftlint:disable:next function_parameter_count
    private static func drawNode(
        _ node: Node, health: HeartbeatHealth, columns: [WallColumn], y: Int, state: AppState, glyphs: Glyphs,
        into screen: inout Screen
    ) {
        let healthStyle = TextStyle(role: Roles.health(health), bold: true)
        for column in columns {
            switch column.id {
            case "glyph": column.draw(glyphs.health(health), y: y, style: healthStyle, into: &screen)
            case "name":
                var marks = ""
                if node.name == state.snapshot?.thisNodeName { marks += glyphs.thisNode }
                if node.name == state.snapshot?.defaultNodeName { marks += glyphs.defaultNode }
                column.draw(node.name + (marks.isEmpty ? "" : " " + marks), y: y, style: TextStyle(role: .normal, bold: true), into: &screen)
            // What the heartbeat says when it is not fine ("silent", "late"), else the registry's status.
            case "status": column.draw(health == .ok ? node.status.rawValue : health.label, y: y, style: healthStyle, into: &screen)
            case "age":
                column.draw(Fmt.age(node.lastHeartbeatAt, now: state.observedAt, absolute: false), y: y, style: healthStyle, into: &screen)
            default:
                let skewed = state.derived.nodeSummary?.isSkewed(node) ?? false
                column.draw(node.version ?? "—", y: y, style: skewed ? TextStyle(role: .warning, bold: true) : .plain, into: &screen)
            }
        }
    }

    private static func drawRisk(_ row: WallboardRiskRow, columns: [WallColumn], y: Int, glyphs: Glyphs, into screen: inout Screen) {
        for column in columns {
            switch column.id {
            case "type": column.draw(row.type, y: y, style: TextStyle(role: .accent), into: &screen)
            case "name": column.draw(row.name, y: y, style: TextStyle(role: .normal, bold: true), into: &screen)
            case "node":
                let style = row.nodeHealth.map { TextStyle(role: Roles.health($0)) } ?? TextStyle(role: .risk)
                column.draw(row.node.isEmpty ? "(none)" : row.node, y: y, style: style, into: &screen)
            default:
                column.draw(glyphs.warning + " " + row.risk.label, y: y, style: TextStyle(role: .risk, bold: true), into: &screen)
            }
        }
    }
}
