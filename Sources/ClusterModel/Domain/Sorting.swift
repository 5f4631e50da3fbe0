import Foundation

/// The sortable columns of the instance table.
public enum InstanceColumn: String, Sendable, CaseIterable {
    case type, name, subtitle, tenant, node, mode, binding, risk
}

/// The sortable columns of the node table.
public enum NodeColumn: String, Sendable, CaseIterable {
    case status, name, role, heartbeat, uptime, version, hostname, pid, url, tags, bound
}

/// A column and a direction.
public struct SortSpec<Column: Hashable & Sendable>: Sendable, Hashable {
    public var column: Column
    public var ascending: Bool
    public init(_ column: Column, ascending: Bool = true) { self.column = column; self.ascending = ascending }
    public init(column: Column, ascending: Bool) { self.column = column; self.ascending = ascending }
}

extension ClusterSnapshot {
    /// `indices` (into `instances`) ordered by one column.
    ///
    /// Text columns compare case-folded UTF-8 bytes, built once per call into
    /// one buffer (`SortKeys`), so a comparison allocates nothing. Ties, in
    /// either direction, fall back to name ascending, then entity type and
    /// id, then position: the order is total and deterministic.
    /// `binding` ascending puts explicit bindings first; `risk` ascending
    /// puts `none` first (descending shows the worst first).
    /// Out-of-range indices are dropped.
    public func sortedInstanceIndices(_ indices: [Int], by spec: SortSpec<InstanceColumn>, risk: RiskContext) -> [Int] {
        var rows = indices.filter { $0 >= 0 && $0 < instances.count }
        let list = instances
        let names = SortKeys(rows, list.count) { list[$0].name }
        let ids = SortKeys(rows, list.count, folded: false) { list[$0].entityId }
        let types = SortKeys(rows, list.count, folded: false) { list[$0].entityType.rawValue }
        var primary: SortKeys
        var ranks: [Int32] = []
        switch spec.column {
        case .type: primary = types
        case .name: primary = names
        case .subtitle: primary = SortKeys(rows, list.count) { list[$0].subtitle ?? "" }
        case .tenant: primary = SortKeys(rows, list.count) { list[$0].tenant }
        case .node: primary = SortKeys(rows, list.count) { list[$0].nodeName }
        case .mode: primary = SortKeys(rows, list.count) { list[$0].mode.rawValue }
        case .binding, .risk:
            primary = SortKeys([], list.count) { _ in "" }
            ranks = [Int32](repeating: 0, count: list.count)
            for i in rows {
                ranks[i] = spec.column == .binding ? (list[i].explicit ? 0 : 1) : Int32(risk.risk(of: list[i]).severity)
            }
        }
        let asc = spec.ascending
        let useRanks = !ranks.isEmpty
        primary.withView { p in names.withView { n in types.withView { t in ids.withView { d in
            ranks.withUnsafeBufferPointer { r in
                rows.sort { a, b in
                    let c = useRanks ? (r[a] == r[b] ? 0 : (r[a] < r[b] ? -1 : 1)) : p.compare(a, b)
                    if c != 0 { return asc ? c < 0 : c > 0 }
                    let x = n.compare(a, b)
                    if x != 0 { return x < 0 }
                    let y = t.compare(a, b)
                    if y != 0 { return y < 0 }
                    let z = d.compare(a, b)
                    if z != 0 { return z < 0 }
                    return a < b
                }
            }
        } } } }
        return rows
    }
}

/// One sort key per row as byte ranges in a single buffer; compares like
/// `memcmp` then length. Rows not given keep an empty key.
struct SortKeys {
    var bytes: [UInt8] = []
    var starts: [Int]
    var ends: [Int]

    init(_ rows: [Int], _ count: Int, folded: Bool = true, _ key: (Int) -> String) {
        starts = [Int](repeating: 0, count: count)
        ends = [Int](repeating: 0, count: count)
        for r in rows {
            starts[r] = bytes.count
            if folded { TextFolding.appendLowered(key(r), to: &bytes) } else { bytes.append(contentsOf: key(r).utf8) }
            ends[r] = bytes.count
        }
    }

    /// Runs `body` with raw views of the buffers, so comparisons inside a
    /// sort touch no reference counts and no bounds checks.
    func withView<R>(_ body: (View) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in
            starts.withUnsafeBufferPointer { s in ends.withUnsafeBufferPointer { e in body(View(bytes: b, starts: s, ends: e)) } }
        }
    }

    /// Raw buffers of `SortKeys`, valid only inside `withView`.
    struct View {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int>
        let ends: UnsafeBufferPointer<Int>

        /// -1, 0 or 1 in natural order (`NaturalOrder`).
        @inline(__always)
        func compare(_ a: Int, _ b: Int) -> Int {
            NaturalOrder.compare(UnsafeBufferPointer(rebasing: bytes[starts[a]..<ends[a]]),
                                 UnsafeBufferPointer(rebasing: bytes[starts[b]..<ends[b]]))
        }
    }
}

extension ClusterSnapshot {
    /// `instance`'s value in `column`, for the merged tables, which compare
    /// instances of several clusters (text folded; a blank cell, missing or
    /// empty, last either way; binding and risk as the instance pane ranks them).
    package func sortKey(of instance: Instance, _ column: InstanceColumn, risk: RiskContext) -> RowSortKey {
        func text(_ s: String?) -> RowSortKey {
            guard let s, !s.isEmpty else { return .none }
            return .text(TextFolding.loweredString(s))
        }
        switch column {
        case .type: return text(instance.entityType.rawValue)
        case .name: return text(instance.name)
        case .subtitle: return text(instance.subtitle)
        case .tenant: return text(instance.tenantSlug ?? instance.tenantId)
        case .node: return text(instance.nodeName)
        case .mode: return text(instance.mode.rawValue)
        case .binding: return .number(instance.explicit ? 0 : 1)
        case .risk: return .number(Double(risk.risk(of: instance).severity))
        }
    }
}
