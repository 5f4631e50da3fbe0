import ClusterModel
import ClusterApp
import ClusterCLI
import ClusterGrid
import ClusterRuntime
import ClusterState
import ClusterTerminal
import ClusterViews
import Foundation

/// The figures measured inside this process with the dashboard's own code
/// (`DashboardBenchProbe`): poll processing, JSONDecoder alone, keystrokes,
/// and the changed-cells floor.
enum InProcess {
    static let clock = ContinuousClock()

    /// A 120×40 dashboard holding this overview and instance list.
    static func loadedProbe(overview: Data, instances: Data) throws -> DashboardBenchProbe {
        var probe = DashboardBenchProbe()
        let ov = try JSONDecoder().decode(Overview.self, from: overview)
        probe.overview(Fetched(value: ov, digest: digest(overview), serverDate: nil, byteCount: overview.count))
        let list = try InstanceListDecoder.decode(instances)
        probe.instances(BenchPreparedInstances.prepare(
            Fetched(value: list, digest: digest(instances), serverDate: nil, byteCount: instances.count)))
        return probe
    }

    static func digest(_ data: Data) -> BodyDigest { data.withUnsafeBytes { BodyDigest.of($0) } }

    static func ms(_ d: Duration) -> Double { d.timeInterval * 1000 }

    /// A changed body: digest, decode, prepare (index, order), swap, render —
    /// timed end to end on one thread, alternating with a bare `JSONDecoder`
    /// of the same body so both see the same machine state.
    static func pollChanged(
        _ probe: inout DashboardBenchProbe, body: Data, runs: Int
    ) throws -> (pipeline: [Double], decoder: [Double], stages: [String: [Double]]) {
        var pipeline: [Double] = [], decoder: [Double] = []
        var stages: [String: [Double]] = [:]
        func bare() throws {
            let d0 = clock.now
            let list = try JSONDecoder().decode(InstanceList.self, from: body)
            decoder.append(ms(clock.now - d0))
            _ = list.instances.count
        }
        for run in 0..<runs {
            // Alternate which goes first, so neither always meets the heap the other left.
            if run % 2 == 0 { try bare() }
            defer { if run % 2 == 1 { try? bare() } }
            let t0 = clock.now
            let dg = digest(body)
            let t1 = clock.now
            let list = try InstanceListDecoder.decode(body)
            let t2 = clock.now
            let prepared = BenchPreparedInstances.prepare(
                Fetched(value: list, digest: dg, serverDate: nil, byteCount: body.count), after: probe.shownInstances)
            let t3 = clock.now
            probe.instances(prepared)
            let t4 = clock.now
            _ = probe.render()
            let t5 = clock.now
            pipeline.append(ms(t5 - t0))
            // The old list is freed in the background (as in the product); let
            // that finish before the bare decoder is timed, so it runs alone.
            probe.waitForBackgroundRelease()
            for (name, d) in [("digest", t1 - t0), ("decode", t2 - t1), ("prepare", t3 - t2), ("swap", t4 - t3), ("render", t5 - t4)] {
                stages[name, default: []].append(ms(d))
            }
        }
        return (pipeline, decoder, stages)
    }

    /// The bare `JSONDecoder` on the same list re-encoded with the fields in
    /// declaration order rather than sorted (the serve's replies sort keys
    /// for byte stability; JSONDecoder is slower on that order): a second,
    /// stricter reference. Median of `runs`.
    static func decoderOnUnsortedKeys(body: Data, runs: Int) throws -> Double {
        let list = try JSONDecoder().decode(InstanceList.self, from: body)
        let unsorted = try JSONEncoder().encode(list)
        var out: [Double] = []
        for _ in 0..<runs {
            let t0 = clock.now
            let again = try JSONDecoder().decode(InstanceList.self, from: unsorted)
            out.append(ms(clock.now - t0))
            _ = again.instances.count
        }
        return median(out)
    }

    /// An unchanged body: digest, match, no decode, no diff; swap and render.
    static func pollUnchanged(_ probe: inout DashboardBenchProbe, body: Data, runs: Int) -> [Double] {
        var out: [Double] = []
        for _ in 0..<runs {
            let t0 = clock.now
            let dg = digest(body)
            let value: InstanceList? = dg == probe.instancesDigest ? nil : InstanceList(instances: [])
            probe.instances(BenchPreparedInstances.prepare(Fetched(value: value, digest: dg, serverDate: nil, byteCount: body.count)))
            _ = probe.render()
            out.append(ms(clock.now - t0))
        }
        return out
    }

    /// Cells that change per second on an idle S1 screen as ages tick: the
    /// floor under the bytes a perfect terminal writer would send.
    static func changedCellsPerSecond(_ probe: DashboardBenchProbe, seconds: Int = 10) -> Double {
        var probe = probe
        let start = Date()
        var previous = probe.render()
        var changed = 0
        for s in 1...seconds {
            probe.tick(now: start.addingTimeInterval(Double(s)))
            let frame = probe.render()
            changed += frame.changedCells(from: previous)
            previous = frame
        }
        return Double(changed) / Double(seconds)
    }

    static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        guard !xs.isEmpty else { return .nan }
        let s = xs.sorted()
        let rank = Int((p / 100 * Double(s.count)).rounded(.up)) - 1
        return s[min(max(0, rank), s.count - 1)]
    }
}
