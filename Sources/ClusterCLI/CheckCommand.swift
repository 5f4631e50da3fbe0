import ArgumentParser
import ClusterClient
import ClusterModel
import Foundation

/// `clustertui check`: one monitoring-plugin line and exit status for
/// Nagios, Icinga, Zabbix or Sensu (issue 21). Every failure to ask the
/// cluster (unreachable, unauthorised, malformed) is UNKNOWN, exit 3, on
/// stdout as the conventions want, never a crash or a stack of lines.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the cluster like a monitoring plugin (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).",
        discussion: """
            Prints one line, CLUSTER OK|WARNING|CRITICAL|UNKNOWN - summary | perfdata, from one overview \
            and one instance list. Health is judged on the server's clock with the assumed 10 s heartbeat \
            (one poll cannot learn a node's period). Late counts nodes late or with a heartbeat in the \
            future; down counts silent and offline nodes, not ghosts (offline records of nodes that \
            restarted under a new name). A threshold of 0 turns that check off. UNKNOWN (exit 3) when the \
            cluster cannot be read: unreachable, unauthorised, a malformed reply.
            """)

    @Option(name: .customLong("warning-late"), help: "WARNING at this many late nodes (0: off).")
    var warningLate = 1
    @Option(name: .customLong("critical-late"), help: "CRITICAL at this many late nodes (0: off).")
    var criticalLate = 0
    @Option(name: .customLong("warning-down"), help: "WARNING at this many silent or offline nodes (0: off).")
    var warningDown = 0
    @Option(name: .customLong("critical-down"), help: "CRITICAL at this many silent or offline nodes (0: off).")
    var criticalDown = 1
    @Option(name: .customLong("warning-at-risk"), help: "WARNING at this many instances at risk (0: off).")
    var warningAtRisk = 1
    @Option(name: .customLong("critical-at-risk"), help: "CRITICAL at this many instances at risk (0: off).")
    var criticalAtRisk = 0

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        let all = [warningLate, criticalLate, warningDown, criticalDown, warningAtRisk, criticalAtRisk]
        if all.contains(where: { $0 < 0 }) { throw ValidationError("a threshold is a count of 0 or more (0: that check off)") }
    }

    /// A usage error as the plugin's UNKNOWN line, then exit 3.
    static func usageUnknown(_ text: String) -> Never {
        let first = text.split(separator: "\n").first.map(String.init) ?? text
        StandardOutput.write(MonitoringCheck(unknown: "usage: " + TextSanitizer.excerpt(first, limit: 200)).line + "\n")
        Foundation.exit(3)
    }

    var thresholds: MonitoringCheck.Thresholds {
        func on(_ n: Int) -> Int? { n > 0 ? n : nil }
        var t = MonitoringCheck.Thresholds()
        t.lateWarning = on(warningLate); t.lateCritical = on(criticalLate)
        t.downWarning = on(warningDown); t.downCritical = on(criticalDown)
        t.atRiskWarning = on(warningAtRisk); t.atRiskCritical = on(criticalAtRisk)
        return t
    }

    func run() async throws {
        let verdict: MonitoringCheck
        do {
            // Without a cluster the embedded demo would answer: a plausible verdict on a cluster that does not exist.
            guard try connection.resolve() != nil else {
                throw ClusterError.usage("check needs a cluster: --url URL, --context NAME or current-context in \(ClusterConfig.defaultPath)")
            }
            verdict = try await connection.withConnection { try await check($0.reader) }
        } catch {
            let text = (error as? ClusterError)?.description ?? String(describing: error)
            verdict = MonitoringCheck(unknown: TextSanitizer.excerpt(text, limit: 200))
        }
        StandardOutput.write(verdict.line + "\n")
        throw ExitCode(verdict.status.rawValue)
    }

    /// The verdict from one overview and one instance list.
    func check(_ reader: any ClusterReading) async throws -> MonitoringCheck {
        let fetched = try await reader.overview(unlessUnchangedFrom: nil)
        guard let overview = fetched.value else { throw ClusterError.malformed("overview: empty reply") }
        let list = try await reader.instances()
        let now = fetched.serverDate ?? Date()
        let snapshot = ClusterSnapshot(overview: overview, instances: list.instances, instancesKnown: true, takenAt: now)
        return MonitoringCheck(
            nodes: snapshot.nodeSummary(now: now), instances: snapshot.instanceSummary(RiskContext(snapshot: snapshot, now: now)),
            latency: fetched.roundTrip ?? 0, thresholds: thresholds)
    }
}
