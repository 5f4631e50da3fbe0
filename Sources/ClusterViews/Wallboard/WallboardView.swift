import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The big-screen view (`--wallboard`), for a TV watched from across a room.
///
/// Rows, top to bottom: a top line (name, label, page, last-update age and
/// the UTC clock), the DISCONNECTED banner while the overview poll fails,
/// the summary band (large digits), a context line (ghosts, versions,
/// instance totals), the pages of lists (live nodes, at-risk instances),
/// and a ticker of the newest events at the bottom. Every part shrinks or
/// drops out as the screen gets smaller; nothing needs a key.
///
/// While disconnected, everything under the banner is the last known data
/// and is repainted greyed (`.dim`) after drawing, so no stale colour can
/// look like a live "all green".
package enum WallboardView {
    package static func draw(_ state: AppState, into screen: inout Screen, glyphs: Glyphs) {
        guard screen.width > 0, screen.height > 0 else { return }
        var plan = WallboardPlan(state: state, width: screen.width, height: screen.height)
        guard state.snapshot != nil else {
            WallboardTopLine.draw(state, pageText: nil, into: &screen)
            WallboardConnecting.draw(state, top: min(1, screen.height), into: &screen, glyphs: glyphs)
            return
        }
        let pinned = WallboardPages.pinned(state, rows: plan.listRows)
        let lines = WallboardPages.lines(state, leavingOut: pinned.names)
        plan.growTicker(contentLines: pinned.lines.count + lines.count)
        let pageRows = max(0, plan.listRows - pinned.lines.count)
        let pages = WallboardPages.paginate(lines, rows: pageRows)
        let page = state.wallboardPage(of: pages.count)
        WallboardTopLine.draw(state, pageText: pages.count > 1 ? "page \(page + 1)/\(pages.count)" : nil, into: &screen)
        SummaryBand.draw(state.wallboardFigures, y: plan.bandTop, rows: plan.bandRows, into: &screen)
        if plan.alertRow >= 0 { WallboardAlertRow.draw(state.wallboardAlertBand, y: plan.alertRow, into: &screen, glyphs: glyphs) }
        if plan.contextRow >= 0 { drawContext(state, y: plan.contextRow, into: &screen, glyphs: glyphs) }
        if plan.listRows > 0 {
            WallboardPages.draw(pinned.lines, top: plan.listTop, state: state, glyphs: glyphs, into: &screen)
        }
        if pageRows > 0, page < pages.count {
            WallboardPages.draw(pages[page], top: plan.listTop + pinned.lines.count, state: state, glyphs: glyphs, into: &screen)
        }
        if plan.tickerRows > 0 { drawTicker(state, top: plan.tickerTop, rows: plan.tickerRows, into: &screen) }
        if state.wallboardDisconnected {
            grey(&screen, from: plan.bannerTop + plan.bannerRows)
            WallboardBanner.draw(state, top: plan.bannerTop, rows: plan.bannerRows, into: &screen)
        }
    }

    /// "1 ghost record · versions 0.4.1×2 0.4.0×1 · 4 instances, 2 explicit".
    private static func drawContext(_ state: AppState, y: Int, into screen: inout Screen, glyphs: Glyphs) {
        var parts: [(String, StyleRole)] = []
        if let nodes = state.derived.nodeSummary {
            if nodes.ghosts > 0 { parts.append(("\(nodes.ghosts) ghost record\(nodes.ghosts == 1 ? "" : "s")", .ghost)) }
            if nodes.hasVersionSkew {
                let versions = nodes.versions.prefix(3).map { "\($0.version)×\($0.count)" }.joined(separator: " ")
                parts.append(("versions " + versions, .warning))
            } else if let version = nodes.dominantVersion {
                parts.append(("version \(version)", .dim))
            }
        }
        if state.snapshot?.instancesKnown == true, let inst = state.derived.instanceSummary {
            parts.append(("\(Fmt.count(inst.total)) instances, \(Fmt.count(inst.explicit)) explicit", .dim))
        }
        // Issue 22: the last hour's trend, late or down nodes and instances at risk.
        if let trend = state.history?.trend, trend.contains(where: { $0 != nil }) {
            let series = TrendText.series(trend, cells: 30, glyphs: glyphs)
            parts.append(("last hour: late/down " + series.problems + "  at risk " + series.atRisk, .normal))
        }
        var x = 0
        for (i, part) in parts.enumerated() where x < screen.width {
            if i > 0 { x += screen.put(" · ", x: x, y: y, style: TextStyle(role: .dim)) }
            guard x < screen.width else { break }
            x += screen.put(part.0, x: x, y: y, style: TextStyle(role: part.1))
        }
    }

    /// The newest events first, one a line, under a title.
    private static func drawTicker(_ state: AppState, top: Int, rows: Int, into screen: inout Screen) {
        let titleStyle = TextStyle(role: .title, bold: true)
        screen.put("RECENT EVENTS", x: 0, y: top, style: titleStyle)
        guard rows > 1 else { return }
        let events = state.events.suffix(rows - 1).reversed()
        if events.isEmpty {
            screen.put("  no changes seen yet", x: 0, y: top + 1, style: TextStyle(role: .dim))
            return
        }
        for (i, event) in events.enumerated() {
            let y = top + 1 + i
            var x = screen.put(Fmt.clock(event.time) + "  ", x: 0, y: y, style: TextStyle(role: .dim))
            guard x < screen.width else { continue }
            x += screen.put(event.message, x: x, y: y, style: TextStyle(role: Roles.tone(event.tone)))
        }
    }

    /// Repaints every cell from row `top` down as greyed, keeping the text
    /// and reverse video (so bands stay visible as grey bars).
    static func grey(_ screen: inout Screen, from top: Int) {
        guard top < screen.height else { return }
        for y in max(0, top)..<screen.height {
            for x in 0..<screen.width {
                let old = screen[x, y].style
                screen.restyle(x: x, y: y, width: 1, style: TextStyle(role: .dim, reverse: old.reverse))
            }
        }
    }
}
