import ArgumentParser
import ClusterModel
import ClusterWrites
import Foundation

/// `clustertui plan evacuate|rebind`: prints what a bulk move would do,
/// as a table, as the JSON `apply` reads, or as a shell script; sends nothing.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a bulk move (evacuate a node, rebind a filter's matches); nothing is sent.",
        discussion: """
            Save the plan with -o json > plan.json, read it, then `clustertui apply plan.json`. \
            -o script prints the same moves as clustertui assign/unassign lines for a change ticket. \
            --spread sends each entity to the healthy node with the fewest entities bound; never to \
            an offline, draining, silent or late node.
            """ + "\n" + CLIRun.exitCodeHelp,
        subcommands: [PlanEvacuateCommand.self, PlanRebindCommand.self])
}

/// The options `plan evacuate` and `plan rebind` share.
struct PlanTargetOptions: ParsableArguments {
    @Option(name: .customLong("to"), help: ArgumentHelp("Move everything to this node.", valueName: "NODE"))
    var to: String?

    @Flag(name: .customLong("spread"), help: "Spread across healthy nodes, least-bound first.")
    var spread = false

    @Option(name: .customLong("mode"), help: "strict or preferred (default: keep each entity's mode).")
    var mode: AssignCommand.Mode?

    @Option(name: .shortAndLong, help: "table, json or script.")
    var output: PlanFormat = .table

    func target(required: Bool) throws -> PlanTarget {
        if let to, spread { throw ValidationError("give --to \(to) or --spread, not both") }
        if let to {
            guard !to.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--to is blank") }
            return .node(to)
        }
        if !spread, required { throw ValidationError("say where to: --to NODE or --spread") }
        return .spread
    }

    var assignmentMode: AssignmentMode? { mode.map { AssignmentMode($0.rawValue) } }

    /// Prints `plan` in the chosen format.
    func print(_ plan: MovePlan, target: ClusterIdentity, protected: Bool) {
        let text: String = switch output {
        case .table: PlanText.render(plan)
        case .json: String(decoding: PlanCodec.encode(plan), as: UTF8.self)  // PlanCodec escapes C1 and bidi controls itself
        case .script: PlanScript.render(plan, connection: target.scriptFlags, confirmContext: protected ? target.context : nil)
        }
        StandardOutput.write(text)
    }
}

/// `clustertui plan evacuate NODE`: every entity explicitly bound to NODE, elsewhere.
struct PlanEvacuateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evacuate",
        abstract: "Plan moving every entity explicitly bound to a node to other nodes (default: --spread).")

    @Argument(help: "The node to empty.")
    var node: String

    @Flag(name: .customLong("include-default"), help: "Also pin the entities that follow this node as the default node.")
    var includeDefault = false

    @OptionGroup var target: PlanTargetOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await CLIRun.run {
            let where_ = try target.target(required: false)
            try await connection.withConnection { link in
                let live = try await LiveCluster.read(link.reader)
                do {
                    let plan = try PlanBuilder.evacuate(
                        node, to: where_, mode: target.assignmentMode, includeDefault: includeDefault,
                        inputs: live.inputs, stamp: LiveCluster.stamp(link.target))
                    target.print(plan, target: link.target, protected: link.isProtected)
                } catch let error as PlanError {
                    throw ClusterError.usage(error.description)
                }
            }
        }
    }
}

/// `clustertui plan rebind --filter QUERY`: the matches of a dashboard filter, to one node or spread.
struct PlanRebindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebind",
        abstract: "Plan rebinding every instance a filter matches (the dashboard's filter language).")

    @Option(name: .customLong("filter"), help: ArgumentHelp("e.g. 'node:node-c is:explicit type:browser'.", valueName: "QUERY"))
    var filter: String

    @OptionGroup var target: PlanTargetOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await CLIRun.run {
            let where_ = try target.target(required: true)
            let query: FilterQuery
            switch FilterQuery.parse(filter) {
            case .success(let q): query = q
            case .failure(let error): throw ValidationError("--filter: \(error.message) (at character \(error.position + 1))")
            }
            try await connection.withConnection { link in
                let live = try await LiveCluster.read(link.reader)
                let context = FilterContext(snapshot: live.snapshot, risk: live.risk)
                let keys = live.snapshot.instances.filter { query.matches($0, context) }.map(\.key)
                do {
                    let plan = try PlanBuilder.rebind(keys, to: where_, mode: target.assignmentMode, inputs: live.inputs,
                                                      stamp: LiveCluster.stamp(link.target))
                    target.print(plan, target: link.target, protected: link.isProtected)
                } catch let error as PlanError {
                    throw ClusterError.usage(error.description)
                }
            }
        }
    }
}
