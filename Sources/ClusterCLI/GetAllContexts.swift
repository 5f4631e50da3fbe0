import ArgumentParser
import ClusterClient
import ClusterModel
import ClusterRuntime
import ClusterState
import Foundation

/// `clustertui get nodes|instances --all-contexts` (issue 23: the merged
/// tables, for scripts): every context of the config file read at once,
/// each on its own connection within `--timeout`; the tables gain a
/// CONTEXT column and `--filter` its `ctx:` term. A context that did not
/// answer is a line on stderr and exit 1, never an empty cluster.
struct GetAllContexts {
    let command: GetCommand

    /// One context's answer: its overview and moment, its instance list (for instances), or why not.
    struct Answer: Sendable {
        var context: String
        var result: Result<(overview: Overview, now: Date, instances: [Instance]?), ClusterError>
    }

    func run() async throws {
        let instances = command.resource == .instances
        let selection = try command.selection()
        let needsList = instances || selection.needsInstancesForNodes
        let answers = try await FleetPoll.each(command.connection, configPath: ClusterConfig.defaultPath) { name, _, options in
            await Self.read(name, options: options, list: needsList)
        }
        var failed = false
        for answer in answers {
            if case .failure(let error) = answer.result {
                failed = true
                StandardError.write("\(TextSanitizer.visible(answer.context)): \(Self.why(error))\n")
            }
        }
        StandardOutput.write(try render(answers, selection: selection))
        if failed { throw ExitCode(ClusterError.ExitCode.failure.rawValue) }
    }

    /// The cause and the error, the cause once: "malformed reply: malformed reply: GET …" said it twice.
    static func why(_ error: ClusterError) -> String {
        let cause = ContextState.cause(error), text = ErrorExcerpt.short(error, limit: 160)
        return text.hasPrefix(cause) ? text : "\(cause): \(text)"
    }

    /// The table of every context that answered, in name order; in JSON,
    /// one that did not is an entry with its `error` (as `get fleet`'s),
    /// never left out as if the config had no such context.
    func render(_ answers: [Answer], selection: GetSelection) throws -> String {
        let instances = command.resource == .instances
        var table: TextTable?
        var json: [ContextJSON] = []
        for answer in answers {
            guard case .success(let data) = answer.result else {
                if case .failure(let error) = answer.result { json.append(ContextJSON(context: answer.context, error: Self.why(error))) }
                continue
            }
            let context = GetSelection.context(data.overview, instances: data.instances, now: data.now, flapping: [], name: answer.context)
            if instances {
                let list = selection.query.map { q in (data.instances ?? []).filter { q.matches($0, context) } } ?? (data.instances ?? [])
                json.append(ContextJSON(context: answer.context, instances: list))
                let risk = command.output == .wide ? context.risk : nil
                table = Self.prefixed(table, ResourceTables.instances(list, risk: risk), context: answer.context)
            } else {
                let kept = selection.query.map { q in Set(data.overview.nodes.filter { q.matches($0, context) }.map(\.name)) }
                var overview = data.overview
                if let kept { overview.nodes = overview.nodes.filter { kept.contains($0.name) } }
                json.append(ContextJSON(context: answer.context, nodes: NodesJSON(overview)))
                let nodes = ResourceTables.nodes(data.overview, now: data.now, wide: command.output == .wide, only: kept)
                table = Self.prefixed(table, nodes, context: answer.context)
            }
        }
        if command.output == .json { return try StableJSON.encode(json) + "\n" }
        return table?.render() ?? ""
    }

    /// `table`'s rows under a CONTEXT column, after `into`'s.
    static func prefixed(_ into: TextTable?, _ table: TextTable, context: String) -> TextTable {
        var merged = into ?? TextTable(["CONTEXT"] + table.headers)
        for row in table.rows { merged.add([context] + row) }
        return merged
    }

    /// One context's overview (and list), through the fleet's per-context connection.
    static func read(_ name: String, options: ConnectionOptions, list: Bool) async -> Answer {
        let links = FleetLinks(connector: { _ in try await options.connect(quiet: true) })
        let result: Result<(overview: Overview, now: Date, instances: [Instance]?), ClusterError>
        do {
            let fetched = try await links.overview(name, previous: nil).get()
            guard let overview = fetched.value else { throw ClusterError.malformed("overview: empty reply") }
            let instances = list ? try await links.instances(name, previous: nil).get().value?.instances : nil
            if list, instances == nil { throw ClusterError.malformed("instances: empty reply") }
            result = .success((overview, fetched.serverDate ?? Date(), instances))
        } catch {
            result = .failure(error as? ClusterError ?? .transport(TextSanitizer.excerpt(String(describing: error), limit: 200)))
        }
        await links.shutdown()
        return Answer(context: name, result: result)
    }
}

/// One context in `get nodes|instances --all-contexts -o json`.
struct ContextJSON: Encodable {
    var context: String
    var nodes: NodesJSON?
    var instances: [Instance]?
    /// Why the context did not answer; then `nodes` and `instances` are absent.
    var error: String?
}
