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
    /// `protected = true` in the config file (issue 23).
    var isProtected = false
}

/// Reads every context's overview at once, each with its own connection and
/// time-out: a dead, slow or malformed cluster costs its own row only.
enum FleetPoll {
    /// A row per context of the config file, in name order.
    static func rows(_ options: ConnectionOptions, configPath: String = ClusterConfig.defaultPath) async throws -> [FleetRowResult] {
        let config = try ClusterConfig.load(path: configPath)
        return try await each(options, config: config, configPath: configPath) { name, url, one in
            var row = await row(name, url: url, options: one, configPath: configPath)
            row.isProtected = config.contexts[name]?.isProtected ?? false
            return row
        }
    }

    /// `body` for every context of the config file at once (its name, URL
    /// and the options that connect to it alone), the answers in name order.
    static func each<Row: Sendable>(
        _ options: ConnectionOptions, config loaded: ClusterConfig? = nil, configPath: String,
        _ body: @escaping @Sendable (String, String, ConnectionOptions) async -> Row
    ) async throws -> [Row] {
        let config = try loaded ?? ClusterConfig.load(path: configPath)
        let names = config.contexts.keys.sorted { NaturalOrder.precedes($0, $1) }
        guard !names.isEmpty else {
            throw ClusterError.usage("no contexts in \(configPath): add [contexts.NAME] tables with a url")
        }
        return await withTaskGroup(of: (Int, Row).self) { group in
            for (index, name) in names.enumerated() {
                var one = options
                one.context = name
                one.url = nil
                let url = config.contexts[name]?.url ?? ""
                group.addTask { (index, await body(name, url, one)) }
            }
            var rows = [Row?](repeating: nil, count: names.count)
            for await (index, row) in group { rows[index] = row }
            return rows.compactMap { $0 }
        }
    }

    /// One context: its overview read once through the fleet's own
    /// per-context connection (`FleetLinks`, as the dashboard's fleet screen
    /// does), then the connection shut down.
    static func row(_ name: String, url: String, options: ConnectionOptions, configPath: String) async -> FleetRowResult {
        var row = FleetRowResult(context: name, url: url, state: .connecting)
        let links = FleetLinks(connector: { _ in try await options.connect(quiet: true, configPath: configPath) })
        let clock = ContinuousClock()
        let started = clock.now
        let result = await links.overview(name, previous: nil)
        let elapsed = clock.now - started
        await links.shutdown()
        switch result {
        case .success(let fetched):
            guard let overview = fetched.value else {
                row.state = .down(.malformed("overview: empty reply"))
                return row
            }
            row.latency = fetched.roundTrip ?? elapsed.timeInterval
            row.clockSkew = fetched.serverDate.flatMap { [latency = row.latency] in
                ClockSkew.estimate(serverDate: $0, receivedAt: Date(), roundTrip: latency ?? 0)
            }
            row.figures = FleetFigures(overview: overview, now: fetched.serverDate ?? Date())
            row.state = .live
        case .failure(let error):
            row.state = .down(error)
        }
        return row
    }
}
