import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The changes view (`C`, issue 22): recorded binding changes of the open
/// cluster, newest first — when, who (this operator's own marked "ours"
/// with the journal's batch id), the entity, from → to.
package enum ChangesView {
    /// The columns; WHEN is wide enough for a date only when a row needs one.
    static func columns(dated: Bool) -> [WallColumn] {
        [
            WallColumn(id: "when", title: "WHEN (UTC)", width: dated ? 19 : 10, priority: 100),
            WallColumn(id: "by", title: "BY", width: 16, priority: 98, minWidth: 8),
            WallColumn(id: "entity", title: "ENTITY", width: 0, priority: 99, flexible: true),
            WallColumn(id: "from", title: "FROM", width: 24, priority: 95, minWidth: 12),
            WallColumn(id: "to", title: "TO", width: 24, priority: 97, minWidth: 12),
            WallColumn(id: "batch", title: "OURS (journal batch)", width: 42, priority: 40),
        ]
    }

    package static func draw(_ state: AppState, _ list: ChangesList, into screen: inout Screen, glyphs: Glyphs) {
        let rows = list.rows(state)
        let total = state.history?.changes.count ?? 0
        var title = " Changes: "
        if state.history == nil {
            title += state.config.recordsHistory ? "waiting for the first recorded poll" : "history is off (--no-history)"
        } else {
            title += rows.count == total ? "\(total) recorded" : "\(rows.count) of \(total) match /\(list.filterText)"
        }
        title += " · newest first"
        let end = FullScreenList.draw(
            title: title, titleRole: .title,
            columns: columns(dated: rows.contains { Fmt.moment($0.when, now: state.now).count > 8 }), maxFlex: 60,
            count: rows.count, selected: list.index(in: rows), into: &screen
        ) { index, column in
            let change = rows[index]
            switch column.id {
            case "when": return (Fmt.moment(change.when, now: state.now), .normal)
            case "by": return (change.updatedBy ?? (change.after == nil ? "(removed)" : "—"), change.batch == nil ? .normal : .accent)
            case "entity": return (change.key.description, .normal)
            case "from": return (change.before?.description ?? "(default node)", .dim)
            case "to": return (change.after?.description ?? "(default node)", .normal)
            default: return (change.batch.map { "ours · \($0)" } ?? "", .accent)
            }
        }
        if rows.isEmpty, state.history != nil {
            screen.put("  (no change recorded\(list.filter == nil ? "" : " matches the filter"))", x: 0, y: min(end, screen.height - 2),
                       maxWidth: screen.width, style: TextStyle(role: .dim))
        }
        if list.editing || list.error != nil {
            let prompt = "/" + list.filterText + (list.error.map { "   ✕ \($0)" } ?? "")
            screen.fill(x: 0, y: screen.height - 1, width: screen.width, height: 1, style: TextStyle(role: .input))
            screen.put(prompt, x: 0, y: screen.height - 1, maxWidth: screen.width,
                       style: TextStyle(role: list.error == nil ? .input : .error))
        }
    }
}
