import Foundation

/// One filter term compiled against an `InstanceSearchIndex` and a context:
/// everything that depends only on a node, type or mode is answered once
/// per distinct value here, leaving a table lookup or a byte search per row.
struct Plan {
    enum Test {
        case text([UInt8])
        case tenant([UInt8])
        case node([Bool])
        case type([Bool])
        case mode([Bool])
        case explicit(Bool)
        /// At-risk per node ordinal for strict, preferred and defaulted rows.
        case risk(strict: [Bool], preferred: [Bool], defaulted: [Bool], modeIsPreferred: [Bool])
    }
    var test: Test
    var negated: Bool

    @inline(__always)
    func test(_ i: Int, _ ix: InstanceSearchIndex, _ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        switch test {
        case .text(let n):
            let s = ix.spans[i]
            return n.withUnsafeBufferPointer { TextFolding.find(buf, s.start, s.end, $0, folding: false) }
        case .tenant(let n):
            let s = ix.spans[i]
            return n.withUnsafeBufferPointer { TextFolding.find(buf, s.tenant, s.node, $0, folding: false) }
        case .node(let t): return t[Int(ix.nodeOrdinal[i])]
        case .type(let t): return t[Int(ix.typeOrdinal[i])]
        case .mode(let t): return t[Int(ix.modeOrdinal[i])]
        case .explicit(let e): return ix.explicit[i] == e
        case .risk(let strict, let preferred, let defaulted, let modePref):
            let o = Int(ix.nodeOrdinal[i])
            guard ix.explicit[i] else { return defaulted[o] }
            return modePref[Int(ix.modeOrdinal[i])] ? preferred[o] : strict[o]
        }
    }
}

extension InstanceSearchIndex {
    func plan(_ t: FilterTerm, _ ctx: FilterContext) -> Plan {
        Plan(test: compile(t, ctx), negated: t.negated)
    }

    private func compile(_ t: FilterTerm, _ ctx: FilterContext) -> Plan.Test {
        switch t.field {
        case nil: return .text(t.needle)
        case .tenant: return .tenant(t.needle)
        case .type: return .type(typeNames.map { TextFolding.contains($0, t.needle) })
        case .mode: return .mode(modeNames.map { TextFolding.equals($0, t.needle) })
        case .node: return .node(nodeNames.map { TextFolding.contains($0, t.needle) })
        // The same answer for every row: the cluster's context name (issue 23).
        case .ctx: return .node(nodeNames.map { _ in TextFolding.contains(ctx.context, t.needle) })
        case .status, .role:
            return .node(nodeNames.map { name in
                guard let node = ctx.snapshot.nodesByName[name] else { return false }
                return t.matchesNodeField(node, ctx.risk.health(ofNode: name))
            })
        case .is:
            switch t.flag {
            case .explicit: return .explicit(true)
            case .default: return .explicit(false)
            case .this: return .node(nodeNames.map { $0 == ctx.snapshot.thisNodeName })
            case .flapping: return .node(nodeNames.map { ctx.flapping.contains($0) })
            case .risk: return riskTest(ctx)
            case nil: return .node(nodeNames.map { _ in false }) // as `matches`: an unknown flag matches nothing
            }
        }
    }

    private func riskTest(_ ctx: FilterContext) -> Plan.Test {
        var strict: [Bool] = [], preferred: [Bool] = [], defaulted: [Bool] = []
        let dh = ctx.risk.defaultHealth
        for name in nodeNames {
            let has = !name.isEmpty
            let h = has ? ctx.risk.health(ofNode: name) : nil
            strict.append(Risk.evaluate(explicit: true, mode: .strict, nodeHealth: h, hasNodeName: has, defaultHealth: dh) != .none)
            preferred.append(
                Risk.evaluate(explicit: true, mode: .preferred, nodeHealth: h, hasNodeName: has, defaultHealth: dh) != .none)
            defaulted.append(
                Risk.evaluate(explicit: false, mode: .preferred, nodeHealth: h, hasNodeName: has, defaultHealth: dh) != .none)
        }
        return .risk(strict: strict, preferred: preferred, defaulted: defaulted,
                     modeIsPreferred: modeNames.map { AssignmentMode($0) == .preferred })
    }
}
