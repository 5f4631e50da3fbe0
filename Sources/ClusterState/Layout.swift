/// Where each part of the main screen goes for the current size and data.
/// Shared by the views (to draw) and by `update` (to page and clamp).
///
/// Rows, top to bottom: two header lines, the stale banner while the data
/// is the last known (not live), the nodes pane (title, column
/// header, rows), the instances pane (same), the events pane when there is
/// room, and one status line; zoomed (`z`), the focused pane alone. Below `minWidth`×`minHeight` only a
/// "terminal too small" notice is drawn (q and Ctrl-C still work).
package struct Layout: Equatable {
    package static let minWidth = 30
    package static let minHeight = 8

    package var width: Int
    package var height: Int
    package var tooSmall: Bool
    package var headerRows = 2
    /// The row of the stale banner, when one is shown.
    package var bannerRow: Int?
    package var nodesTop = 2
    package var nodeRows = 0
    package var instancesTop = 0
    package var instanceRows = 0
    package var eventsTop = 0
    package var eventRows = 0
    package var statusRow = 0
    /// The pane that has the whole body (`z`, issue 24); the others are not drawn.
    package var zoomed: Pane?

    package init(state: AppState) {
        self.init(width: state.width, height: state.height, nodeCount: state.derived.nodes.count, banner: state.isStale,
                  zoom: state.zoomed ? state.focus : nil)
    }

    package init(width: Int, height: Int, nodeCount: Int, banner: Bool = false, zoom: Pane? = nil) {
        self.width = width
        self.height = height
        tooSmall = width < Layout.minWidth || height < Layout.minHeight
        statusRow = max(0, height - 1)
        guard !tooSmall else { return }
        if banner {
            bannerRow = headerRows
            headerRows += 1
        }
        let body = height - headerRows - 1
        if let zoom {
            // One pane, the whole body: its title and column header, then rows.
            zoomed = zoom
            nodesTop = headerRows; instancesTop = headerRows; eventsTop = headerRows
            switch zoom {
            case .nodes: nodeRows = max(1, body - 2)
            case .instances: instanceRows = max(1, body - 2)
            case .events: eventRows = max(1, body - 1)
            }
            return
        }
        // Events get a strip once the screen is tall enough to spare it.
        let eventsHeight = body >= 26 ? 6 : (body >= 18 ? 4 : 0)
        let tables = body - eventsHeight
        // Each pane spends two rows on its title and column header.
        let nodeBudget = max(1, (tables * 2) / 5 - 2)
        nodeRows = min(max(1, nodeCount), nodeBudget)
        nodesTop = headerRows
        instancesTop = nodesTop + 2 + nodeRows
        // At the minimum height no instance row fits above the status line: none is
        // claimed (a claimed row was drawn under the key bar and took its clicks).
        instanceRows = max(0, tables - (2 + nodeRows) - 2)
        eventsTop = instancesTop + 2 + instanceRows
        eventRows = max(0, eventsHeight - 1)
    }
}
