import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The problems view (`P`, issue 23): every cluster's unhealthy nodes and
/// instances at risk, most severe first, with a CONTEXT column. The open
/// cluster's rows come from its full data; the others' from their last good
/// overview and, once read for this view, their instance list (a cluster
/// never heard from has no rows, and says so).
package enum ProblemsView {
    static let columns = [
        WallColumn(id: "glyph", title: "", width: 1, priority: 100),
        WallColumn(id: "context", title: "CONTEXT", width: 14, priority: 98),
        WallColumn(id: "kind", title: "KIND", width: 8, priority: 60),
        WallColumn(id: "name", title: "NAME", width: 0, priority: 99, flexible: true),
        WallColumn(id: "what", title: "STATE", width: 44, priority: 97, minWidth: 16),
    ]

    package static func draw(_ state: AppState, _ list: ProblemsList, into screen: inout Screen, glyphs: Glyphs) {
        let rows = state.problemRows
        let unheard = state.fleet.entries.filter { $0.overview == nil && $0.name != state.config.currentContext }.map(\.name)
        let clusters = Set(rows.map(\.context)).count
        var title = " Problems: " + (rows.isEmpty ? "none" : "\(rows.count) in \(clusters) cluster\(clusters == 1 ? "" : "s")")
        if !unheard.isEmpty { title += " · no data from: " + unheard.map(TextSanitizer.visible).joined(separator: ", ") }
        FullScreenList.draw(
            title: title, titleRole: rows.isEmpty && unheard.isEmpty ? .ok : .warning, columns: columns, minFlex: 16, maxFlex: 60,
            count: rows.count, selected: list.index(in: rows), into: &screen
        ) { index, column in
            let problem = rows[index]
            let role: StyleRole = problem.severity >= 3 ? .error : .warning
            switch column.id {
            // An instance at risk is ⚠, as in its RISK cell; a node or a cluster is ✕ only when
            // down (a late node carried ✕ below ⚠ rows of higher severity).
            case "glyph":
                let down = problem.subject == .cluster || (problem.isNode && problem.severity >= FleetProblems.nodeSeverity(.offline))
                return (down ? glyphs.offline : glyphs.warning, role)
            case "context": return (problem.context, .normal)
            case "kind": return (problem.subject == .cluster ? "cluster" : problem.isNode ? "node" : "instance", role)
            case "name": return (problem.name, .normal)
            default: return (problem.what, role)
            }
        }
    }
}
