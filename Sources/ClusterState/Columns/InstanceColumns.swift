import ClusterGrid
import ClusterModel
import Foundation

/// What one instance row's cells are drawn from.
package struct InstanceCell: Sendable {
    package var instance: Instance
    package var risk: Risk = .none
    /// The health of the node it runs on, when the overview lists it.
    package var nodeHealth: HeartbeatHealth?
    package var glyphs: Glyphs
    /// Who last set its explicit binding (`updatedBy` of the overview's assignment).
    package var updatedBy: String?

    package init(instance: Instance, risk: Risk = .none, nodeHealth: HeartbeatHealth? = nil, glyphs: Glyphs, updatedBy: String? = nil) {
        self.instance = instance; self.risk = risk; self.nodeHealth = nodeHealth; self.glyphs = glyphs; self.updatedBy = updatedBy
    }
}

/// The instance table's columns (issue 19: one definition for the
/// dashboard, the `s` sort cycle and `clustertui get instances -o table|wide`).
package enum InstanceColumns {
    package static let all: [TableColumn<InstanceCell, InstanceColumn>] = [
        TableColumn("type", ColumnSpec(title: "TYPE", minWidth: 5, maxWidth: 16, priority: 80), sort: .type) {
            ($0.instance.entityType.rawValue, TextStyle(role: .accent))
        },
        // Issue 24: ID, PROJECT and TENANT ID on the dashboard too, when a wide screen has room (lowest priorities).
        TableColumn("id", ColumnSpec(title: "ID", minWidth: 8, maxWidth: 40, priority: 3), surfaces: [.dashboard, .table]) {
            ($0.instance.entityId, plain)
        },
        TableColumn("name", ColumnSpec(title: "NAME", minWidth: 10, maxWidth: 40, priority: 100, identifying: true), sort: .name) {
            ($0.instance.name, plain)
        },
        TableColumn("subtitle", ColumnSpec(title: "SUBTITLE", minWidth: 8, maxWidth: 24, priority: 20, shortTitle: "SUB"),
                    sort: .subtitle, surfaces: [.dashboard, .wide]) { ($0.instance.subtitle ?? "", TextStyle(role: .dim)) },
        TableColumn("tenant", ColumnSpec(title: "TENANT", minWidth: 6, maxWidth: 16, priority: 40), sort: .tenant) {
            ($0.instance.tenant, plain)
        },
        TableColumn("node", ColumnSpec(title: "NODE", minWidth: 8, maxWidth: 32, priority: 95, identifying: true), sort: .node) {
            ($0.instance.nodeName, $0.nodeHealth.map { TextStyle(role: Roles.health($0)) } ?? TextStyle(role: .risk))
        },
        TableColumn("mode", ColumnSpec(title: "MODE", minWidth: 9, maxWidth: 9, priority: 85), sort: .mode) {
            ($0.instance.mode.rawValue, $0.instance.mode == .strict ? TextStyle(role: .normal, bold: true) : plain)
        },
        TableColumn("binding", ColumnSpec(title: "BINDING", minWidth: 7, maxWidth: 8, priority: 60, shortTitle: "BIND"),
                    sort: .binding) {
            ($0.instance.explicit ? "explicit" : "default", $0.instance.explicit ? plain : TextStyle(role: .dim))
        },
        TableColumn("project", ColumnSpec(title: "PROJECT", minWidth: 8, maxWidth: 24, priority: 2), surfaces: [.dashboard, .wide]) {
            ($0.instance.projectId ?? "", plain)
        },
        TableColumn("tenant-id", ColumnSpec(title: "TENANT ID", minWidth: 9, maxWidth: 24, priority: 1, shortTitle: "TID"),
                    surfaces: [.dashboard, .wide]) { ($0.instance.tenantId ?? "", TextStyle(role: .dim)) },
        // Issue 24: who set the explicit binding, from the overview; shown when chosen (o) or on a very wide screen.
        // Dashboard only: `get assignments` has it for scripts.
        TableColumn("updated-by", ColumnSpec(title: "UPDATED BY", minWidth: 8, maxWidth: 24, priority: 0, shortTitle: "BY"),
                    surfaces: [.dashboard]) { ($0.updatedBy ?? "", TextStyle(role: .dim)) },
        TableColumn("risk", ColumnSpec(title: "RISK", minWidth: 7, maxWidth: 14, priority: 90, shortForm: RiskLabel.short),
                    sort: .risk, surfaces: [.dashboard, .wide], plain: { $0.risk == .none ? "ok" : $0.risk.label }) {
            $0.risk == .none ? ("", plain) : ($0.glyphs.warning + " " + $0.risk.label, TextStyle(role: .risk, bold: true))
        },
    ]

    private static let plain = TextStyle(role: .normal)
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
