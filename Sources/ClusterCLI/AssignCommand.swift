import ArgumentParser
import ClusterModel
import ClusterWrites
import Foundation

/// `clustertui assign <entityType> <entityId> --node <name> [--mode strict|preferred]`:
/// binds one entity to a node and prints the binding the server stored.
struct AssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Bind an entity to a node.",
        discussion: """
            strict runs the entity only on that node (its work queues while the node is down); \
            preferred falls back to the default node when that node is unhealthy. Without --mode \
            the server stores strict. Ids may hold any characters (`:`, `/`, `?`, spaces, Unicode): \
            they are percent-encoded. Use `--` before an id that starts with `-`.
            """ + "\n" + CLIRun.exitCodeHelp)

    /// The two binding modes the CLI accepts.
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case strict, preferred
    }

    @Argument(help: "Entity type: agent, mcp, browser, js-sandbox, inference-server, alert-rule, automation, …")
    var entityType: String

    @Argument(help: "Entity id, e.g. tenant1:brw_42.")
    var entityId: String

    @Option(name: .customLong("node"), help: ArgumentHelp("Target node name.", valueName: "name"))
    var node: String

    @Option(name: .customLong("mode"), help: "strict or preferred (server default: strict).")
    var mode: Mode?

    @Flag(name: .customLong("yes"), help: "Send even when the target is risky (offline, draining, silent, not in the registry) or the entity is not in the instance list.")
    var yes = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var journal: JournalOptions

    func validate() throws {
        if entityType.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the entity type is empty") }
        if entityId.isEmpty { throw ValidationError("the entity id is empty") }
        if node.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--node is blank") }
    }

    func run() async throws {
        try await CLIRun.run {
            let key = EntityKey(EntityType(entityType), entityId)
            let target = PlanBinding.explicit(node: node, mode: mode.map { AssignmentMode($0.rawValue) } ?? .strict).normalized
            let line = try await connection.withConnection { link in
                let (prior, fromNode) = try await WriteGuard.check(key, to: target, on: link.reader, yes: yes)
                let item = PlanItem(key: key, name: key.entityId, from: prior, fromNode: fromNode, to: target)
                return try await CLIWrites.single(item, on: link, journal: journal) { outcome in
                    switch outcome {
                    case .unchanged: "\(TextSanitizer.visible(key.description)) is already bound to \(TextSanitizer.visible(target.description)): nothing was sent"
                    case .applied(_, .reread): Self.describe(key, target) + CLIWrites.confirmedNote
                    default: Self.describe(key, target)
                    }
                }
            }
            print(line)
        }
    }

    /// `assigned agent:t1:x to node-b (strict)`.
    static func describe(_ key: EntityKey, _ binding: PlanBinding) -> String {
        TextSanitizer.visible("assigned \(key) to \(binding)")
    }
}
