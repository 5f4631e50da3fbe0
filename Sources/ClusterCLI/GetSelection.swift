import ClusterModel
import Foundation

/// What `get nodes|instances --filter QUERY` keeps (issue 24): the
/// dashboard's filter language, judged on the same snapshot and risk as the
/// dashboard's (`status:late`, `is:risk`, `node:w-3 is:explicit`, words).
struct GetSelection {
    let query: FilterQuery?
    /// For `is:flapping`: the nodes the recorded history says flap (read only when the query asks).
    var flapping: Set<String> = []

    /// Parses `text`; a query that does not parse is a usage error naming where.
    /// `is:flapping` reads the history the dashboards recorded for `connection`'s cluster.
    init(_ text: String?, connection: ConnectionOptions) throws {
        guard let text else { query = nil; return }
        switch FilterQuery.parse(text) {
        case .success(let query): self.query = query.isEmpty ? nil : query
        case .failure(let error): throw ClusterError.usage("--filter: \(error.message) (at character \(error.position + 1))")
        }
        if query?.firstHistoryTerm != nil {
            let (store, _) = try HistoryFiles.open(connection)
            let now = Date()
            let window = HistoryWindow(records: try store.load(since: now.addingTimeInterval(-FlappingRule.window), changes: 0))
            flapping = window.flappingNodes(now: now)
        }
    }

    /// Whether judging nodes needs the instance list (`is:risk`: a ghost with instances bound is at risk).
    var needsInstancesForNodes: Bool { query?.terms.contains { $0.flag == .risk } == true }

    /// The names of the nodes the query keeps (`nil`: all).
    func nodes(_ overview: Overview, now: Date, instances: [Instance]? = nil) -> Set<String>? {
        guard let query else { return nil }
        let context = Self.context(overview, instances: instances, now: now, flapping: flapping)
        return Set(overview.nodes.filter { query.matches($0, context) }.map(\.name))
    }

    /// The instances the query keeps; `overview` answers `status:`, `role:` and `is:risk`.
    func instances(_ list: [Instance], overview: Overview?, now: Date) -> [Instance] {
        guard let query else { return list }
        let context = Self.context(overview ?? Overview(thisNodeName: "", defaultNodeName: "", nodes: [], assignments: []),
                                   instances: list, now: now, flapping: flapping)
        return list.filter { query.matches($0, context) }
    }

    /// Whether the query needs the overview to judge instances.
    var needsOverview: Bool { query != nil }

    /// What the query's terms are judged on; `name` is the context `ctx:` matches.
    static func context(_ overview: Overview, instances: [Instance]?, now: Date, flapping: Set<String>, name: String = "") -> FilterContext {
        let snapshot = ClusterSnapshot(overview: overview, instances: instances ?? [], instancesKnown: instances != nil, takenAt: now)
        return FilterContext(snapshot: snapshot, risk: RiskContext(snapshot: snapshot, now: now), flapping: flapping, context: name)
    }
}
