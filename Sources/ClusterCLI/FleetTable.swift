import ClusterModel
import Foundation

/// `get fleet`'s table and JSON: the fleet screen's words and counts.
enum FleetTable {
    static func render(_ rows: [FleetRowResult], _ format: GetCommand.Format) throws -> String {
        if format == .json { return try StableJSON.encode(rows.map(FleetJSON.init)) + "\n" }
        let wide = format == .wide
        var table = TextTable(["CONTEXT", "STATE", "NODES", "OK", "LATE", "SILENT", "OFFLINE", "DRAINING", "GHOSTS",
                               "AT RISK", "VERSIONS", "LATENCY"] + (wide ? ["CLOCK SKEW", "URL", "CAUSE"] : []))
        for row in rows {
            let n = row.figures?.nodes
            func count(_ value: Int?) -> String { value.map(String.init) ?? "-" }
            var cells = [
                TextSanitizer.visible(row.context), row.state.word, count(n?.total), count(n?.online), count(n?.late),
                count(n?.stale), count(n?.offline), count(n?.draining), count(n?.ghosts),
                row.figures.map { "≥\($0.atRiskFromOverview)" } ?? "-",
                row.figures.map { versions($0.versions) } ?? "-",
                row.latency.map { String(format: "%.0f ms", $0 * 1000) } ?? "-",
            ]
            if wide {
                cells += [row.clockSkew.map { abs($0) < 1 ? "0 s" : String(format: "%+.0f s", $0) } ?? "-", TextSanitizer.visible(row.url),
                          row.state.error.map { TextSanitizer.excerpt($0.description, limit: 80) } ?? ""]
            }
            table.add(cells)
        }
        return table.render()
    }

    /// "0.4.1" or "0.4.1×3 0.4.0×1" when the live nodes disagree.
    static func versions(_ versions: [VersionCount]) -> String {
        guard versions.count > 1 else { return versions.first.map { TextSanitizer.visible($0.version) } ?? "-" }
        return versions.map { "\(TextSanitizer.visible($0.version))×\($0.count)" }.joined(separator: " ")
    }
}

/// One context in `get fleet -o json`.
struct FleetJSON: Encodable {
    var context: String
    var url: String
    var state: String
    var error: String?
    var nodes: [String: Int]?
    var atRiskFromOverview: Int?
    var versions: [String: Int]?
    var versionSkew: Bool?
    var clockSkewSeconds: Double?
    var latencyMs: Double?
    /// Writes to it wait for its name (`protected = true`).
    var protected: Bool

    init(_ row: FleetRowResult) {
        context = row.context
        url = row.url
        state = row.state.word
        protected = row.isProtected
        error = row.state.error.map { TextSanitizer.excerpt($0.description, limit: 200) }
        if let f = row.figures {
            let n = f.nodes
            nodes = ["total": n.total, "ok": n.online, "late": n.late, "silent": n.stale, "offline": n.offline,
                     "draining": n.draining, "ghosts": n.ghosts, "waiting": n.waiting, "clockAhead": n.ahead]
            atRiskFromOverview = f.atRiskFromOverview
            versions = Dictionary(f.versions.map { ($0.version, $0.count) }, uniquingKeysWith: +)
            versionSkew = f.nodes.hasVersionSkew
        }
        clockSkewSeconds = row.clockSkew.map { ($0 * 10).rounded() / 10 }
        latencyMs = row.latency.map { ($0 * 10_000).rounded() / 10 }
    }
}
