import Foundation

/// What the operator chose for one column (issue 24): shown when it fits
/// (the default), shown before most others, or never.
package enum ColumnVisibility: String, Codable, Sendable, CaseIterable {
    case auto, on, off

    /// The next choice Space gives; an identifying column (NAME) is never off.
    package func next(identifying: Bool) -> ColumnVisibility {
        switch self {
        case .auto: .on
        case .on: identifying ? .auto : .off
        case .off: .auto
        }
    }
}

/// The columns chosen for one cluster's node and instance tables (`o`),
/// by column name; remembered per cluster between runs (`ColumnStore`).
package struct ColumnChoices: Codable, Sendable, Equatable {
    package var nodes: [String: ColumnVisibility] = [:]
    package var instances: [String: ColumnVisibility] = [:]

    package init() {}

    /// The choice for `pane`'s column `name`.
    package func visibility(_ pane: Pane, _ name: String) -> ColumnVisibility {
        (pane == .nodes ? nodes[name] : instances[name]) ?? .auto
    }

    /// Sets one choice; `auto` is stored as no entry.
    package mutating func set(_ pane: Pane, _ name: String, _ visibility: ColumnVisibility) {
        let value: ColumnVisibility? = visibility == .auto ? nil : visibility
        if pane == .nodes { nodes[name] = value } else { instances[name] = value }
    }

    /// The priority a column chosen `on` gets: above everything but identifying columns.
    package static let pinnedPriority = 98

    /// `columns` as chosen: `off` ones left out, `on` ones laid out before the rest.
    package func applied<Row, SortKey>(_ columns: [TableColumn<Row, SortKey>], _ pane: Pane) -> [TableColumn<Row, SortKey>] {
        let own = pane == .nodes ? nodes : instances
        guard !own.isEmpty else { return columns }
        return columns.compactMap { column in
            switch own[column.name] ?? .auto {
            case .off: return column.spec.identifying ? column : nil
            case .on:
                var pinned = column
                pinned.spec.priority = max(column.spec.priority, Self.pinnedPriority)
                return pinned
            case .auto: return column
            }
        }
    }
}

/// The `o` picker: the focused table's columns and the one the cursor is on.
package struct ColumnPicker: Sendable, Equatable {
    package var pane: Pane
    package var selected = 0

    package init(pane: Pane) { self.pane = pane }
}

extension ColumnPicker {
    /// A table's dashboard columns, as the picker lists them.
    package static func columns(_ pane: Pane) -> [(name: String, title: String, identifying: Bool)] {
        switch pane {
        case .nodes: NodeColumns.all.onDashboard().map { ($0.name, $0.spec.title.isEmpty ? "(status glyph)" : $0.spec.title, $0.spec.identifying) }
        case .instances: InstanceColumns.all.onDashboard().map { ($0.name, $0.spec.title, $0.spec.identifying) }
        case .events: []
        }
    }
}
