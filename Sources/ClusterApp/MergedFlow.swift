import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The merged tables (issue 23): every cluster's nodes (`n` on the fleet
/// screen) or instances (`i`) in one table with a CONTEXT column; `/`
/// filters with the panes' language and `ctx:`, `Tab` swaps the two,
/// `Enter` opens the row's cluster with that row selected.
package enum MergedFlow {
    /// Opens a merged table; the background overview polls start if they had not.
    package static func open(_ state: inout AppState, _ kind: MergedKind) {
        state.fleet.start(state.config.contexts, now: state.now)
        state.overlays.close(.merged)
        state.overlays.append(.merged(MergedTable(kind: kind)))
        state.refreshMerged()
    }

    package static func key(_ state: inout AppState, _ table: inout MergedTable, _ key: Key) -> [Effect] {
        if table.filter.editing {
            edit(&table, key)
            return []
        }
        let rows = state.derived.merged?.rows ?? []
        if let moved = ListKeys.moved(key, at: table.cursor.selected, count: rows.count, page: ListKeys.page(state.height)) {
            table.cursor.selected = moved
            table.anchor = rows.indices.contains(moved) ? state.derived.merged?.id(of: rows[moved]) : nil
            return []
        }
        switch key {
        case .char("/"):
            table.filter.editing = true
        case .char("s"):
            cycleSort(&state, &table)
            table.cursor = TableCursor()  // the top of the new order, as Tab and a filter do
            table.anchor = nil
        case .char("S"):
            switch table.kind {
            case .nodes: table.nodeSort?.ascending.toggle()
            case .instances: table.instanceSort?.ascending.toggle()
            }
            table.cursor = TableCursor()
            table.anchor = nil
        case .tab:
            table.kind = table.kind.other
            table.cursor = TableCursor()
            table.anchor = nil
            apply(&table)
        case .escape where table.filter.isActive || table.filter.error != nil:
            table.filter = FilterState()
        case .escape, .char("q"):
            state.overlays.close(.merged)
        case .enter:
            guard let model = state.derived.merged, rows.indices.contains(table.cursor.selected) else { return [] }
            return ProblemsFlow.jump(&state, to: model.id(of: rows[table.cursor.selected]))
        default:
            break
        }
        return []
    }

    /// `s`: the next column of the shown table's cycle (the panes' own);
    /// after the last, each cluster's own order again.
    private static func cycleSort(_ state: inout AppState, _ table: inout MergedTable) {
        func next<Column: Equatable>(_ current: Column?, in all: [Column]) -> Column? {
            guard let current, let i = all.firstIndex(of: current) else { return all.first }
            return i + 1 < all.count ? all[i + 1] : nil
        }
        switch table.kind {
        case .nodes:
            table.nodeSort = next(table.nodeSort?.column, in: MergedColumns.nodes.sortCycle()).map { SortSpec(column: $0, ascending: true) }
        case .instances:
            table.instanceSort = next(table.instanceSort?.column, in: MergedColumns.instances.sortCycle())
                .map { SortSpec(column: $0, ascending: true) }
        }
        let rows = table.kind == .nodes ? "every cluster's nodes" : "every cluster's instances"
        state.post(table.sort.map { "\(rows) sorted by \($0.columnName)" } ?? "\(rows) in each cluster's own order")
    }

    /// The filter prompt: the one text field's keys; applied as typed,
    /// `Enter` keeps it, `Esc` clears it (as in the panes).
    private static func edit(_ table: inout MergedTable, _ key: Key) {
        switch TextEditing.prompt(key, text: &table.filter.text, limit: 200) {
        case .submit: table.filter.editing = false
        case .cancel: table.filter = FilterState()
        case .edited: apply(&table)
        case .ignored: break
        }
    }

    /// Parses the text; a query that parses is applied, else the last good one stays and the error shows.
    private static func apply(_ table: inout MergedTable) {
        switch FilterQuery.parse(table.filter.text) {
        case .success(let query):
            if let refusal = refusal(of: query, kind: table.kind) {
                // Not kept in force either: it would answer under a title saying "match".
                table.filter.error = refusal
                if table.filter.query != nil { table.filter.query = nil; table.cursor = TableCursor(); table.anchor = nil }
                return
            }
            table.filter.error = nil
            guard query != table.filter.query else { return }
            table.filter.query = query
            table.cursor = TableCursor()
            table.anchor = nil
        case .failure(let error):
            table.filter.error = error.message
        }
    }

    /// Why `query` cannot be answered across clusters, if it cannot: a term
    /// for instances in the node table, or `is:flapping`, which only the open
    /// cluster's recorded history knows (the others would all say "no").
    private static func refusal(of query: FilterQuery, kind: MergedKind) -> String? {
        if kind == .nodes, let term = query.firstInstanceOnlyTerm {
            return "\(term.text) filters instances, not nodes (Tab: every instance)"
        }
        if let term = query.firstHistoryTerm {
            return "\(term.text): only the open cluster's history knows (use it in the nodes pane)"
        }
        return nil
    }

    /// The background instance lists that are due, while a merged instance
    /// table or the problems view is open (never the open cluster's: its own polls read it).
    package static func dueLists(_ state: inout AppState) -> [Effect] {
        guard state.wantsFleetInstanceLists else { return [] }
        var effects: [Effect] = []
        for entry in state.fleet.entries where entry.name != state.config.currentContext && entry.overview != nil {
            var list = state.fleet.instanceLists[entry.name] ?? FleetInstanceList(firstDue: state.now)
            guard list.poll.isDue(state.now) else { continue }
            list.poll.started(state.now)
            state.fleet.instanceLists[entry.name] = list
            effects.append(.fetchFleetInstances(context: entry.name, previous: list.poll.digest))
        }
        return effects
    }

    /// A background cluster's instance list; dropped when nothing waits for
    /// it any more. The open cluster's own polls read its list: a reply for
    /// it (sent before a switch) only ends that read.
    package static func listFetched(_ state: inout AppState, context: String, _ result: Result<Fetched<InstanceList>, ClusterError>) {
        if context == state.config.currentContext {
            state.fleet.instanceLists[context] = nil
            return
        }
        guard var list = state.fleet.instanceLists[context] else { return }
        switch result {
        case .success(let fetched):
            list.poll.succeeded(at: state.now, latency: fetched.roundTrip ?? 0, digest: fetched.digest)
            if let value = fetched.value { list.instances = value.instances }
            if list.instances == nil {
                // "Unchanged" from a list no longer held (dropped while it was read): read it whole, now.
                list.poll.digest = nil
                list.poll.nextDue = state.now
            } else {
                list.at = fetched.serverDate ?? state.now
            }
        case .failure(let error):
            list.poll.failed(at: state.now, error: error, random: &state.random)
        }
        state.fleet.instanceLists[context] = list
        state.fleet.revision += 1
    }
}
