import ArgumentParser
import ClusterModel
import Foundation

/// `clustertui get nodes|instances|overview|fleet [-o table|wide|json]
/// [--filter QUERY] [--watch]`: prints the cluster's state (or every
/// context's, for `fleet`) for scripts and quick looks; nodes and instances
/// filtered by the dashboard's filter language, and watched (issue 24).
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print nodes, instances, the overview, or every context of the config file.",
        discussion: """
            -o table (default) prints aligned columns with heartbeat age and health, computed on the \
            server's clock; -o wide adds more columns (and, for instances, the risk); -o json prints \
            the data stably re-encoded (sorted keys, wire timestamps):
              nodes      {thisNodeName, defaultNodeName, nodes}
              instances  the body of GET /api/cluster/instances
              overview   the body of GET /api/cluster/overview
              fleet      one object per context of the config file: its state (live, or why not),
                         node counts by health, instances at risk from the overview alone, versions,
                         clock skew and latency; every context read at once, each within --timeout.
                         Exit 0 when every context answered, 1 when some did not.
            --filter QUERY (nodes, instances) keeps what the dashboard's filter would: words, type: node: \
            tenant: mode: status: role:, is:explicit is:default is:risk is:this, -term to exclude; \
            is:flapping reads the history the dashboards recorded.
            -A, --all-contexts (nodes, instances) reads every context of the config file at once, each \
            within --timeout, and adds a CONTEXT column; --filter gains ctx:NAME. A context that did not \
            answer is named on stderr (exit 1); -o json: [{"context", "nodes"|"instances"}].
            get node NAME and get instance TYPE ID print one with every field (-o json: its wire object).
            --watch (nodes, instances) polls until interrupted: the table again when a row's state changes, \
            or with -o json one line per change: {"type":"ADDED|MODIFIED|DELETED","object":{…}} (nodes: with \
            "health"); Ctrl-C ends it (exit 130); a failed poll is said and retried, a usage or login error ends it.
            """ + "\n" + CLIRun.exitCodeHelp)

    /// What to print.
    enum Resource: String, ExpressibleByArgument, CaseIterable {
        case nodes, instances, overview, fleet
        init?(argument: String) {
            switch argument.lowercased() {
            case "fleet", "contexts": self = .fleet
            case "nodes", "node", "no": self = .nodes
            case "instances", "instance", "in": self = .instances
            case "overview", "ov": self = .overview
            default: return nil
            }
        }
    }

    /// How to print it.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, wide, json
    }

    @Argument(help: "nodes, instances, overview or fleet.")
    var resource: Resource

    @Argument(help: ArgumentHelp("One of them: `node NAME`, `instance TYPE ID` (every field).", valueName: "name"))
    var names: [String] = []

    @Option(name: .shortAndLong, help: "table, wide or json.")
    var output: Format = .table

    @Option(name: .customLong("filter"), help: ArgumentHelp(
        "Only what the dashboard's filter keeps, e.g. 'status:late' or 'node:w-3 is:explicit'.", valueName: "QUERY"))
    var filter: String?

    @Flag(help: "Keep polling (nodes, instances): print again when something changes; Ctrl-C ends it.")
    var watch = false

    @Flag(name: [.customShort("A"), .customLong("all-contexts")],
          help: "Nodes or instances of every context of the config file, with a CONTEXT column (--filter: ctx:NAME).")
    var allContexts = false

    @Option(help: "Seconds between polls with --watch (nodes 2, instances 30: the list is the expensive call).")
    var interval: Double?

    /// The watch's period.
    var period: Double { interval ?? (resource == .instances ? 30 : 2) }

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        let listing = resource == .nodes || resource == .instances
        if filter != nil && !listing { throw ValidationError("--filter applies to nodes and instances") }
        if watch && !listing { throw ValidationError("--watch applies to nodes and instances") }
        if allContexts && (!listing || watch || !names.isEmpty) {
            throw ValidationError("--all-contexts lists nodes or instances, without --watch or a name")
        }
        if allContexts && (connection.url != nil || connection.context != nil) {
            throw ValidationError("--all-contexts reads every context of the config file: no --url or --context")
        }
        if let interval, !(interval >= 0.5 && interval <= 3600) { throw ValidationError("--interval must be 0.5…3600 seconds") }
        switch (resource, names.count) {
        case (_, 0), (.nodes, 1), (.instances, 2): break
        case (.nodes, _): throw ValidationError("get node takes one name")
        case (.instances, _): throw ValidationError("get instance takes a type and an id: get instance agent t1:agt_0")
        default: throw ValidationError("only nodes and instances are got one at a time")
        }
        if !names.isEmpty && (filter != nil || watch || output == .wide) {
            throw ValidationError("one resource: no --filter, --watch or -o wide")
        }
        if let filter {
            switch FilterQuery.parse(filter) {
            case .failure(let error): throw ValidationError("--filter: \(error.message) (at character \(error.position + 1))")
            case .success(let query):
                // As the dashboard says it: a term for instances means nothing for nodes (it would keep them all).
                if resource == .nodes, let term = query.firstInstanceOnlyTerm {
                    throw ValidationError("--filter: \(term.text) filters instances, not nodes")
                }
                // The recorded history is one cluster's: read across contexts it would answer for the wrong ones.
                if allContexts, query.firstHistoryTerm != nil {
                    throw ValidationError("--filter: is:flapping reads one cluster's recorded history: use --context, not --all-contexts")
                }
            }
        }
    }

    /// The `--filter` query (validated already).
    func selection() throws -> GetSelection { try GetSelection(filter, connection: connection) }

    func run() async throws {
        try await CLIRun.run {
            if watch {
                try await connection.withConnection { try await GetWatch(command: self).run($0.reader) }
                return
            }
            if allContexts {
                try await GetAllContexts(command: self).run()
                return
            }
            if resource == .fleet {
                let rows = try await FleetPoll.rows(connection)
                StandardOutput.write(try FleetTable.render(rows, output))
                if rows.contains(where: { $0.state != .live }) { throw ExitCode(ClusterError.ExitCode.failure.rawValue) }
                return
            }
            let text = try await connection.withConnection { try await render($0.reader) }
            StandardOutput.write(text)
        }
    }

    func render(_ reader: any ClusterReading) async throws -> String {
        if names.count == 1 { return try await GetOne.node(names[0], self, reader) }
        if names.count == 2 { return try await GetOne.instance(names[0], names[1], self, reader) }
        switch resource {
        case .nodes:
            var (overview, now) = try await fetchOverview(reader)
            let selection = try selection()
            let kept = selection.nodes(overview, now: now, instances: selection.needsInstancesForNodes ? try await reader.instances().instances : nil)
            if output == .json {
                if let kept { overview.nodes = overview.nodes.filter { kept.contains($0.name) } }
                return try StableJSON.encode(NodesJSON(overview)) + "\n"
            }
            return ResourceTables.nodes(overview, now: now, wide: output == .wide, only: kept).render()
        case .instances:
            var list = try await reader.instances()
            let selection = try selection()
            let fetched = output == .wide || selection.needsOverview ? try await fetchOverview(reader) : nil
            if let fetched { list.instances = selection.instances(list.instances, overview: fetched.0, now: fetched.1) }
            if output == .json { return try StableJSON.encode(list) + "\n" }
            var risk: RiskContext?
            if output == .wide, let (overview, now) = fetched {
                let snapshot = ClusterSnapshot(overview: overview, instances: list.instances, instancesKnown: true, takenAt: now)
                risk = RiskContext(snapshot: snapshot, now: now)
            }
            return ResourceTables.instances(list.instances, risk: risk).render()
        case .fleet:
            return try FleetTable.render(await FleetPoll.rows(connection), output)
        case .overview:
            let (overview, now) = try await fetchOverview(reader)
            if output == .json { return try StableJSON.encode(overview) + "\n" }
            let nodes = ResourceTables.nodes(overview, now: now, wide: output == .wide).render()
            let marks = "this node: \(TextSanitizer.visible(overview.thisNodeName))   "
                + "default node: \(TextSanitizer.visible(overview.defaultNodeName))\n\n"
            let assignments = overview.assignments.isEmpty
                ? "no explicit assignments\n"
                : ResourceTables.assignments(overview.assignments, now: now).render()
            return marks + nodes + "\n" + assignments
        }
    }

    /// The overview and the server's "now" (its `Date` header, else the local clock).
    func fetchOverview(_ reader: any ClusterReading) async throws -> (Overview, Date) {
        let fetched = try await reader.overview(unlessUnchangedFrom: nil)
        guard let overview = fetched.value else { throw ClusterError.malformed("overview: empty reply") }
        return (overview, fetched.serverDate ?? Date())
    }
}

/// The `get nodes -o json` shape: the overview without its assignments.
struct NodesJSON: Encodable {
    var thisNodeName: String
    var defaultNodeName: String
    var nodes: [Node]
    init(_ o: Overview) { thisNodeName = o.thisNodeName; defaultNodeName = o.defaultNodeName; nodes = o.nodes }
}
