import ClusterModel
import Foundation

/// The two header lines: where we are connected and how fresh the data is
/// (line 1), and the counts an operator scans first (line 2).
enum HeaderView {
    static func draw(_ state: AppState, into screen: inout Screen, glyphs: Glyphs) {
        let width = screen.width
        let base = TextStyle(role: .header)
        screen.fill(x: 0, y: 0, width: width, height: 2, style: base)
        var x = 0
        func seg(_ text: String, _ style: TextStyle = TextStyle(role: .header), gap: Bool = true) {
            guard x < width else { return }
            x += screen.put(text, x: x, y: 0, maxWidth: width - x, style: style)
            if gap && x < width { x += screen.put("  ", x: x, y: 0, maxWidth: width - x, style: base) }
        }
        seg("ClusterTUI", TextStyle(role: .header, bold: true))
        if state.config.wallboard { seg(" WALLBOARD ", TextStyle(role: .badge, bold: true)) }
        else if state.config.readOnly { seg(" READ-ONLY ", TextStyle(role: .badge, bold: true)) }
        let (connText, connRole) = connection(state, glyphs: glyphs)
        seg(connText, TextStyle(role: connRole, bold: true))
        seg(state.config.label)
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

    /// "● live 12ms 1s ago", "connecting…", or "✕ 3 failures, data 45s old, retrying in 8s".
    static func connection(_ state: AppState, glyphs: Glyphs) -> (String, StyleRole) {
        let poll = state.overviewPoll
        guard let last = poll.lastSuccess else {
            if let error = poll.lastError { return ("\(glyphs.offline) \(short(error)) (retry \(poll.retryIn(state.now))s)", .error) }
            return ("connecting…", .notice)
        }
        let age = AgeFormat.compact(state.now.timeIntervalSince(last))
        if poll.lastError != nil {
            // The banner under the header says why and when it retries.
            return ("\(glyphs.offline) STALE \(age)", .error)
        }
        return ("\(glyphs.ok) live \(Fmt.latency(poll.lastLatency)) \(age) ago", .ok)
    }

    private static func short(_ error: ClusterError) -> String { ErrorExcerpt.short(error) }

    private static func drawCounts(_ state: AppState, into screen: inout Screen, glyphs: Glyphs) {
        let width = screen.width
        var x = 0
        // Counts of the last known cluster are drawn dimmed: not live.
        let dim = state.isStale
        func seg(_ text: String, _ role: StyleRole, bold: Bool = false) {
            guard x < width else { return }
            x += screen.put(text, x: x, y: 1, maxWidth: width - x, style: TextStyle(role: role, bold: bold, dim: dim))
        }
        guard let nodes = state.derived.nodeSummary else {
            seg("waiting for the first overview…", .header)
            return
        }
        seg("Nodes ", .header, bold: true)
        seg("\(glyphs.ok)\(nodes.online) ok ", nodes.online > 0 ? .ok : .header)
        if nodes.late > 0 { seg("\(glyphs.late)\(nodes.late) late ", .late) }
        if nodes.stale > 0 { seg("\(glyphs.stale)\(nodes.stale) silent ", .stale) }
        if nodes.draining > 0 { seg("\(glyphs.draining)\(nodes.draining) draining ", .draining) }
        if nodes.offline > 0 { seg("\(glyphs.offline)\(nodes.offline) offline ", .offline) }
        if nodes.ghosts > 0 { seg("+\(nodes.ghosts) ghosts ", .ghost) }
        seg("\(glyphs.separator) ", .header)
        // Version skew comes last: the counts matter more on a narrow screen.
        func versionSkew(_ nodes: NodeSummary) {
            if nodes.hasVersionSkew {
                seg("\(glyphs.separator) ", .header)
                seg("\(glyphs.warning) versions ", .warning, bold: true)
                seg(nodes.versions.prefix(3).map { "\($0.version)×\($0.count)" }.joined(separator: " ") + " ", .warning)
            }
        }
        guard state.snapshot?.instancesKnown == true, let inst = state.derived.instanceSummary else {
            seg("Instances loading… ", .header)
            versionSkew(nodes)
            return
        }
        seg("Instances \(Fmt.count(inst.total)) ", .header, bold: true)
        seg("\(Fmt.count(inst.explicit)) explicit · \(Fmt.count(inst.defaulted)) default ", .header)
        seg("· \(Fmt.count(inst.atRisk)) at risk ", inst.atRisk > 0 ? .risk : .header, bold: inst.atRisk > 0)
        versionSkew(nodes)
    }
}
