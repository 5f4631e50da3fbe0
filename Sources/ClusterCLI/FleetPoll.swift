import ClusterClient
import ClusterModel
import ClusterRuntime
import Foundation

/// One context's row of `clustertui get fleet` (issue 23): its state with
/// the cause, and the figures of its overview when it answered.
struct FleetRowResult: Sendable {
    var context: String
    var url: String
    var state: ContextState
    var figures: FleetFigures?
    /// The answering node's clock less ours, when it sent a `Date` header.
    var clockSkew: TimeInterval?
    var latency: TimeInterval?
}

/// Reads every context's overview at once, each with its own connection and
/// time-out: a dead, slow or malformed cluster costs its own row only.
enum FleetPoll {
    /// A row per context of the config file, in name order.
    static func rows(_ options: ConnectionOptions, configPath: String = ClusterConfig.defaultPath) async throws -> [FleetRowResult] {
        let config = try ClusterConfig.load(path: configPath)
        let names = config.contexts.keys.sorted { NaturalOrder.precedes($0, $1) }
        guard !names.isEmpty else {
            throw ClusterError.usage("no contexts in \(configPath): add [contexts.NAME] tables with a url")
        }
        return await withTaskGroup(of: (Int, FleetRowResult).self) { group in
            for (index, name) in names.enumerated() {
                var one = options
                one.context = name
                one.url = nil
                let url = config.contexts[name]?.url ?? ""
                group.addTask { (index, await row(name, url: url, options: one, configPath: configPath)) }
            }
            var rows = [FleetRowResult?](repeating: nil, count: names.count)
            for await (index, row) in group { rows[index] = row }
            return rows.compactMap { $0 }
        }
    }

    /// One context: connect, read its overview once, always shut down.
    static func row(_ name: String, url: String, options: ConnectionOptions, configPath: String) async -> FleetRowResult {
        var row = FleetRowResult(context: name, url: url, state: .connecting)
        let started = ContinuousClock.now
        let connection: ClusterConnection
        do {
            connection = try await options.connect(quiet: true, configPath: configPath)
        } catch {
            row.state = .down(Self.clusterError(error))
            return row
        }
        do {
            let fetched = try await connection.reader.overview(unlessUnchangedFrom: nil)
            guard let overview = fetched.value else { throw ClusterError.malformed("overview: empty reply") }
            row.latency = fetched.roundTrip ?? seconds(ContinuousClock.now - started)
            row.clockSkew = fetched.serverDate.map { $0.timeIntervalSinceNow }
            row.figures = FleetFigures(overview: overview, now: fetched.serverDate ?? Date())
            row.state = .live
        } catch {
            row.state = .down(Self.clusterError(error))
        }
        await connection.shutdown()
        return row
    }

    private static func clusterError(_ error: Error) -> ClusterError {
        (error as? ClusterError) ?? .transport(TextSanitizer.excerpt(String(describing: error), limit: 200))
    }

    private static func seconds(_ d: Duration) -> TimeInterval {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
