import ArgumentParser
import ClusterModel
import ClusterWrites
import Foundation

/// The cluster as the plan commands read it before planning: one overview
/// and one instance list, health on the server's clock (its `Date` header).
struct LiveCluster: Sendable {
    var snapshot: ClusterSnapshot
    var risk: RiskContext
    var inputs: PlanInputs
    var now: Date

    static func read(_ reader: any ClusterReading) async throws -> LiveCluster {
        let fetched = try await reader.overview(unlessUnchangedFrom: nil)
        guard let overview = fetched.value else { throw ClusterError.malformed("overview: empty reply") }
        let list = try await reader.instances()
        let now = fetched.serverDate ?? Date()
        let snapshot = ClusterSnapshot(overview: overview, instances: list.instances, instancesKnown: true, takenAt: now)
        let risk = RiskContext(snapshot: snapshot, now: now)
        return LiveCluster(snapshot: snapshot, risk: risk, inputs: PlanInputs(snapshot: snapshot, risk: risk), now: now)
    }

    /// A fresh batch id and the cluster it is made against.
    static func stamp(_ target: ClusterIdentity, at date: Date = Date()) -> PlanStamp {
        PlanStamp(id: MovePlan.newID(at: date, random: UInt64.random(in: 0...UInt64.max)), createdAt: date,
                  context: target.context, url: target.url)
    }
}

/// How `plan` prints a plan.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, script
}

/// A plan for the terminal: what it does, counts per target, warnings, one row per move.
enum PlanText {
    static func render(_ plan: MovePlan) -> String {
        var out = "plan \(TextSanitizer.excerpt(plan.id, limit: 40)): \(TextSanitizer.visible(plan.summary))\n"
        let counts = plan.countsByTarget.map { "\(TextSanitizer.visible($0.target)) \($0.count)" }.joined(separator: ", ")
        out += "\(plan.items.count) \(plan.items.count == 1 ? "move" : "moves") · \(plan.unchanged) unchanged"
            + (counts.isEmpty ? "" : " · to \(counts)") + "\n"
        for warning in plan.warnings { out += "warning: \(TextSanitizer.visible(warning))\n" }
        for note in plan.notes { out += "note: \(TextSanitizer.visible(note))\n" }
        guard !plan.items.isEmpty else { return out + "nothing to move\n" }
        var table = TextTable(["ENTITY", "NAME", "FROM", "TO", "RISK AFTER"])
        for item in plan.items {
            let from = item.from.isExplicit ? item.from.description : "default (\(item.fromNode))"
            table.add([item.key.description, item.name, from, item.to.description, item.riskAfter?.label ?? ""])
        }
        return out + "\n" + table.render()
    }
}
