import ClusterModel
import Foundation

/// An instance list made ready for the UI thread: everything that costs
/// O(n log n) or O(n) string work at 100,000 instances is built here, once
/// per changed list, so that the pure `update` only swaps it in and every
/// later sort by risk or binding is a linear pass over small integers.
///
/// Built off the UI thread by `EffectRunner` (the `instancesPrepared`
/// message), without the search index, which is made lazily the first time
/// a filter is typed.
///
/// Decision: the rows' base order (name ascending, then type, id, position)
/// is the tie-break order of every instance sort, so a sort by a column with
/// a handful of distinct ranks (risk, binding) is a stable bucket pass over
/// it, exactly equal to `ClusterSnapshot.sortedInstanceIndices`.
package struct PreparedInstances: Sendable {
    package let instances: [Instance]
    /// `nil` until a filter needs it (inline path) — built off-thread otherwise.
    package var index: InstanceSearchIndex?
    /// Folded text of every row, for free-text filtering.
    package let text: TextRecords?
    /// Row indices by name ascending, then type, id and position.
    package let byName: [Int]
    /// Per row: ordinal into `nodeNames`.
    package let nodeOrdinal: [Int32]
    /// Per row: bit 1 = explicit, bit 0 = preferred mode.
    package let bindingBits: [UInt8]
    /// Per row: ordinal into `typeNames`.
    package let typeOrdinal: [Int32]
    package let nodeNames: [String]
    package let typeNames: [EntityType]
    /// Instances per node name, as `ClusterSnapshot.boundCount` counts them.
    package let boundCount: [String: Int]
    /// Rows with an explicit binding.
    package let explicitCount: Int
    /// The added/removed events against `diffBase`, found off the UI thread
    /// (time-stamped again when swapped in). Only valid while the list on
    /// screen is `diffBase` itself; `update` checks, then drops both so the
    /// old list is not kept alive.
    package var instanceEvents: [ClusterEvent]?
    package var diffBase: [Instance]?
    /// The binding generation (`ClusterSnapshot.bindingGeneration`) whose
    /// bindings the rows show; `nil`: as the server listed them.
    package var boundTo: Int?

    /// Builds the text records and the base order: on two cores at once when
    /// `parallel` (inline, tests), one after the other when not (the runner,
    /// which leaves the second core to the UI thread).
    /// The fielded-search index is not built here: only a fielded query
    /// needs it, and `recompute` makes it then (the brief of issue 6: no
    /// index work while no such filter is active).
    /// `byName`, when given, is the base order of a list with the same rows
    /// in the same places (only bindings differ): it is kept, not re-sorted.
    package static func prepare(
        _ instances: [Instance], withIndex: Bool = false, parallel: Bool = true, byName known: [Int]? = nil
    ) -> PreparedInstances {
        let box = PrepareBox()
        let parts = 2
        let work: @Sendable (Int) -> Void = { part in
            if part == 1 {
                box.text = TextRecords(instances)
                box.facts = RowFacts(instances)
                if withIndex { box.index = InstanceSearchIndex(instances: instances) }
            } else {
                box.byName = known ?? baseOrder(instances)
            }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: parts, execute: work)
        } else {
            for part in 0..<parts { work(part) }
        }
        return PreparedInstances(
            instances: instances, index: box.index, text: box.text, byName: box.byName, facts: box.facts ?? RowFacts(instances))
    }

    /// A fetched list, prepared; an unchanged (nil) body stays nil. With
    /// `previous` (the list the runner handed over last time, normally the
    /// one on screen) the instance events are found here too.
    /// With `source`, the rows take its bindings first (issue 19: a row's
    /// binding is the overview's, never the list's own copy of it).
    package static func prepared(
        _ fetched: Fetched<InstanceList>, after previous: [Instance]? = nil, bindingTo source: RowBindingSource? = nil
    ) -> Fetched<PreparedInstances> {
        Fetched(
            value: fetched.value.map { list in
                let rows = source.flatMap { $0.bind(list.instances) } ?? list.instances
                // One core only: on a 2-core machine the UI thread keeps the
                // other while a list is prepared (keystroke latency, issue 6).
                var p = prepare(rows, parallel: false)
                p.boundTo = source?.generation
                if let previous {
                    p.instanceEvents = SnapshotDiff.instanceEvents(from: previous, to: rows, time: Date())
                    p.diffBase = previous
                }
                return p
            },
            digest: fetched.digest, serverDate: fetched.serverDate, byteCount: fetched.byteCount)
    }

    /// The rows of `self` bound to `source`, prepared again with the same
    /// base order; `nil` when every row already shows the source's binding.
    package func rebound(to source: RowBindingSource) -> PreparedInstances? {
        guard let rows = source.bind(instances) else { return nil }
        var p = Self.prepare(rows, parallel: false, byName: byName)
        p.boundTo = source.generation
        return p
    }

    /// The precomputed events when `current` is the list they were found
    /// against (same storage), stamped with `time`; else `nil`.
    package func instanceEvents(against current: [Instance], time: Date) -> [ClusterEvent]? {
        guard let events = instanceEvents, let base = diffBase, base.sharesStorage(with: current) else { return nil }
        return events.map { var e = $0; e.time = time; return e }
    }

    private init(instances: [Instance], index: InstanceSearchIndex?, text: TextRecords?, byName: [Int], facts: RowFacts) {
        self.instances = instances
        self.index = index
        self.text = text
        self.byName = byName
        nodeOrdinal = facts.nodeOrdinal; bindingBits = facts.bindingBits; typeOrdinal = facts.typeOrdinal
        nodeNames = facts.nodeNames; typeNames = facts.typeNames
        boundCount = facts.boundCount
        explicitCount = facts.explicitCount
    }

    /// Name ascending (case-folded, natural: `agent-7` before `agent-14`),
    /// then type, id and position: the order
    /// `ClusterSnapshot.sortedInstanceIndices` gives for `.name` ascending,
    /// built faster. Each row's name, type and id sit in one buffer; the
    /// name's first 8 bytes as an integer decide most comparisons — when
    /// neither holds a digit there, natural order is byte order.
    package static func baseOrder(_ instances: [Instance]) -> [Int] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(instances.count * 48)
        // Per row: name start, type start, id start; the next row's name start ends the id.
        var bounds = [Int](), prefixes = [UInt64](), plain = [Bool]()
        bounds.reserveCapacity(instances.count * 3 + 1)
        prefixes.reserveCapacity(instances.count)
        plain.reserveCapacity(instances.count)
        for i in instances {
            let start = bytes.count
            bounds.append(start)
            TextFolding.appendLowered(i.name, to: &bytes)
            let nameEnd = bytes.count
            bounds.append(nameEnd)
            bytes.append(contentsOf: i.entityType.rawValue.utf8)
            bounds.append(bytes.count)
            bytes.append(contentsOf: i.entityId.utf8)
            var prefix: UInt64 = 0, digit = false
            for k in 0..<8 {
                let b = start + k < nameEnd ? bytes[start + k] : 0
                digit = digit || NaturalOrder.isDigit(b)
                prefix = prefix << 8 | UInt64(b)
            }
            prefixes.append(prefix)
            plain.append(!digit)
        }
        bounds.append(bytes.count)
        var rows = Array(instances.indices)
        bytes.withUnsafeBufferPointer { b in bounds.withUnsafeBufferPointer { s in
            prefixes.withUnsafeBufferPointer { p in plain.withUnsafeBufferPointer { plain in
                func field(_ row: Int, _ k: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: b[s[row * 3 + k]..<s[row * 3 + k + 1]])
                }
                rows.sort { x, y in
                    if plain[x], plain[y], p[x] != p[y] { return p[x] < p[y] }
                    for k in 0..<3 {
                        let c = NaturalOrder.compare(field(x, k), field(y, k))
                        if c != 0 { return c < 0 }
                    }
                    return x < y
                }
            } }
        } }
        return rows
    }

    /// Risk severity for each (node ordinal, binding bits) pair: 4 entries per
    /// node, so a row's risk is one array load.
    package func riskTable(_ risk: RiskContext) -> [Int8] {
        var table = [Int8](repeating: 0, count: nodeNames.count * 4)
        for (ordinal, name) in nodeNames.enumerated() {
            let hasName = !name.isEmpty
            let health = hasName ? risk.health(ofNode: name) : nil
            for bits in 0..<4 {
                let r = Risk.evaluate(
                    explicit: bits & 2 != 0, mode: bits & 1 != 0 ? .preferred : .strict,
                    nodeHealth: health, hasNodeName: hasName, defaultHealth: risk.defaultHealth)
                table[ordinal * 4 + bits] = Int8(r.severity)
            }
        }
        return table
    }

    /// Rows ordered by `spec` when its column has few ranks (risk, binding);
    /// `nil` for text columns, which the caller sorts the general way.
    package func bucketOrder(_ spec: SortSpec<InstanceColumn>, riskTable: [Int8]) -> [Int]? {
        if spec.column == .name && spec.ascending { return byName }
        guard spec.column == .risk || spec.column == .binding else { return nil }
        let ranks = 5
        var counts = [Int](repeating: 0, count: ranks)
        func rank(_ row: Int) -> Int {
            let bits = Int(bindingBits[row])
            let r = spec.column == .binding ? (bits & 2 != 0 ? 0 : 1) : Int(riskTable[Int(nodeOrdinal[row]) * 4 + bits])
            return spec.ascending ? r : ranks - 1 - r
        }
        var rowRanks = [UInt8](repeating: 0, count: instances.count)
        for row in 0..<instances.count {
            let r = rank(row)
            rowRanks[row] = UInt8(r)
            counts[r] += 1
        }
        var next = [Int](repeating: 0, count: ranks)
        for r in 1..<ranks { next[r] = next[r - 1] + counts[r - 1] }
        var out = [Int](repeating: 0, count: instances.count)
        for row in byName {
            let r = Int(rowRanks[row])
            out[next[r]] = row
            next[r] += 1
        }
        return out
    }

    /// Instance counts for the header, from the risk table (no string work).
    package func summary(riskTable: [Int8]) -> InstanceSummary {
        var s = InstanceSummary()
        var riskCounts = [Int](repeating: 0, count: 5)
        var typeCounts = [Int](repeating: 0, count: typeNames.count)
        for row in 0..<instances.count {
            riskCounts[Int(riskTable[Int(nodeOrdinal[row]) * 4 + Int(bindingBits[row])])] += 1
            typeCounts[Int(typeOrdinal[row])] += 1
        }
        s.total = instances.count
        s.explicit = explicitCount
        s.defaulted = s.total - s.explicit
        for r in Risk.allCases { s.byRisk[r] = riskCounts[r.severity] }
        s.atRisk = s.total - riskCounts[Risk.none.severity]
        for (t, n) in zip(typeNames, typeCounts) { s.byType[t] = n }
        return s
    }
}

/// Results of the two halves of `PreparedInstances.prepare`, written by the
/// two `concurrentPerform` iterations (each writes one field, then both join).
private final class PrepareBox: @unchecked Sendable {
    package var index: InstanceSearchIndex?
    package var text: TextRecords?
    package var facts: RowFacts?
    package var byName: [Int] = []
}

/// Per-row small integers (node and type ordinals, binding bits) and the
/// counts derived from them, built in one pass over the list.
package struct RowFacts: Sendable {
    package var nodeOrdinal: [Int32] = [], bindingBits: [UInt8] = [], typeOrdinal: [Int32] = []
    package var nodeNames: [String] = [], typeNames: [EntityType] = []
    package var boundCount: [String: Int] = [:]
    package var explicitCount = 0

    package init(_ instances: [Instance]) {
        var nodeIDs: [String: Int32] = [:], typeIDs: [EntityType: Int32] = [:]
        nodeOrdinal.reserveCapacity(instances.count)
        bindingBits.reserveCapacity(instances.count)
        typeOrdinal.reserveCapacity(instances.count)
        for i in instances {
            let n: Int32
            if let id = nodeIDs[i.nodeName] { n = id } else { n = Int32(nodeNames.count); nodeIDs[i.nodeName] = n; nodeNames.append(i.nodeName) }
            let t: Int32
            if let id = typeIDs[i.entityType] { t = id } else { t = Int32(typeNames.count); typeIDs[i.entityType] = t; typeNames.append(i.entityType) }
            nodeOrdinal.append(n); typeOrdinal.append(t)
            bindingBits.append((i.explicit ? 2 : 0) | (i.mode == .preferred ? 1 : 0))
            if i.explicit { explicitCount += 1 }
        }
        var perNode = [Int](repeating: 0, count: nodeNames.count)
        for o in nodeOrdinal { perNode[Int(o)] += 1 }
        boundCount.reserveCapacity(nodeNames.count)
        for (name, n) in zip(nodeNames, perNode) { boundCount[name] = n }
    }
}
