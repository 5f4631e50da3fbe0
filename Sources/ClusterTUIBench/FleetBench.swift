import Foundation

/// Issue 23's figures: one real dashboard on the fleet screen over 20
/// contexts — 19 S1 clusters (one `serve`, reached through a counting proxy
/// each, so every context has its own connection and its own count) and
/// one unreachable — first frame, how soon every reachable row is filled,
/// memory, idle CPU, and each background context's requests a minute;
/// then the drill-in to one cluster.
enum FleetBench {
    struct Figures {
        var firstFrameMs = Double.nan
        /// Spawn to the last reachable background context's first overview request.
        var completeSeconds = Double.nan
        var rssMB = Double.nan
        var cpuPercent = Double.nan
        /// The busiest background context's overview requests a minute.
        var overviewPerMinuteMax = Double.nan
        /// Instance-list requests from all background contexts.
        var backgroundInstanceRequests = Double.nan
        var drillInMs = Double.nan
        /// `i` to every reachable cluster's instances listed in the merged table.
        var mergedCompleteSeconds = Double.nan
        var mergedRSSMB = Double.nan
        /// A filter keystroke over the merged instance table (`ctx:` narrowing ~38,000 rows to one cluster's).
        var mergedKeyMs = Double.nan
        /// `s` on the merged instance table: every cluster's rows sorted together (by TYPE) and drawn.
        var mergedSortMs = Double.nan

        /// The figures under their names in the report.
        var named: [(String, Double)] {
            [("fleet_first_frame_ms_20", firstFrameMs), ("fleet_complete_s_20", completeSeconds), ("fleet_rss_mb_20", rssMB),
             ("fleet_idle_cpu_pct_20", cpuPercent), ("fleet_overview_req_per_min_background_max", overviewPerMinuteMax),
             ("fleet_instance_requests_background", backgroundInstanceRequests), ("fleet_drill_in_ms", drillInMs),
             ("fleet_merged_instances_complete_s_20", mergedCompleteSeconds), ("fleet_merged_instances_rss_mb_20", mergedRSSMB),
             ("fleet_merged_filter_key_ms_20", mergedKeyMs), ("fleet_merged_sort_ms_20", mergedSortMs)]
        }
    }

    static let contexts = 20

    static func run(command: [String], servePort: Int, tokenFile: String, home: String, window: Double) throws -> Figures {
        let proxies = try (0..<(contexts - 1)).map { _ in try CountingProxy(upstreamPort: servePort) }
        let fleetHome = home + "/fleet"
        try writeConfig(proxies: proxies, tokenFile: tokenFile, home: fleetHome)
        proxies.forEach { $0.startCounting() }
        let start = Date()
        let child = try PtyChild(executable: command[0], arguments: Array(command.dropFirst()) + ["--fleet", "--no-history"],
                                 environment: RealBinary.environment(home: fleetHome), markers: ["Fleet: \(contexts) contexts"])
        defer { child.stop() }
        var figures = Figures()
        if let d = child.wait(for: "Fleet: \(contexts) contexts", timeout: 15) { figures.firstFrameMs = InProcess.ms(d) }
        // Every reachable background context asked once (proxies 1…18; 0 is the open cluster).
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, proxies.dropFirst().contains(where: { $0.count("GET /api/cluster/overview") == 0 }) { usleep(5_000) }
        figures.completeSeconds = Date().timeIntervalSince(start)
        Thread.sleep(forTimeInterval: 3)
        let pid = ProcessStats.resolve(child.pid, name: String(URL(fileURLWithPath: command[0]).lastPathComponent.prefix(15)))
        proxies.forEach { $0.startCounting() }
        let c0 = ProcessStats.cpuSeconds(pid) ?? 0, t0 = Date()
        Thread.sleep(forTimeInterval: window)
        let elapsed = Date().timeIntervalSince(t0)
        figures.cpuPercent = ((ProcessStats.cpuSeconds(pid) ?? 0) - c0) / elapsed * 100
        figures.rssMB = ProcessStats.memoryMB(pid) ?? .nan
        let background = proxies.dropFirst()
        figures.overviewPerMinuteMax = background.map { $0.perMinute("GET /api/cluster/overview") ?? .nan }.max() ?? .nan
        figures.backgroundInstanceRequests = Double(background.map { $0.count("GET /api/cluster/instances") }.reduce(0, +))
        measureMerged(child, pid: pid, proxies: Array(background), into: &figures)
        // Drill in: down to ctx01 (`j`: in keypad mode the arrow is ESC O B, and a
        // bare ESC [ B reads as Esc then `[`), Enter; its dashboard says it switched.
        figures.drillInMs = msUntil(child, sending: "j\r", shows: "switched to ctx01")
        return figures
    }

    /// The merged instance table (`i`): until every reachable cluster's list
    /// was asked for and the table lists all 19 clusters, the memory it
    /// holds, one filter keystroke; then back to the fleet screen (Esc
    /// cancels the filter, Esc closes). curses writes only the cells that
    /// changed, so the complete table is confirmed by repainting (Ctrl-L)
    /// every 50 ms until the full title is in the output.
    private static func measureMerged(_ child: PtyChild, pid: Int32, proxies: [CountingProxy], into figures: inout Figures) {
        proxies.forEach { $0.startCounting() }
        let m0 = Date()
        child.send("i")
        let deadline = m0.addingTimeInterval(30)
        var shown = false
        while !shown, Date() < deadline {
            let offset = child.bytesWritten
            if !proxies.contains(where: { $0.count("GET /api/cluster/instances") == 0 }) { child.send("\u{0C}") }
            shown = child.waitForOutput("in 19 clusters", after: offset, timeout: 0.05, every: 0.005)
        }
        if shown { figures.mergedCompleteSeconds = Date().timeIntervalSince(m0) }
        Thread.sleep(forTimeInterval: 1)
        figures.mergedRSSMB = ProcessStats.memoryMB(pid) ?? .nan
        // "/ctx:ctx0" keeps ten clusters; "7" one: the title is rewritten from its count on.
        child.send("/ctx:ctx0")
        Thread.sleep(forTimeInterval: 0.5)
        figures.mergedKeyMs = msUntil(child, sending: "7", shows: "in 1 cluster match")
        // Esc clears the filter; then `s` sorts all 38,000 rows by TYPE (first, each cluster's 2,000; then one merge).
        child.send("\u{1B}")
        Thread.sleep(forTimeInterval: 0.5)
        figures.mergedSortMs = msUntil(child, sending: "s", shows: "sort: type")
        child.send("\u{1B}")
        Thread.sleep(forTimeInterval: 0.3)
    }

    /// Milliseconds from sending `keys` until the output after them holds `text` (NaN: not within 10 s).
    private static func msUntil(_ child: PtyChild, sending keys: String, shows text: String) -> Double {
        let offset = child.bytesWritten
        let start = Date()
        child.send(keys)
        guard child.waitForOutput(text, after: offset, timeout: 10, every: 0.001) else { return .nan }
        return Date().timeIntervalSince(start) * 1000
    }

    /// `ctx00` (open) … `ctx18` through the proxies, `ctx19` unreachable (nothing listens on port 9).
    private static func writeConfig(proxies: [CountingProxy], tokenFile: String, home: String) throws {
        let dir = home + "/.config/clustertui"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var text = "current-context = \"ctx00\"\n"
        for (i, proxy) in proxies.enumerated() {
            text += "[contexts.ctx\(String(format: "%02d", i))]\nurl = \"http://127.0.0.1:\(proxy.port)\"\ntoken-file = \"\(tokenFile)\"\n"
        }
        text += "[contexts.ctx\(contexts - 1)]\nurl = \"http://127.0.0.1:9\"\ntoken-file = \"\(tokenFile)\"\n"
        try text.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
    }
}
