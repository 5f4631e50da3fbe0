import Foundation

/// A precomputed, allocation-free search structure over one instance list,
/// so a keystroke filters 100,000 instances within a frame.
///
/// All searchable text lives lower-cased in one byte buffer: per instance
/// `name␀entityId␀subtitle␀tenantSlug␀tenantId␀nodeName␀`. Free text is a
/// byte search over the whole record (the NUL separators keep a term from
/// spanning two fields), `tenant:` over its two fields. Node, type and mode
/// are stored as ordinals into small tables, so `node:`, `type:`, `mode:`,
/// `status:`, `role:`, `is:this` and `is:risk` are answered per distinct
/// value once per call and then looked up per row.
///
/// Results equal `FilterQuery.matches` row by row (tests check this).
public struct InstanceSearchIndex: Sendable {
    /// Where one instance's record and its tenant and node fields start in `bytes`.
    struct Span: Sendable {
        var start: Int
        var tenant: Int
        var node: Int
        var end: Int
    }

    let bytes: [UInt8]
    let spans: [Span]
    let explicit: [Bool]
    let nodeOrdinal: [Int32]
    let typeOrdinal: [Int32]
    let modeOrdinal: [Int32]
    /// Distinct node names as the rows spell them.
    let nodeNames: [String]
    let typeNames: [String]
    let modeNames: [String]

    public var count: Int { spans.count }

    public init(instances: [Instance]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(instances.count * 80)
        var spans: [Span] = []
        spans.reserveCapacity(instances.count)
        var nodes = Interner(), types = Interner(), modes = Interner()
        var nodeOrd: [Int32] = [], typeOrd: [Int32] = [], modeOrd: [Int32] = []
        nodeOrd.reserveCapacity(instances.count)
        typeOrd.reserveCapacity(instances.count)
        modeOrd.reserveCapacity(instances.count)
        for i in instances {
            let start = bytes.count
            TextFolding.appendLowered(i.name, to: &bytes); bytes.append(0)
            TextFolding.appendLowered(i.entityId, to: &bytes); bytes.append(0)
            TextFolding.appendLowered(i.subtitle ?? "", to: &bytes); bytes.append(0)
            let tenant = bytes.count
            TextFolding.appendLowered(i.tenantSlug ?? "", to: &bytes); bytes.append(0)
            TextFolding.appendLowered(i.tenantId ?? "", to: &bytes); bytes.append(0)
            let node = bytes.count
            TextFolding.appendLowered(i.nodeName, to: &bytes); bytes.append(0)
            spans.append(Span(start: start, tenant: tenant, node: node, end: bytes.count))
            nodeOrd.append(nodes.ordinal(i.nodeName))
            typeOrd.append(types.ordinal(i.entityType.rawValue))
            modeOrd.append(modes.ordinal(i.mode.rawValue))
        }
        self.bytes = bytes
        self.spans = spans
        explicit = instances.map(\.explicit)
        nodeOrdinal = nodeOrd; typeOrdinal = typeOrd; modeOrdinal = modeOrd
        nodeNames = nodes.names; typeNames = types.names; modeNames = modes.names
    }

    /// Indices (into the array the index was built from) of the instances
    /// matching `q`, in the order of `candidates` when given (so a caller can
    /// pass its sorted order), else ascending. Out-of-range candidates are
    /// dropped. Pass `candidates` only when `FilterQuery.narrows(q, old)` holds
    /// for the query that produced them and the context is the same.
    public func filter(_ q: FilterQuery, _ ctx: FilterContext, within candidates: [Int]? = nil) -> [Int] {
        if q.isEmpty { return candidates?.filter { $0 >= 0 && $0 < count } ?? Array(0..<count) }
        let plans = q.terms.map { plan($0, ctx) }
        var out: [Int] = []
        out.reserveCapacity(candidates?.count ?? count)
        bytes.withUnsafeBufferPointer { buf in
            if let candidates {
                for i in candidates where i >= 0 && i < count && matches(i, plans, buf) { out.append(i) }
            } else {
                for i in 0..<count where matches(i, plans, buf) { out.append(i) }
            }
        }
        return out
    }

    @inline(__always)
    func matches(_ i: Int, _ plans: [Plan], _ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        for p in plans where p.test(i, self, buf) == p.negated { return false }
        return true
    }
}

/// Assigns small integers to repeated strings while the index is built.
struct Interner {
    var ids: [String: Int32] = [:]
    var names: [String] = []
    mutating func ordinal(_ s: String) -> Int32 {
        if let id = ids[s] { return id }
        let id = Int32(names.count)
        ids[s] = id
        names.append(s)
        return id
    }
}
