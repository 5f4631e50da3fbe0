import ArgumentParser
import ClusterModel
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

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if entityType.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the entity type is empty") }
        if entityId.isEmpty { throw ValidationError("the entity id is empty") }
        if node.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--node is blank") }
    }

    func run() async throws {
        try await CLIRun.run {
            let key = EntityKey(EntityType(entityType), entityId)
            let wanted = mode.map { AssignmentMode($0.rawValue) }
            let line = try await connection.withConnection { connection in
                // The binding before, for the journal (and so `undo`).
                let prior = BindingIndex(try await connection.reader.overview()).binding(of: key)
                let journal = SingleWriteJournal.forCLI(connection.target)
                let ticket = journal.intent(kind: .rebind, key: key, prior: prior,
                                            requested: .explicit(node: node, mode: wanted ?? .strict))
                do {
                    let stored = try await connection.makeWriter().setAssignment(key, nodeName: node, mode: wanted)
                    journal.outcome(ticket, .ok)
                    return Self.describe(stored)
                } catch ClusterError.outcomeUnknown(let why) {
                    journal.outcome(ticket, .unknown, message: "reply lost: " + why)
                    let row = try await journal.resolving(ticket) {
                        try await LostReplyCheck.resolve(connection.reader, lost: why) {
                            WriteCheck.afterSet(key, nodeName: node, mode: wanted, in: $0)
                        }
                    }
                    let stored = row.map(Self.describe) ?? "assigned \(TextSanitizer.visible(key.description)) to \(node)"
                    return stored + LostReplyCheck.confirmedNote
                } catch let error as ClusterError {
                    journal.outcome(ticket, .failed, message: error.description)
                    throw error
                }
            }
            print(line)
        }
    }

    /// `assigned agent:t1:x to node-b (strict), set by u_1 at 2026-05-18T10:00:00.000Z`.
    static func describe(_ a: Assignment) -> String {
        var text = "assigned \(a.key) to \(a.nodeName) (\(a.mode))"
        if let by = a.updatedBy { text += ", set by \(by)" }
        if let at = a.updatedAt { text += " at \(WireDate.format(at))" }
        return TextSanitizer.visible(text)
    }
}
