import ArgumentParser
import ClusterModel
import ClusterWrites
import Foundation

/// `clustertui unassign <entityType> <entityId>`: removes an entity's
/// binding, so it follows the default node again, and says whether a row
/// existed.
struct UnassignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign",
        abstract: "Remove an entity's binding (it follows the default node again).",
        discussion: """
            Prints "removed" when a binding was deleted, or "no assignment existed (already on the \
            default node)"; both exit 0.
            """ + "\n" + CLIRun.exitCodeHelp)

    @Argument(help: "Entity type.")
    var entityType: String

    @Argument(help: "Entity id.")
    var entityId: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var journal: JournalOptions

    func validate() throws {
        if entityType.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the entity type is empty") }
        if entityId.isEmpty { throw ValidationError("the entity id is empty") }
    }

    func run() async throws {
        try await CLIRun.run {
            let key = EntityKey(EntityType(entityType), entityId)
            let label = TextSanitizer.visible(key.description)
            let line = try await connection.withConnection { link in
                let overview = try await link.reader.overview()
                let prior = BindingIndex(overview).binding(of: key)
                let item = PlanItem(key: key, name: key.entityId, from: prior, fromNode: prior.node ?? overview.defaultNodeName, to: .followsDefault)
                return try await CLIWrites.single(item, on: link, journal: journal) { outcome in
                    switch outcome {
                    case .unchanged, .applied(_, .nothingToRemove): "\(label): no assignment existed (already on the default node)"
                    case .applied(_, .reread): "\(label): on the default node" + CLIWrites.confirmedNote
                    default: "\(label): removed"
                    }
                }
            }
            print(line)
        }
    }
}
