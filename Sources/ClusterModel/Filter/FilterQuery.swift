import Foundation

/// The field names of the filter language (`node:x`).
public enum FilterField: String, Sendable, Hashable, CaseIterable {
    case type, node, tenant, mode, status, role
    case `is`
    /// The cluster's context name (issue 23: the merged tables across every context).
    case ctx

    /// `type:`, `node:`, `tenant:` and `ctx:` match substrings; the rest match exactly.
    public var isSubstring: Bool { self == .type || self == .node || self == .tenant || self == .ctx }
}

/// The values of `is:`.
public enum FilterFlag: String, Sendable, Hashable, CaseIterable {
    case explicit, `default`, risk, this
    /// A node the recorded history says is flapping, or an instance bound to one (issue 22).
    case flapping
}

/// One term of a query: free text (`field == nil`) or a field term, maybe negated.
public struct FilterTerm: Sendable, Hashable {
    public var field: FilterField?
    /// The value, lower-cased (the flag's raw value for `is:`).
    public var value: String
    public var negated: Bool
    /// `value` as folded UTF-8, ready for byte search.
    let needle: [UInt8]

    public init(field: FilterField?, value: String, negated: Bool = false) {
        self.field = field
        self.value = TextFolding.loweredString(value)
        self.negated = negated
        needle = Array(self.value.utf8)
    }

    public var flag: FilterFlag? { field == .is ? FilterFlag(rawValue: value) : nil }
}

/// A parsed filter: whitespace-separated terms that must all match.
///
/// Language (see `parse`): free words and "quoted phrases" match
/// case-insensitively as substrings; `type:` `node:` `tenant:` match
/// substrings of that field; `mode:` `status:` `role:` match exactly;
/// `is:explicit|default|risk|this`; a leading `-` negates any term.
///
/// Decisions:
/// - Only the listed field names are fields. A word whose part before ':' is
///   all ASCII letters but no field (`foo:x`) is an error, to catch typos; any
///   other word with ':' (an entity id such as `tenant1:brw_42`) is free text.
///   Quote it (`"acme:brw_1"`) to search for a letters-only prefix. A
///   URL (`https://node-a`, ':' followed by "//") is free text too.
/// - `status:` accepts the registry status (online, offline, draining) or a
///   heartbeat health (ok, late, stale, ghost): `status:stale` finds nodes
///   that still read online but are silent. For instances it applies to the
///   instance's node; an unregistered node matches no status or role.
/// - For nodes: `is:this` is the answering node, `is:default` the default
///   node, `is:risk` a node that is down (stale or offline), plus ghosts that
///   still have instances bound, `is:flapping` a node the recorded history
///   says is flapping (issue 22); `type:`, `tenant:`, `mode:` and
///   `is:explicit` do not apply to nodes and are ignored (even negated).
public struct FilterQuery: Sendable, Hashable {
    public var terms: [FilterTerm]

    public init(terms: [FilterTerm] = []) { self.terms = terms }

    public static func parse(_ text: String) -> Result<FilterQuery, FilterParseError> {
        FilterParser.parse(text)
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The language in a few lines, for the help screen and the filter prompt.
    public static let syntaxHelp: [String] = [
        "words         all must match (name, id, subtitle, tenant, node; nodes: name, host, url, version, tags)",
        "\"a phrase\"    match text with spaces",
        "type: node: tenant: ctx:   substring of that field (ctx: the context)      mode: status: role:   exact value",
        "is:explicit is:default is:risk is:this is:flapping",
        "-term         exclude matches, e.g. -status:ghost",
    ]

    /// For the events pane (issue 24): every word in the event's subject or
    /// message; a field term matches no event.
    public func matchesEvent(subject: String, message: String) -> Bool {
        for t in terms {
            let hit = t.field == nil && (TextFolding.contains(subject, t.needle) || TextFolding.contains(message, t.needle))
            if hit == t.negated { return false }
        }
        return true
    }

    public func matches(_ instance: Instance, _ ctx: FilterContext) -> Bool {
        for t in terms where t.matchesInstance(instance, ctx) == t.negated { return false }
        return true
    }

    public func matches(_ node: Node, _ ctx: FilterContext) -> Bool {
        for t in terms {
            guard let m = t.matchesNode(node, ctx) else { continue }
            if m == t.negated { return false }
        }
        return true
    }

    /// True when every row matching `new` also matches `old`, so filtering
    /// `old`'s result with `new` equals a full scan (with the same context).
    /// Conservative: each old term must reappear unchanged, or, for a
    /// positive free-text or substring-field term, as the same kind of term
    /// whose value contains the old value ("res" → "rese"). New terms may be added.
    public static func narrows(_ new: FilterQuery, _ old: FilterQuery) -> Bool {
        old.terms.allSatisfy { o in
            new.terms.contains { n in
                if n == o { return true }
                guard !o.negated, !n.negated, n.field == o.field, o.field == nil || o.field?.isSubstring == true
                else { return false }
                return n.value.contains(o.value)
            }
        }
    }
}

extension FilterQuery {
    /// The first term that means nothing for a node (`type:`, `tenant:`,
    /// `mode:`, `is:explicit`), so the nodes pane can refuse it by name.
    public var firstInstanceOnlyTerm: FilterTerm? {
        terms.first { term in
            switch term.field {
            case .type, .tenant, .mode: return true
            case .is: return term.flag == .explicit || term.flag == nil
            case nil, .node, .status, .role, .ctx: return false
            }
        }
    }

    /// The first term only a cluster's recorded history can answer
    /// (`is:flapping`): one cluster's, so no query across clusters may use it.
    public var firstHistoryTerm: FilterTerm? {
        terms.first { $0.flag == .flapping }
    }
}

extension FilterTerm {
    /// The term as typed (lower-cased): `type:agent`, `-status:offline`.
    public var text: String {
        (negated ? "-" : "") + (field.map { $0.rawValue + ":" } ?? "") + value
    }

    func matchesInstance(_ i: Instance, _ ctx: FilterContext) -> Bool {
        switch field {
        case nil:
            return TextFolding.contains(i.name, needle) || TextFolding.contains(i.entityId, needle)
                || TextFolding.contains(i.subtitle ?? "", needle) || TextFolding.contains(i.tenantSlug ?? "", needle)
                || TextFolding.contains(i.tenantId ?? "", needle) || TextFolding.contains(i.nodeName, needle)
        case .type: return TextFolding.contains(i.entityType.rawValue, needle)
        case .node: return TextFolding.contains(i.nodeName, needle)
        case .ctx: return TextFolding.contains(ctx.context, needle)
        case .tenant:
            return TextFolding.contains(i.tenantSlug ?? "", needle) || TextFolding.contains(i.tenantId ?? "", needle)
        case .mode: return TextFolding.equals(i.mode.rawValue, needle)
        case .status, .role:
            guard let node = ctx.snapshot.nodesByName[i.nodeName] else { return false }
            return matchesNodeField(node, ctx.risk.health(ofNode: node.name))
        case .is:
            switch flag {
            case .explicit: return i.explicit
            case .default: return !i.explicit
            case .risk: return ctx.risk.risk(of: i) != .none
            case .this: return i.nodeName == ctx.snapshot.thisNodeName
            case .flapping: return ctx.flapping.contains(i.nodeName)
            case nil: return false
            }
        }
    }

    /// `status:`/`role:` against a node; `health` nil means unknown.
    func matchesNodeField(_ node: Node, _ health: HeartbeatHealth?) -> Bool {
        if field == .role { return TextFolding.equals(node.role.rawValue, needle) }
        return TextFolding.equals(node.status.rawValue, needle) || health?.rawValue == value
    }

    /// `nil` when the term does not apply to nodes.
    func matchesNode(_ n: Node, _ ctx: FilterContext) -> Bool? {
        switch field {
        case nil:
            return TextFolding.contains(n.name, needle) || TextFolding.contains(n.hostname ?? "", needle)
                || TextFolding.contains(n.url ?? "", needle) || TextFolding.contains(n.version ?? "", needle)
                || n.tags.contains { TextFolding.contains($0, needle) }
        case .node: return TextFolding.contains(n.name, needle)
        case .ctx: return TextFolding.contains(ctx.context, needle)
        case .status, .role: return matchesNodeField(n, ctx.risk.health(ofNode: n.name)
            ?? n.health(now: ctx.risk.now, thresholds: ctx.risk.thresholds))
        case .type, .tenant, .mode: return nil
        case .is:
            switch flag {
            case .this: return n.name == ctx.snapshot.thisNodeName
            case .flapping: return ctx.flapping.contains(n.name)
            case .default: return n.name == ctx.snapshot.defaultNodeName
            case .risk:
                let h = ctx.risk.health(ofNode: n.name) ?? n.health(now: ctx.risk.now, thresholds: ctx.risk.thresholds)
                guard h.isDown else { return false }
                return h != .ghost || ctx.snapshot.boundCount[n.name, default: 0] > 0
            case .explicit, nil: return nil
            }
        }
    }
}
