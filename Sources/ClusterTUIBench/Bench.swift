import ClusterModel
import ClusterApp
import ClusterCLI
import ClusterGrid
import ClusterRuntime
import ClusterState
import ClusterTerminal
import ClusterViews
import Foundation

/// Command-line switches of the benchmark.
struct BenchOptions {
    var json = false
    var quick = false
    var help = false
    /// Hidden, for profiling: only the in-process figures.
    var skipPty = false
    /// Hidden, for comparison: the keystroke figure without alert hooks running.
    var noHookChurn = false
    /// `--soak MINUTES`: the soak mode instead of the figures.
    var soakMinutes: Double?
    /// `--restart-every SECONDS` in the soak (default 180).
    var restartEvery = 180.0
    init(_ args: [String]) {
        if let i = args.firstIndex(of: "--soak"), i + 1 < args.count { soakMinutes = Double(args[i + 1]) }
        if let i = args.firstIndex(of: "--restart-every"), i + 1 < args.count, let s = Double(args[i + 1]) { restartEvery = s }
        skipPty = args.contains("--skip-pty")
        noHookChurn = args.contains("--no-hook-churn")
        json = args.contains("--json")
        quick = args.contains("--quick")
        help = args.contains("--help") || args.contains("-h")
    }
}

/// Runs every scenario in an order that keeps them from disturbing each
/// other (nothing else runs while something is timed in-process) and
/// collects the figures.
struct Bench {
    let options: BenchOptions

    func log(_ s: String) { FileHandle.standardError.write(Data(("· " + s + "\n").utf8)) }

    func run() throws -> Report {
        let dir = NSTemporaryDirectory() + "clustertui-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = try Self.dashboardCommand(log: log)
        var r = Report(quick: options.quick)
        if !options.skipPty {
            log("first frame (embedded core) …")
            let ff = try RealBinary.firstFrame(command: command, home: dir, runs: options.quick ? 3 : 7)
            r.set("first_frame_ms", InProcess.median(ff.frame))
            r.set("first_data_frame_ms", InProcess.median(ff.data))
        }
        try runS1(&r, command: command, dir: dir)
        try runS2(&r, command: command, dir: dir)
        return r
    }

    /// S1: the idle real binary (bytes, CPU, memory, requests, baseline), then in-process polls.
    private func runS1(_ r: inout Report, command: [String], dir: String) throws {
        let q = options.quick
        log("S1: serve 50 nodes / 2,000 instances …")
        let s1 = try BenchServe(binary: command[0], nodes: 50, instances: 2000, directory: dir)
        defer { s1.stop() }
        let overview = try s1.get("/api/cluster/overview")
        let instances = try s1.get("/api/cluster/instances")
        if !options.skipPty {
            log("S1: first frame with 7 days of recorded history …")
            try HistoryBench.sevenDays(url: s1.url, home: dir, overview: try JSONDecoder().decode(Overview.self, from: overview))
            let ff = try RealBinary.firstFrame(command: command, home: dir, runs: q ? 3 : 7,
                                               extra: ["--url", s1.url, "--token-file", s1.tokenFile])
            r.set("first_frame_ms_7d_history", InProcess.median(ff.frame))
            let proxy = try CountingProxy(upstreamPort: s1.port)
            let window = q ? 30.0 : 120.0
            log("S1: idle dashboard through a pty for \(Int(window)) s, then Ctrl-L each second …")
            let idle = try RealBinary.idle(
                command: command, url: "http://127.0.0.1:\(proxy.port)", tokenFile: s1.tokenFile, home: dir,
                proxy: proxy, settle: 6, window: window, baselineWindow: q ? 10 : 20)
            r.set("idle_bytes_per_s_s1", idle.bytesPerSecond)
            r.set("redraw_baseline_bytes_per_s_s1", idle.repaintBytesPerSecond)
            r.set("idle_cpu_pct_s1", idle.cpuPercent)
            r.set("idle_window_s", window)
            r.set("rss_mb_s1", idle.rssMB)
            r.set("rss_peak_mb_s1", idle.hwmMB)
            r.set("rss_anon_mb_s1", idle.anonMB)
            r.set("rss_file_mb_s1", idle.fileMB)
            r.set("overview_req_per_min", idle.overviewPerMinute)
            r.set("instances_req_per_min", idle.instancesPerMinute)
            log("fleet: 20 contexts (19 S1 clusters, 1 unreachable) on the fleet screen …")
            let fleet = try FleetBench.run(command: command, servePort: s1.port, tokenFile: s1.tokenFile, home: dir, window: q ? 30 : 60)
            for (name, value) in fleet.named { r.set(name, value) }
        }
        s1.stop()
        log("S1: in-process polls …")
        var p1 = try InProcess.loadedProbe(overview: overview, instances: instances)
        r.set("plain_redraw_loop_bytes_per_s_s1",
              try RealBinary.redrawBaseline(frame: p1.render().text, directory: dir, window: q ? 5 : 15))
        r.set("changed_cells_per_s_s1", InProcess.changedCellsPerSecond(p1))
        try pollChangedFigures(&r, &p1, body: instances, runs: q ? 15 : 41, scale: "s1")
        r.set("instances_body_bytes_s1", Double(instances.count))
    }

    /// S2: the real binary's memory, then (serve stopped) in-process polls and keystrokes.
    private func runS2(_ r: inout Report, command: [String], dir: String) throws {
        let q = options.quick
        // The dead-node runs wait on heartbeats, mostly asleep: they overlap
        // the S2 core's seeding, which is not timed, and end before anything is.
        let deadNode = DeadNodePhase(enabled: !options.skipPty, binary: command[0], directory: dir, quick: q, log: log)
        log("S2: serve 1,000 nodes / 100,000 instances …")
        let s2 = try BenchServe(binary: command[0], nodes: 1000, instances: 100_000, directory: dir)
        defer { s2.stop() }
        deadNode.finish(into: &r)
        let overview = try s2.get("/api/cluster/overview")
        let instances = try s2.get("/api/cluster/instances")
        if !options.skipPty {
            log("S2: dashboard memory …")
            let mem = try RealBinary.settledRSS(
                command: command, url: s2.url, tokenFile: s2.tokenFile, home: dir, limit: q ? 30 : 45)
            r.set("rss_mb_s2", mem.rss)
            r.set("rss_peak_mb_s2", mem.hwm)
            let bare = try RealBinary.settledRSS(
                command: command, url: s2.url, tokenFile: s2.tokenFile, home: dir, limit: q ? 30 : 45, extra: ["--no-history"])
            r.set("rss_mb_s2_no_history", bare.rss)
            r.set("history_rss_growth_mb_s2", mem.rss - bare.rss)
        }
        log("S2: gzipped instance polls through the dashboard's HTTP client …")
        do {
            var probe = try InProcess.loadedProbe(overview: overview, instances: instances)
            let proxy = try CountingProxy(upstreamPort: s2.port)
            let gz = try CompressedPoll.measure(&probe, url: s2.url, proxy: proxy, token: try s2.token(), runs: q ? 3 : 7)
            r.set("wire_bytes_instances_poll_s2", gz.wireBytes)
            r.set("wire_ratio_instances_poll_s2", gz.wireBytes / Double(instances.count))
            r.set("poll_changed_ms_s2_gzip", InProcess.median(gz.pipeline))
            r.set("poll_changed_fetch_ms_s2_gzip", InProcess.median(gz.fetch))
            probe.waitForBackgroundRelease()
        }
        s2.stop()
        r.set("instances_body_bytes_s2", Double(instances.count))
        log("S2: in-process polls …")
        var p2 = try InProcess.loadedProbe(overview: overview, instances: instances)
        r.set("poll_unchanged_ms_s2", InProcess.median(InProcess.pollUnchanged(&p2, body: instances, runs: q ? 9 : 21)))
        try pollChangedFigures(&r, &p2, body: instances, runs: q ? 3 : 7, scale: "s2")
        // 1 when the dashboard's fast decoder read this body itself (0: it fell back to JSONDecoder).
        r.set("decode_fast_path_s2", instances.withUnsafeBytes { InstanceListDecoder.decodeIfPlain($0) } != nil ? 1 : 0)
        if let list = try? JSONDecoder().decode(InstanceList.self, from: instances) {
            r.set("base_order_agrees_s2", BenchPreparedInstances.baseOrderAgrees(list.instances) ? 1 : 0)
        }
        try runS2Alerts(&r, probe: p2, overview: overview, instances: instances)
        try runHistory(&r, probe: p2, overview: overview)
    }

    /// Issue 22: the recorder's cost per S2 poll (UI thread, its lane) and the store's size after simulated days.
    private func runHistory(_ r: inout Report, probe: DashboardBenchProbe, overview body: Data) throws {
        let overview = try JSONDecoder().decode(Overview.self, from: body)
        log("S2: the history recorder's cost per poll …")
        r.set("history_ui_ms_s2", HistoryBench.uiThreadCost(probe.state, runs: 201))
        r.set("history_lane_ms_s2", try HistoryBench.laneCost(overview: overview, runs: options.quick ? 20 : 60))
        log("history: 24 simulated hours of S2, and of one flapping node …")
        r.set("history_disk_mb_s2_24h", try HistoryBench.diskAfterADay(overview: overview))
        r.set("history_flapping_kb_per_day", try HistoryBench.flappingNodePerDay(every: 60))
        r.set("history_flapping_15s_kb_per_day", try HistoryBench.flappingNodePerDay(every: 15))
    }

    /// S2, issue 21: the mass failure through the alert engine, then the
    /// keystroke figures while polls are processed and alert hooks run.
    /// A changed instance poll, `runs` times: the pipeline's median and each
    /// stage's, and the reference decoder's on the same body (sorted and not).
    private func pollChangedFigures(
        _ r: inout Report, _ probe: inout DashboardBenchProbe, body: Data, runs: Int, scale: String
    ) throws {
        let changed = try InProcess.pollChanged(&probe, body: body, runs: runs)
        r.set("poll_changed_ms_\(scale)", InProcess.median(changed.pipeline))
        for stage in ["digest", "decode", "prepare", "swap", "render"] {
            r.set("poll_changed_\(stage)_ms_\(scale)", InProcess.median(changed.stages[stage] ?? []))
        }
        r.set("jsondecoder_ms_\(scale)", InProcess.median(changed.decoder))
        r.set("jsondecoder_unsorted_keys_ms_\(scale)", try InProcess.decoderOnUnsortedKeys(body: body, runs: runs))
    }

    private func runS2Alerts(_ r: inout Report, probe p2: DashboardBenchProbe, overview: Data, instances: Data) throws {
        log("S2: a mass failure of every node through the alert engine …")
        let mass = try AlertBench.massFailure(overview: overview)
        r.set("alert_mass_failure_nodes_s2", Double(mass.nodes))
        r.set("alert_mass_failure_notifications_s2", Double(mass.notifications))
        r.set("alert_mass_failure_hook_runs_s2", Double(mass.hookRuns))
        log("S2: keystrokes while polls are processed and alert hooks run …")
        let churn = HookChurn()
        if !options.noHookChurn { churn.start() }
        let keys = try KeystrokeSimulation.run(probe: p2, overview: overview, instances: instances, polls: options.quick ? 16 : 80)
        churn.stop()
        r.set("alert_hooks_offered_during_keystrokes_s2", Double(churn.offered))
        r.set("keystroke_p99_ms_s2", InProcess.percentile(keys.latencies, 99))
        r.set("keystroke_p50_ms_s2", InProcess.percentile(keys.latencies, 50))
        r.set("keystroke_max_ms_s2", keys.latencies.max() ?? .nan)
        r.set("keystroke_samples_s2", Double(keys.latencies.count))
        r.set("keystroke_update_p50_ms_s2", InProcess.percentile(keys.keyMs, 50))
        r.set("keystroke_update_max_ms_s2", keys.keyMs.max() ?? .nan)
        r.set("ui_overview_reply_max_ms_s2", keys.overviewMs.max() ?? .nan)
        r.set("ui_instances_swap_max_ms_s2", keys.instancesMs.max() ?? .nan)
        log("S2: keystrokes in the command palette while polls are processed …")
        let palette = try KeystrokeSimulation.run(probe: p2, overview: overview, instances: instances,
                                                  polls: options.quick ? 8 : 40, opener: ":")
        r.set("keystroke_palette_p99_ms_s2", InProcess.percentile(palette.latencies, 99))
        r.set("keystroke_palette_p50_ms_s2", InProcess.percentile(palette.latencies, 50))
        r.set("keystroke_palette_samples_s2", Double(palette.latencies.count))
        // The palette key's own `update` (the matching), apart from waits and frames.
        r.set("keystroke_palette_update_p50_ms_s2", InProcess.percentile(palette.keyMs, 50))
        r.set("keystroke_palette_update_max_ms_s2", palette.keyMs.max() ?? .nan)
    }

    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The real `clustertui` next to this binary (`swift build -c release`
    /// builds both; `swift run clustertui-bench` alone does not build it).
    static func dashboardCommand(log: (String) -> Void) throws -> [String] {
        let me = selfPath
        let sibling = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("clustertui").path
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: sibling) else {
            throw BenchError("\(sibling) not found: run `swift build -c release` first (it builds both products)")
        }
        return [sibling]
    }
}
