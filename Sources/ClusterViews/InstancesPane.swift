import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The instances table: type, name, subtitle, tenant, node (coloured by the
/// node's health), mode, explicit/default binding, and risk.
package enum InstancesPane {
    package static let columns: [ColumnSpec] = [
        ColumnSpec(title: "TYPE", minWidth: 5, maxWidth: 16, priority: 80),
        ColumnSpec(title: "NAME", minWidth: 10, maxWidth: 40, priority: 100, identifying: true),
        ColumnSpec(title: "SUBTITLE", minWidth: 8, maxWidth: 24, priority: 20, shortTitle: "SUB"),
        ColumnSpec(title: "TENANT", minWidth: 6, maxWidth: 16, priority: 40),
        ColumnSpec(title: "NODE", minWidth: 8, maxWidth: 32, priority: 95, identifying: true),
        ColumnSpec(title: "MODE", minWidth: 9, maxWidth: 9, priority: 85),
        ColumnSpec(title: "BINDING", minWidth: 7, maxWidth: 8, priority: 60, shortTitle: "BIND"),
        ColumnSpec(title: "RISK", minWidth: 7, maxWidth: 14, priority: 90, shortForm: RiskLabel.short),
    ]

    package static func draw(_ state: AppState, into screen: inout Screen, layout: Layout, glyphs: Glyphs) {
        guard let snapshot = state.snapshot else { return }
        let rows = state.derived.instanceRows
        var title = " Instances "
        if !snapshot.instancesKnown {
            title += "loading…"
        } else if state.filter.isActive {
            title += "\(Fmt.count(rows.count)) of \(Fmt.count(snapshot.instances.count)) match /\(state.filter.text)"
        } else {
            title += Fmt.count(rows.count)
        }
        if !state.marks.isEmpty { title += "  \(Fmt.count(state.marks.count)) marked" }
        title += "  sort: \(state.instanceSort.column.rawValue)"
        // The list is polled apart from the overview: say when its poll fails.
        if let error = state.instancesPoll.lastError, let last = state.instancesPoll.lastSuccess {
            title += "  ✕ list as of \(Fmt.clock(last.addingTimeInterval(state.clockSkew))) · \(ErrorExcerpt.short(error, limit: 50))"
        }
        let marks = state.marks, changes = state.recentChanges, now = state.now
        let table = TableView(
            columns: columns, title: title, focused: state.focus == .instances, rowCount: rows.count,
            cursor: state.instanceCursor, sortColumn: InstanceColumn.allCases.firstIndex(of: state.instanceSort.column),
            sortAscending: state.instanceSort.ascending, glyphs: glyphs,
            dimmed: state.isStale,
            marked: marks.isEmpty ? nil : { marks.contains(snapshot.instances[rows[$0]].key) },
            highlighted: changes.instances.isEmpty ? nil : { changes.isChanged(snapshot.instances[rows[$0]].key, now: now) }
        )
        let risk = state.derived.risk
        table.draw(into: &screen, top: layout.instancesTop, rows: layout.instanceRows, width: screen.width) { row, column in
            let instance = snapshot.instances[rows[row]]
            return cell(instance, column, risk: risk, glyphs: glyphs)
        }
    }

    private static func cell(_ instance: Instance, _ column: Int, risk: RiskContext?, glyphs: Glyphs) -> (String, TextStyle) {
        let plain = TextStyle(role: .normal)
        switch column {
        case 0: return (instance.entityType.rawValue, TextStyle(role: .accent))
        case 1: return (instance.name, plain)
        case 2: return (instance.subtitle ?? "", TextStyle(role: .dim))
        case 3: return (instance.tenant, plain)
        case 4:
            let health = risk?.health(ofNode: instance.nodeName)
            return (instance.nodeName, health.map { TextStyle(role: Roles.health($0)) } ?? TextStyle(role: .risk))
        case 5: return (instance.mode.rawValue, instance.mode == .strict ? TextStyle(role: .normal, bold: true) : plain)
        case 6: return (instance.explicit ? "explicit" : "default", instance.explicit ? plain : TextStyle(role: .dim))
        default:
            let r = risk?.risk(of: instance) ?? .none
            return r == .none ? ("", plain) : (glyphs.warning + " " + r.label, TextStyle(role: .risk, bold: true))
        }
    }
}

/// Short risk badges chosen on purpose for narrow columns (issue 11: the
/// badge read `DEFAULT D…`).
package enum RiskLabel {
    @Sendable package static func short(_ text: String) -> String? {
        for risk in Risk.allCases where !risk.label.isEmpty && text.hasSuffix(risk.label) {
            return String(text.dropLast(risk.label.count)) + risk.shortLabel
        }
        return nil
    }
}
