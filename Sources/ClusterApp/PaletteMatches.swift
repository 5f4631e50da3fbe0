import ClusterGrid
import ClusterModel
import ClusterState

/// What the palette lists for a query (see `PaletteFlow`): every candidate
/// of the kinds the query allows, scored by `FuzzyMatch`, best first, then
/// the instances whose text holds the query.
extension PaletteFlow {
    /// The kind words a query may start with, and the kind each narrows to.
    static let kindWords: [String: String] = [
        "action": "action", "act": "action", "ctx": "ctx", "context": "ctx", "node": "node",
        "inst": "inst", "instance": "inst", "filter": "filter",
    ]

    /// What `text` matches; `pool` is the fuzzy candidates made when the
    /// palette opened (nil: made now, for tests and a palette of its own).
    package static func matches(_ state: AppState, _ text: String, pool: [PaletteCandidate]? = nil) -> [PaletteEntry] {
        var memory = PaletteMemory()
        return matches(state, text, pool: pool, memory: &memory)
    }

    /// As above, searching within what the last queries found (`memory`) and keeping this one's there.
    package static func matches(_ state: AppState, _ text: String, pool: [PaletteCandidate]?, memory: inout PaletteMemory) -> [PaletteEntry] {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        var kind: String?
        var query = text
        if let first = words.first, let k = kindWords[first.lowercased()], words.count == 2 || text.hasSuffix(" ") {
            kind = k
            query = words.count == 2 ? words[1] : ""
        }
        query = query.trimmingCharacters(in: .whitespaces)
        // A pool made here is not the one `memory` was found in.
        if pool == nil { memory.fuzzy = [] }
        let pool = pool ?? candidates(state, kind: nil).map { PaletteCandidate($0, folded: FuzzyMatch.folded($0.title)) }
        if query.isEmpty && kind == nil { return state.paletteHistory + pool.map(\.entry).filter { $0.kind == "action" } }
        let folded = FuzzyMatch.folded(query)
        let scored = fuzzy(pool, folded, kind: kind, kept: &memory.fuzzy)
        // Instances keep their room: a short query's fuzzy hits over a thousand nodes must not push them off.
        let found = kind == nil || kind == "inst" ? (folded.count >= 2 ? instances(state, folded, hits: &memory.instances) : []) : []
        var out = scored.prefix(Palette.limit - found.count).map { pool[$0].entry } + found
        if kind == "filter", !query.isEmpty, case .success = FilterQuery.parse(query), !out.contains(where: { $0.title == query }) {
            // What was typed, as a filter of its own.
            out.insert(PaletteEntry(target: .filter(query), kind: "filter", title: query, detail: "filter the focused pane"), at: 0)
        }
        return out
    }

    /// The places in `pool` of the candidates of `kind` that `query` matches,
    /// best first (ties in pool order). A query asked among the last ones
    /// (Backspace) is answered from `kept`; typing on (a kept query of the
    /// same kind a prefix of this one) scores only what that one matched.
    static func fuzzy(_ pool: [PaletteCandidate], _ query: [UInt8], kind: String?, kept: inout [FuzzyHits]) -> [Int] {
        if let same = kept.lastIndex(where: { $0.kind == kind && $0.query == query }) {
            kept.append(kept.remove(at: same))  // the newest again
            return kept[kept.count - 1].ranked
        }
        var scored: [(place: Int, score: Int)] = []
        func score(_ place: Int) {
            guard kind == nil || pool[place].entry.kind == kind, let s = FuzzyMatch.score(query, in: pool[place].folded) else { return }
            scored.append((place, s))
        }
        if let wider = kept.last(where: { $0.kind == kind && query.starts(with: $0.query) }) {
            for place in wider.ranked.sorted() where place < pool.count { score(place) }
        } else {
            for place in pool.indices { score(place) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.place < $1.place }
        kept.append(FuzzyHits(kind: kind, query: query, ranked: scored.map(\.place)))
        if kept.count > hitsKept { kept.removeFirst() }
        return kept[kept.count - 1].ranked
    }

    /// Every fuzzy candidate of `kind` (all kinds but instances when nil), in kind order.
    static func candidates(_ state: AppState, kind: String?) -> [PaletteEntry] {
        var out: [PaletteEntry] = []
        if kind == nil || kind == "action" {
            for binding in state.config.keys.bindings {
                guard let action = binding.action, action.inPalette else { continue }
                out.append(PaletteEntry(target: .action(action), kind: "action", title: action.name,
                                        detail: binding.help, key: binding.keys.first?.label))
            }
            for custom in state.config.customActions {
                out.append(PaletteEntry(target: .custom(custom.name), kind: "action", title: custom.name,
                                        detail: custom.summary.isEmpty ? "custom action (\(custom.scope.rawValue))" : custom.summary,
                                        key: custom.key.flatMap(Key.init(name:))?.label))
            }
        }
        if kind == nil || kind == "ctx" {
            for choice in state.config.contexts {
                // As the `c` picker says them: which one is open, which is production.
                let marks = [choice.name == state.config.currentContext ? "current" : nil, choice.isProtected ? "protected" : nil]
                let detail = (marks.compactMap { $0 } + [choice.url]).joined(separator: " · ")
                out.append(PaletteEntry(target: .context(choice.name), kind: "ctx", title: choice.name, detail: detail))
            }
        }
        if kind == nil || kind == "node" {
            // Every node, whatever the nodes pane's filter hides (choosing one clears that filter).
            for node in state.derived.sortedNodes ?? state.derived.nodes {
                out.append(PaletteEntry(target: .node(node.name), kind: "node", title: node.name, detail: node.hostname ?? ""))
            }
        }
        if kind == nil || kind == "filter" {
            var seen = Set<String>()
            let recent = state.paletteHistory.compactMap { if case .filter(let f) = $0.target { f } else { nil } }
            for filter in recent + cannedFilters where seen.insert(filter).inserted {
                out.append(PaletteEntry(target: .filter(filter), kind: "filter", title: filter, detail: "filter the focused pane"))
            }
        }
        return out
    }

    /// The first `instanceLimit` instances, in name order, whose folded text holds `needle`.
    /// `hits`: the last searches over this list, newest last (at most `hitsKept`): Backspace finds its
    /// fragment there, and typing on narrows within the newest that the new fragment contains.
    static func instances(_ state: AppState, _ needle: [UInt8], hits: inout [InstanceHits]) -> [PaletteEntry] {
        guard let prepared = state.derived.prepared, let text = prepared.text, let snapshot = state.snapshot,
              snapshot.instances.count == text.rowCount else { return [] }
        hits.removeAll { !$0.order.sharesStorage(with: prepared.byName) }
        let needles = [FreeTextNeedle(bytes: needle, negated: false)]
        let rows: [Int]
        if let same = hits.last(where: { $0.needle == needle }) {
            rows = same.rows
        } else if let last = hits.last(where: { $0.complete && needle.firstRange(of: $0.needle) != nil }) {
            // Typed on: every row holding the new fragment held the old one.
            rows = text.filterRows(needles, within: last.rows[...])
            remember(InstanceHits(needle: needle, rows: rows, complete: true, order: prepared.byName), in: &hits)
        } else {
            // The first rows in name order often hold enough (a common fragment);
            // else the whole-buffer scan the filter uses (two cores, its rarest byte).
            let first = prepared.byName.prefix(4_096)
            let early = text.filterRows(needles, within: first)
            let complete = early.count < instanceLimit || prepared.byName.count == first.count
            rows = complete && prepared.byName.count > first.count ? text.filter(needles, within: prepared.byName) : early
            remember(InstanceHits(needle: needle, rows: rows, complete: complete, order: prepared.byName), in: &hits)
        }
        return rows.prefix(instanceLimit).map { row in
            let instance = snapshot.instances[row]
            return PaletteEntry(target: .instance(instance.key), kind: "inst", title: instance.key.description,
                                detail: "\(instance.name) · \(instance.nodeName)")
        }
    }

    static let hitsKept = 8

    private static func remember(_ found: InstanceHits, in hits: inout [InstanceHits]) {
        hits.append(found)
        if hits.count > hitsKept { hits.removeFirst() }
    }
}
