import ArgumentParser
import ClusterModel
import Foundation

/// `get node NAME` and `get instance TYPE ID` (issue 24): one resource with
/// every field, as `key  value` lines (`-o json`: the wire object itself).
/// Health, ages and risk are judged on the server's clock, as in the tables.
enum GetOne {
    static func node(_ name: String, _ command: GetCommand, _ reader: any ClusterReading) async throws -> String {
        let (overview, now) = try await command.fetchOverview(reader)
        guard let node = overview.nodes.first(where: { $0.name == name }) else { throw missing("node", name) }
        if command.output == .json { return try StableJSON.encode(node) + "\n" }
        let health = node.health(now: now)
        var marks: [String] = []
        if name == overview.thisNodeName { marks.append("this (answering) node") }
        if name == overview.defaultNodeName { marks.append("default node") }
        let explicit = overview.assignments.filter { $0.nodeName == name }.count
        return lines([
            ("name", node.name), ("role", node.role.rawValue), ("status", node.status.rawValue),
            ("health", health.word),
            ("heartbeat", node.lastHeartbeatAt.map { "\(WireDate.format($0)) (\(AgeFormat.compact(now.timeIntervalSince($0))) ago)" } ?? "never"),
            ("started", node.startedAt.map { "\(WireDate.format($0)) (up \(AgeFormat.compact(now.timeIntervalSince($0))))" } ?? "unknown"),
            ("version", node.version ?? "-"), ("hostname", node.hostname ?? "-"), ("pid", node.pid.map(String.init) ?? "-"),
            ("url", node.url ?? "-"), ("tags", node.tags.isEmpty ? "-" : node.tags.joined(separator: ", ")),
            ("marks", marks.isEmpty ? "-" : marks.joined(separator: ", ")), ("explicit bindings", String(explicit)),
        ])
    }

    static func instance(_ type: String, _ id: String, _ command: GetCommand, _ reader: any ClusterReading) async throws -> String {
        let list = try await reader.instances()
        let key = EntityKey(EntityType(type), id)
        guard let instance = list.instances.first(where: { $0.key == key }) else { throw missing("instance", key.description) }
        if command.output == .json { return try StableJSON.encode(instance) + "\n" }
        let (overview, now) = try await command.fetchOverview(reader)
        let snapshot = ClusterSnapshot(overview: overview, instances: list.instances, instancesKnown: true, takenAt: now)
        let risk = RiskContext(snapshot: snapshot, now: now)
        let row = snapshot.assignmentsByKey[key]
        return lines([
            ("type", instance.entityType.rawValue), ("id", instance.entityId), ("name", instance.name),
            ("subtitle", instance.subtitle ?? "-"), ("tenant", instance.tenantSlug ?? "-"), ("tenant id", instance.tenantId ?? "-"),
            ("project id", instance.projectId ?? "-"), ("node", instance.nodeName), ("mode", instance.mode.rawValue),
            ("binding", instance.explicit ? "explicit" : "default node"),
            ("updated by", row?.updatedBy ?? "-"),
            ("updated", row?.updatedAt.map { "\(WireDate.format($0)) (\(AgeFormat.compact(now.timeIntervalSince($0))) ago)" } ?? "-"),
            ("node health", risk.health(ofNode: instance.nodeName)?.word ?? "not in the registry"),
            ("risk", risk.risk(of: instance) == .none ? "none" : risk.risk(of: instance).label + ": " + risk.risk(of: instance).explanation),
        ])
    }

    /// Aligned `key  value` lines, every value made visible (no control characters reach the terminal).
    private static func lines(_ pairs: [(String, String)]) -> String {
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + TextSanitizer.visible($0.1) }
            .joined(separator: "\n") + "\n"
    }

    private static func missing(_ what: String, _ name: String) -> Error {
        StandardError.line("clustertui: no \(what) \(TextSanitizer.excerpt(name)) in the cluster")
        return ExitCode(ClusterError.ExitCode.failure.rawValue)
    }
}
