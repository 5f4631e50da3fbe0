import ArgumentParser
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// `clustertui apply PLAN.json [--yes]`: applies a plan made by `clustertui
/// plan` or the dashboard's `w`, checking each entity's binding first.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a plan file (from `clustertui plan -o json` or the dashboard's w).",
        discussion: """
            Shows the plan and asks unless --yes. Before each write the entity's binding is compared \
            with the plan's "from": an entity changed since the plan was made is skipped and reported, \
            never overwritten, and one already where the plan puts it is "unchanged", so a plan can be \
            re-run after a failure. Every write is journalled (clustertui journal) and each run can be \
            undone (clustertui undo). Exit 0 only if every item was applied or already in place; 1 if \
            some were skipped or failed; 75 if an outcome is unknown. A malformed plan file is a usage error \
            (64) naming the problem, and nothing is sent.
            """ + "\n" + CLIRun.exitCodeHelp)

    @Argument(help: "The plan file.")
    var planFile: String

    @OptionGroup var batch: BatchOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await CLIRun.run {
            let plan = try Self.load(planFile)
            let recorded = plan.url.map { ClusterIdentity(context: plan.context, url: $0) }
            try await PlanTargeting.options(connection, toReach: recorded).withConnection { link in
                let retargetedFrom = try PlanTargeting.check(link.target, against: recorded, what: "plan \(TextSanitizer.excerpt(plan.id, limit: 40))",
                                                             retarget: batch.retarget)
                let live = try await LiveCluster.read(link.reader)
                try Self.checkTypes(plan, live, file: planFile)
                try await BatchRun.confirmAndRun(plan.annotated(live.inputs), on: link, journal: batch.journal,
                                                 retargetedFrom: retargetedFrom, yes: batch.yes, verb: "apply", live: live)
            }
        }
    }

    /// Reads and parses the plan file: a usage error (64) on any problem.
    static func load(_ path: String) throws -> MovePlan {
        let expanded = UserPath.expand(path, trimming: false)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ClusterError.usage("\(TextSanitizer.visible(path)): is a directory, not a plan file; nothing was sent")
        }
        guard let handle = FileHandle(forReadingAtPath: expanded) else {
            throw ClusterError.usage("\(TextSanitizer.visible(path)): cannot be read")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 65 << 20)) ?? Data()
        guard data.count <= 64 << 20 else { throw ClusterError.usage("\(TextSanitizer.visible(path)): larger than 64 MB") }
        do {
            return try PlanCodec.decode(data)
        } catch {
            throw ClusterError.usage("\(TextSanitizer.visible(path)): \(error.description); nothing was sent")
        }
    }

    /// An entity type the cluster does not list and this tool does not know is a usage error.
    static func checkTypes(_ plan: MovePlan, _ live: LiveCluster, file: String) throws {
        let listed = Set(live.snapshot.instances.map(\.entityType))
        for (index, item) in plan.items.enumerated() where !item.key.entityType.isKnown && !listed.contains(item.key.entityType) {
            throw ClusterError.usage(
                "\(TextSanitizer.visible(file)): items[\(index)].entityType: unknown entity type \"\(TextSanitizer.excerpt(item.key.entityType.rawValue, limit: 40))\"; nothing was sent")
        }
    }
}
