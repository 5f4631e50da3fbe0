import ArgumentParser
import ClusterModel
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

    func validate() throws {
        if entityType.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the entity type is empty") }
        if entityId.isEmpty { throw ValidationError("the entity id is empty") }
    }

    func run() async throws {
        try await CLIRun.run {
            let key = EntityKey(EntityType(entityType), entityId)
            let label = TextSanitizer.visible(key.description)
            let line = try await connection.withConnection { connection in
                let prior = BindingIndex(try await connection.reader.overview()).binding(of: key)
                let journal = SingleWriteJournal.forCLI(connection.target)
                let ticket = journal.intent(kind: .rebind, key: key, prior: prior, requested: .followsDefault)
                do {
                    let removed = try await connection.makeWriter().deleteAssignment(key)
                    journal.outcome(ticket, .ok)
                    return removed ? "\(label): removed" : "\(label): no assignment existed (already on the default node)"
                } catch ClusterError.outcomeUnknown(let why) {
                    journal.outcome(ticket, .unknown, message: "reply lost: " + why)
                    _ = try await journal.resolving(ticket) {
                        try await LostReplyCheck.resolve(connection.reader, lost: why) { WriteCheck.afterDelete(key, in: $0) }
                    }
                    return "\(label): on the default node" + LostReplyCheck.confirmedNote
                } catch let error as ClusterError {
                    journal.outcome(ticket, .failed, message: error.description)
                    throw error
                }
            }
            print(line)
        }
    }
}
