import ClusterModel

/// One list pane's own state (issue 19: a pane is a type, not fields
/// scattered over `AppState`): its cursor (selection and scroll), its `/`
/// filter and its sort. `Sort` is the pane's sort: a column spec, optional
/// where the pane has a default order of its own.
package struct ListPane<Sort: Sendable & Equatable>: Sendable, Equatable {
    package var cursor = TableCursor()
    package var filter = FilterState()
    package var sort: Sort

    package init(sort: Sort) { self.sort = sort }
}

/// The events pane's only order: as they happened, newest last.
package enum EventOrder: Sendable, Equatable {
    case arrival
}

/// The list-pane protocol: what `update` needs of any pane, by `Pane`, so
/// moving, paging, clamping, filtering and focusing are written once, not
/// once per pane. Adding a pane: a case of `Pane`, its `ListPane` field in
/// `AppState`, and a line in each table below.
extension Pane {
    /// Where this pane's cursor lives.
    package var cursor: WritableKeyPath<AppState, TableCursor> {
        switch self {
        case .nodes: \.nodePane.cursor
        case .instances: \.instancePane.cursor
        case .events: \.eventPane.cursor
        }
    }

    /// Where this pane's `/` filter lives (issue 24: the events pane has its own, by words).
    package var filter: WritableKeyPath<AppState, FilterState> {
        switch self {
        case .nodes: \.nodePane.filter
        case .instances: \.instancePane.filter
        case .events: \.eventPane.filter
        }
    }

    /// Rows the pane lists now.
    package func rowCount(_ state: AppState) -> Int {
        switch self {
        case .nodes: state.derived.nodes.count
        case .instances: state.derived.instanceRows.count
        case .events: state.shownEvents.count
        }
    }

    /// Rows the pane shows at once in `layout` (at least one, for paging).
    package func visibleRows(_ layout: Layout) -> Int {
        switch self {
        case .nodes: layout.nodeRows
        case .instances: layout.instanceRows
        case .events: max(1, layout.eventRows)
        }
    }

    /// Whether the pane is drawn at all in `layout` (the events pane needs room; zoomed, only the zoomed one).
    package func isShown(_ layout: Layout) -> Bool {
        if let zoomed = layout.zoomed { return zoomed == self }
        return self != .events || layout.eventRows > 0
    }
}

extension AppState {
    /// The events the events pane lists: all, or those its filter's words match.
    package var shownEvents: [ClusterEvent] {
        guard let query = eventPane.filter.query, !query.isEmpty else { return events }
        return events.filter { query.matchesEvent(subject: $0.subject, message: $0.message) }
    }

    /// Moves `pane`'s cursor by `delta` rows and keeps it on screen.
    package mutating func move(_ pane: Pane, by delta: Int) {
        let count = pane.rowCount(self), rows = pane.visibleRows(Layout(state: self))
        self[keyPath: pane.cursor].move(by: delta, count: count)
        self[keyPath: pane.cursor].clamp(count: count, rows: rows)
    }

    /// Keeps every cursor inside its list after the lists changed.
    package mutating func clampCursors() {
        let layout = Layout(state: self)
        for pane in Pane.allCases {
            let count = pane.rowCount(self)
            let rows = pane == .events ? layout.eventRows : pane.visibleRows(layout)
            self[keyPath: pane.cursor].clamp(count: count, rows: rows)
        }
    }
}
