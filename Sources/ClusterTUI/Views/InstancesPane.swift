import ClusterModel
import Foundation

/// The instances table: type, name, subtitle, tenant, node (coloured by the
/// node's health), mode, explicit/default binding, and risk.
enum InstancesPane {
    static let columns: [ColumnSpec] = [
        ColumnSpec(title: "TYPE", minWidth: 6, idealWidth: 16, priority: 80),
        ColumnSpec(title: "NAME", minWidth: 10, idealWidth: 28, priority: 100, flexible: true),
        ColumnSpec(title: "SUBTITLE", minWidth: 8, idealWidth: 20, priority: 20),
        ColumnSpec(title: "TENANT", minWidth: 6, idealWidth: 12, priority: 40),
        ColumnSpec(title: "NODE", minWidth: 8, idealWidth: 18, priority: 95),
        ColumnSpec(title: "MODE", minWidth: 9, idealWidth: 9, priority: 85),
        ColumnSpec(title: "BINDING", minWidth: 8, idealWidth: 8, priority: 60),
        ColumnSpec(title: "RISK", minWidth: 8, idealWidth: 12, priority: 90),
    ]

    static func draw(_ state: AppState, into screen: inout Screen, layout: Layout, glyphs: Glyphs) {
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
        title += "  sort: \(state.instanceSort.column.rawValue)"
        let table = TableView(
            columns: columns, title: title, focused: state.focus == .instances, rowCount: rows.count,
            cursor: state.instanceCursor, sortColumn: InstanceColumn.allCases.firstIndex(of: state.instanceSort.column),
            sortAscending: state.instanceSort.ascending, glyphs: glyphs,
            dimmed: state.isStale
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
