import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The two header lines: where we are connected and how fresh the data is
/// (line 1), and the counts an operator scans first (line 2).
package enum HeaderView {
    package static func draw(_ state: AppState, into screen: inout Screen, glyphs: Glyphs) {
        let width = screen.width
        let base = TextStyle(role: .header)
        screen.fill(x: 0, y: 0, width: width, height: 2, style: base)
        var x = 0
        // A segment is drawn whole or not at all (issue 11: no cut words),
        // except the context label, which may be cut to fit.
        func seg(_ text: String, _ style: TextStyle = TextStyle(role: .header), gap: Bool = true, cuttable: Bool = false) {
            guard x < width, cuttable || DisplayWidth.of(text) <= width - x else { return }
            x += screen.put(text, x: x, y: 0, maxWidth: width - x, style: style)
            if gap && x < width { x += screen.put("  ", x: x, y: 0, maxWidth: width - x, style: base) }
        }
        seg("ClusterTUI", TextStyle(role: .header, bold: true))
        if state.config.wallboard { seg(" WALLBOARD ", TextStyle(role: .badge, bold: true)) }
        else if state.config.readOnly { seg(" READ-ONLY ", TextStyle(role: .badge, bold: true)) }
        // Issue 20: the stderr warning is gone once curses owns the screen; this stays.
        if state.config.insecure { seg(" INSECURE TLS ", TextStyle(role: .error, bold: true, reverse: true)) }
        // Issue 23: a protected context (production) is never mistaken for another.
        if state.config.isProtected { seg(" PROTECTED ", TextStyle(role: .error, bold: true, reverse: true)) }
        let (connText, connRole) = connection(state, glyphs: glyphs)
        seg(connText, TextStyle(role: connRole, bold: true))
        if let (text, role) = alerts(state, glyphs: glyphs) { seg(text, TextStyle(role: role, bold: true, reverse: true)) }
        // Issue 23: a context with a colour shows its name as a badge of that colour.
        if let colour = state.config.contexts.first(where: { $0.name == state.config.currentContext })?.color,
           let role = StyleRole.context(colour) {
            seg(" \(state.config.label) ", TextStyle(role: role, bold: true), cuttable: true)
        } else {
            seg(state.config.label, cuttable: true)
        }
        if let snapshot = state.snapshot {
            seg("this \(glyphs.thisNode)\(snapshot.thisNodeName)")
            seg("default \(glyphs.defaultNode)\(snapshot.defaultNodeName)")
        }
        if abs(state.clockSkew) >= 2 {
            let sign = state.clockSkew > 0 ? "+" : "-"
            seg("skew \(sign)\(AgeFormat.compact(abs(state.clockSkew)))", TextStyle(role: .warning))
        }
        drawCounts(state, into: &screen, glyphs: glyphs)
    }

    /// ` ⚠ 2 critical · 1 warning ` while loud alerts stand (issue 21), else nothing.
    static func alerts(_ state: AppState, glyphs: Glyphs) -> (String, StyleRole)? {
        let loud = state.loudAlerts
        guard !loud.isEmpty else { return nil }
        let parts = AlertSeverity.allCases.reversed().compactMap { s in loud[s].map { "\($0) \(s.word)" } }
        return (" \(glyphs.warning) " + parts.joined(separator: " · ") + " ", (loud[.critical] ?? 0) > 0 ? .error : .warning)
    }

    /// "● live 12ms 1s ago", "connecting…", or "✕ 3 failures, data 45s old, retrying in 8s".
    package static func connection(_ state: AppState, glyphs: Glyphs) -> (String, StyleRole) {
        let poll = state.overviewPoll
        guard let last = poll.lastSuccess else {
            // Why is the second line's, which has the width for it (at 80 columns this one had not).
            if poll.lastError != nil { return ("\(glyphs.offline) no data (retry \(poll.retryIn(state.now))s)", .error) }
            return ("connecting…", .notice)
        }
        let age = AgeFormat.compact(state.now.timeIntervalSince(last))
        if poll.lastError != nil || state.isStale {
            // The banner under the header says why and when it retries.
            return ("\(glyphs.offline) STALE \(age)", .error)
        }
        if let waited = state.slowPoll {
            // Issue 20: not "live" while the newest data is older than a poll should make it.
            return ("\(glyphs.late) poll slow \(AgeFormat.compact(waited)), data \(age) old", .late)
        }
        return ("\(glyphs.ok) live \(Fmt.latency(poll.lastLatency)) \(age) ago", .ok)
    }


    /// Names that do not name one node: listed twice, or not valid UTF-8.
    private static func nameProblemPieces(_ problems: NodeNameProblems, bar: String, glyphs: Glyphs) -> [(String, StyleRole, Bool)] {
        var pieces: [(String, StyleRole, Bool)] = [(bar, .header, false)]
        if let name = problems.duplicated.first {
            let more = problems.duplicated.count > 1 ? " +\(problems.duplicated.count - 1)" : ""
            pieces.append(("\(glyphs.warning) name listed twice: \(name)\(more) ", .warning, true))
        }
        if !problems.undecodable.isEmpty {
            pieces.append(("\(glyphs.warning) \(problems.undecodable.count) node name(s) not valid UTF-8 ", .warning, true))
        }
        return pieces
    }

    /// "Nodes ●4 ok", then one group per state that has nodes, worst last but ghosts.
    private static func nodeGroups(_ nodes: NodeSummary, glyphs: Glyphs) -> [[(String, StyleRole, Bool)]] {
        var groups: [[(String, StyleRole, Bool)]] = [[("Nodes ", .header, true), ("\(glyphs.ok)\(nodes.online) ok ", nodes.online > 0 ? .ok : .header, false)]]
        let states: [(Int, String, String, StyleRole)] = [
            (nodes.waiting, glyphs.waiting, "waiting for data", .dim), (nodes.ahead, glyphs.ahead, "clock ahead", .warning),
            (nodes.late, glyphs.late, "late", .late), (nodes.stale, glyphs.stale, "silent", .stale),
            (nodes.draining, glyphs.draining, "draining", .draining), (nodes.offline, glyphs.offline, "offline", .offline),
            (nodes.ghosts, "+", "ghosts", .ghost),
        ]
        for (count, glyph, word, role) in states where count > 0 { groups.append([("\(glyph)\(count) \(word) ", role, false)]) }
        return groups
    }

    /// A cluster that never answered: the reason on the second line, at
    /// any width, not "waiting", which read as loading for ever.
    private static func drawNeverAnswered(_ error: ClusterError, into screen: inout Screen, glyphs: Glyphs) {
        let lead = "\(glyphs.offline) "
        let reason = lead + ErrorExcerpt.short(error, limit: max(20, screen.width - DisplayWidth.of(lead)))
        screen.put(reason, x: 0, y: 1, maxWidth: screen.width, style: TextStyle(role: .error, bold: true))
    }

    private static func drawCounts(_ state: AppState, into screen: inout Screen, glyphs: Glyphs) {
        let width = screen.width
        var x = 0
        // Counts of the last known cluster are drawn dimmed: not live.
        let dim = state.isStale
        /// Draws the pieces of one group whole, or none of them: no cut
        /// words and no separator left dangling (issue 11). Once a group
        /// does not fit, no later one is drawn: a shorter count further on
        /// must not stand in for a missing one. A `detail` group (explicit and
        /// default counts) is left out alone: the version skew after it is no count.
        var full = false
        @discardableResult
        func group(_ pieces: [(String, StyleRole, Bool)], detail: Bool = false) -> Bool {
            let total = pieces.reduce(0) { $0 + DisplayWidth.of($1.0) }
            guard !full, x < width, total <= width - x else { full = full || !detail; return false }
            for (text, role, bold) in pieces {
                x += screen.put(text, x: x, y: 1, maxWidth: width - x, style: TextStyle(role: role, bold: bold, dim: dim))
            }
            return true
        }
        guard let nodes = state.derived.nodeSummary else {
            if let error = state.overviewPoll.lastError { drawNeverAnswered(error, into: &screen, glyphs: glyphs) }
            else { group([("waiting for the first overview…", .header, false)]) }
            return
        }
        for pieces in nodeGroups(nodes, glyphs: glyphs) { group(pieces) }
        let bar = "\(glyphs.separator) "
        // Issue 20: names that do not name one node are said, before the instance counts they distort.
        if let problems = state.snapshot?.nameProblems, !problems.isEmpty { group(nameProblemPieces(problems, bar: bar, glyphs: glyphs)) }
        if state.snapshot?.instancesKnown == true, let inst = state.derived.instanceSummary {
            // At risk first: on a narrow screen it is the count that must show, alone if need be
            // (after a long node line it was dropped with the instance count it followed).
            let risk: (String, StyleRole, Bool) = ("\(Fmt.count(inst.atRisk)) at risk ", inst.atRisk > 0 ? .risk : .header, inst.atRisk > 0)
            if group([(bar, .header, false), ("Instances \(Fmt.count(inst.total)) ", .header, true), ("· " + risk.0, risk.1, risk.2)],
                     detail: true) {
                group([("· \(Fmt.count(inst.explicit)) explicit · \(Fmt.count(inst.defaulted)) default ", .header, false)], detail: true)
            } else {
                group([(bar, .header, false), risk])
            }
        } else if state.instancesPoll.lastError != nil {
            group([(bar, .header, false), ("Instances ✕ not read ", .error, true)])
        } else {
            group([(bar, .header, false), ("Instances loading… ", .header, false)])
        }
        // Version skew comes after the counts: they matter more on a narrow screen.
        if nodes.hasVersionSkew { group(VersionList.pieces(nodes.versions, room: width - x, bar: bar, glyphs: glyphs)) }
        // Issue 22: the last hour's trend, when the width allows (after everything else).
        if let trend = state.history?.trend, trend.contains(where: { $0 != nil }) {
            // `--accessible`: the newest numbers without the sparklines.
            let (problems, risk) = TrendText.series(trend, cells: state.config.accessible ? 0 : 20, glyphs: glyphs)
            group([(bar, .header, false), ("1h ", .dim, false), ("late/down ", .late, false), (problems + " ", .late, false),
                   ("at risk ", .risk, false), (risk + " ", .risk, false)])
        }
    }
}

/// How many of the running versions the header can name whole, keeping
/// room for "+N more" when some are left out.
enum VersionList {
    /// The header's version group in `room` columns: the versions that fit
    /// and "+N more", else "⚠ N versions" (a cut list read as whole).
    static func pieces(_ counts: [VersionCount], room: Int, bar: String, glyphs: Glyphs) -> [(String, StyleRole, Bool)] {
        let lead = bar + "\(glyphs.warning) versions "
        let versions = counts.map { "\($0.version)×\($0.count) " }
        let shown = fitting(versions, room: room - DisplayWidth.of(lead), most: 3)
        guard shown > 0 else { return [(bar, .header, false), ("\(glyphs.warning) \(versions.count) versions ", .warning, true)] }
        let more = shown < versions.count ? [("+\(versions.count - shown) more ", StyleRole.warning, false)] : []
        return [(bar, .header, false), ("\(glyphs.warning) versions ", .warning, true)]
            + versions.prefix(shown).map { ($0, StyleRole.warning, false) } + more
    }

    static func fitting(_ versions: [String], room: Int, most: Int) -> Int {
        var shown = 0, left = room
        while shown < min(most, versions.count) {
            let rest = versions.count - shown - 1
            let tail = rest > 0 ? DisplayWidth.of("+\(rest) more ") : 0
            let width = DisplayWidth.of(versions[shown])
            guard width + tail <= left else { break }
            left -= width
            shown += 1
        }
        return shown
    }
}
