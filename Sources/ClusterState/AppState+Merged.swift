import ClusterModel
import Foundation

extension AppState {
    /// The merged table on the overlay stack, if one is open.
    package var mergedTable: MergedTable? {
        for overlay in overlays.reversed() { if case .merged(let table) = overlay { return table } }
        return nil
    }

    /// Brings the merged table's model up to date (called after every
    /// message): rebuilt only when its inputs moved, a cluster's source
    /// only when that cluster's data did. Keeps the cursor on its row.
    /// With neither a merged instance table nor the problems view open, the
    /// background lists go.
    package mutating func refreshMerged() {
        if !wantsFleetInstanceLists, !fleet.instanceLists.isEmpty { dropFleetInstanceLists() }
        guard var table = mergedTable else {
            derived.merged = nil
            return
        }
        let polls = OpenPolls(stale: isStale, overviewError: overviewPoll.lastError.map { ContextState.cause($0) },
                              listError: instancesPoll.lastError.map { ErrorExcerpt.short($0, limit: 60) })
        // Whole seconds (the ages shown): a rebuild a second, not one per message.
        let clock = table.sort?.readsTheClock == true ? Date(timeIntervalSince1970: observedAt.timeIntervalSince1970.rounded(.down)) : nil
        let inputs = MergedInputs(kind: table.kind, query: table.filter.query, sort: table.sort, clock: clock,
                                  open: derived.revision, fleet: fleet.revision,
                                  openPolls: polls)
        let rebuilt = derived.merged?.inputs != inputs
        if rebuilt {
            derived.merged = buildMerged(inputs, reusing: derived.merged?.sources ?? [])
            derived.mergedRevision += 1
        }
        guard let model = derived.merged else { return }
        Self.follow(&table, in: model, rebuilt: rebuilt, visible: MergedTable.visibleRows(height: height))
        if table != mergedTable { overlays.replace(.merged(table)) }
    }

    /// Drops the background instance lists. One still being read keeps its
    /// poll alone (no rows), so reopening the view does not ask again before
    /// the first read answers; it goes once that reply is taken.
    private mutating func dropFleetInstanceLists() {
        fleet.instanceLists = fleet.instanceLists.compactMapValues { list in
            guard list.poll.inFlight else { return nil }
            var reading = FleetInstanceList(firstDue: list.poll.nextDue)
            reading.poll = list.poll
            return reading
        }
    }

    /// Keeps the cursor on its row by identity as rows move. The rows are
    /// searched only when they were rebuilt or the cursor's row is another;
    /// a row that is gone leaves the cursor where it was, on the row now there.
    static func follow(_ table: inout MergedTable, in model: MergedModel, rebuilt: Bool, visible: Int) {
        let rows = model.rows
        let here = rows.indices.contains(table.cursor.selected) ? model.id(of: rows[table.cursor.selected]) : nil
        if let anchor = table.anchor, rebuilt || here != anchor,
           let at = rows.firstIndex(where: { model.id(of: $0) == anchor }) {
            table.cursor.selected = at
        }
        table.cursor.clamp(count: rows.count, rows: visible)
        table.anchor = rows.indices.contains(table.cursor.selected) ? model.id(of: rows[table.cursor.selected]) : nil
    }

    /// Each cluster's source (reused while its data stays), sorted as the
    /// table is; the clusters with nothing to list, and why.
    private func mergedSources(_ inputs: MergedInputs, reusing old: [MergedSource]) -> ([MergedSource], [(name: String, why: String)]) {
        var sources: [MergedSource] = []
        var absent: [(name: String, why: String)] = []
        for name in mergedContextNames {
            let reused = old.first { $0.name == name }
            switch mergedSource(name, inputs, reusing: reused) {
            case .success(var source):
                let moment = source.isOpen ? inputs.clock : nil
                if let sort = inputs.sort, source.order?.sort != sort || (moment != nil && source.order?.now != moment) {
                    source.order = source.sorted(by: sort, now: moment)
                }
                sources.append(source)
            case .failure(let why): absent.append((name, why.text))
            }
        }
        return (sources, absent)
    }

    private func buildMerged(_ inputs: MergedInputs, reusing old: [MergedSource]) -> MergedModel {
        let (sources, unanswered) = mergedSources(inputs, reusing: old)
        var absent = unanswered
        var rows: [MergedRow] = []
        var ghosts = 0
        var clusters = 0
        for (s, source) in sources.enumerated() {
            let before = rows.count
            let ctx = source.filter
            let query = inputs.query.flatMap { $0.isEmpty ? nil : $0 }
            let sorted = inputs.sort == nil ? nil : source.order?.order
            switch inputs.kind {
            case .nodes:
                for i in sorted?.map(Int.init) ?? Array(source.nodes.indices) where query?.matches(source.nodes[i], ctx) ?? true {
                    rows.append(MergedRow(source: Int32(s), index: Int32(i)))
                }
                ghosts += source.ghosts.count { query?.matches($0, ctx) ?? true }
            case .instances:
                if !source.snapshot.instancesKnown {
                    let error = source.isOpen ? inputs.openPolls.listError
                        : fleet.instanceLists[source.name]?.poll.lastError.map { ErrorExcerpt.short($0, limit: 60) }
                    absent.append((source.name, error.map { "instance list: " + $0 } ?? "instance list on its way"))
                    continue
                }
                let list = source.snapshot.instances
                for i in sorted?.map(Int.init) ?? source.instanceOrder where query?.matches(list[i], ctx) ?? true {
                    rows.append(MergedRow(source: Int32(s), index: Int32(i)))
                }
            }
            if rows.count > before { clusters += 1 }
        }
        if let sort = inputs.sort {
            rows = MergedModel.merged(rows, sources.map { $0.order ?? $0.sorted(by: sort) }, ascending: sort.ascending)
        }
        return MergedModel(kind: inputs.kind, sources: sources, rows: rows, absent: absent,
                           ghosts: ghosts, clusters: clusters, inputs: inputs)
    }

    /// The open cluster and every context of the config file, in the config's order.
    private var mergedContextNames: [String] {
        let current = config.currentContext ?? config.label
        let names = config.contexts.map(\.name)
        return names.contains(current) ? names : [current] + names
    }

    /// Why a cluster has no rows to show.
    private struct Absent: Error { var text: String }

    private func mergedSource(_ name: String, _ inputs: MergedInputs, reusing old: MergedSource?) -> Result<MergedSource, Absent> {
        if name == (config.currentContext ?? config.label) { return openSource(name, inputs, reusing: old) }
        guard let entry = fleet.entries.first(where: { $0.name == name }) else { return .failure(Absent(text: "not polled")) }
        guard let overview = entry.overview, let at = entry.overviewAt else {
            return .failure(Absent(text: entry.state == .connecting ? "no answer yet" : entry.state.word))
        }
        let list = fleet.instanceLists[name]
        // Stale: its overview polls fail, or its list's re-read did (the rows are an older list's).
        var stale = list?.instances != nil && list?.poll.lastError != nil
        if case .stale = entry.state { stale = true }
        let key = MergedSourceKey(revision: 0, overviewAt: at, listAt: list?.at, stale: stale)
        if let old, old.key == key { return .success(old) }
        let snapshot = ClusterSnapshot(overview: overview, instances: list?.instances ?? [], instancesKnown: list?.instances != nil,
                                       takenAt: at).bound()
        let risk = RiskContext(snapshot: snapshot, now: at, thresholds: config.thresholds)
        let (nodes, ghosts) = Self.withoutGhosts(snapshot.sortedNodes(by: nil, now: at, thresholds: config.thresholds), risk)
        let order = snapshot.instancesKnown
            ? snapshot.sortedInstanceIndices(Array(snapshot.instances.indices), by: SortSpec(column: .risk, ascending: false), risk: risk)
            : []
        return .success(MergedSource(name: name, isOpen: false, snapshot: snapshot,
                                     filter: FilterContext(snapshot: snapshot, risk: risk, context: name), stale: stale,
                                     nodes: nodes, ghosts: ghosts, instanceOrder: order, key: key))
    }

    /// The open cluster, as its panes have it: their order and health. Its
    /// rows are stale while its overview polls fail, and in the instance
    /// table also while its list's re-read fails (the rows are an older list's).
    private func openSource(_ name: String, _ inputs: MergedInputs, reusing old: MergedSource?) -> Result<MergedSource, Absent> {
        guard let snapshot, let filter = derived.filterContext else {
            return .failure(Absent(text: inputs.openPolls.overviewError ?? "no answer yet"))
        }
        let stale = inputs.openPolls.stale
            || (inputs.kind == .instances && inputs.openPolls.listError != nil && snapshot.instancesKnown)
        let key = MergedSourceKey(revision: derived.revision, overviewAt: nil, listAt: nil, stale: stale)
        if let old, old.isOpen, old.key == key { return .success(old) }
        let sorted = derived.sortedNodes ?? snapshot.sortedNodes(by: nil, now: filter.risk.now, thresholds: filter.risk.thresholds)
        let (nodes, ghosts) = Self.withoutGhosts(sorted, filter.risk)
        let order = derived.sortedAll ?? Array(snapshot.instances.indices)
        return .success(MergedSource(name: name, isOpen: true, snapshot: snapshot, filter: filter, stale: stale,
                                     nodes: nodes, ghosts: ghosts, instanceOrder: order, key: key))
    }

    /// The nodes less the ghosts (folded, as the node pane does by default), and the ghosts.
    private static func withoutGhosts(_ nodes: [Node], _ risk: RiskContext) -> ([Node], [Node]) {
        let isGhost = { (node: Node) in risk.health(ofNode: node.name) == .ghost }
        return (nodes.filter { !isGhost($0) }, nodes.filter(isGhost))
    }
}
