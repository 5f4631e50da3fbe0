import Foundation

/// The figures measured on the real `clustertui` binary through a pty.
enum RealBinary {
    /// The environment a dashboard child gets: an empty HOME (no config,
    /// no token, so no URL means the embedded demo), a UTF-8 xterm.
    static func environment(home: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        // History and the journal under the scratch home, whatever the machine sets.
        env["XDG_STATE_HOME"] = home + "/.local/state"
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        for key in ["XDG_CONFIG_HOME", "CLUSTERTUI_TOKEN", "NO_COLOR", "COLUMNS", "LINES"] { env[key] = nil }
        return env
    }

    /// Spawn to the first frame whose bottom row (the key hints) is written:
    /// the whole first frame has then reached the terminal. Embedded core.
    /// `extra`: further arguments (`--url` a served cluster, its token).
    static func firstFrame(command: [String], home: String, runs: Int, extra: [String] = []) throws -> (frame: [Double], data: [Double]) {
        var frames: [Double] = [], data: [Double] = []
        for _ in 0..<runs {
            let child = try PtyChild(
                executable: command[0], arguments: Array(command.dropFirst()) + extra,
                environment: environment(home: home), markers: ["filter", "default"])
            if let d = child.wait(for: "filter", timeout: 15) { frames.append(InProcess.ms(d)) }
            if let d = child.wait(for: "default", timeout: 15) { data.append(InProcess.ms(d)) }
            child.stop()
        }
        return (frames, data)
    }

    /// What one idle dashboard does over `window` seconds after settling:
    /// bytes to the terminal, CPU, memory, and the requests it sent.
    struct IdleRun {
        var bytesPerSecond = 0.0
        var cpuPercent = 0.0
        var rssMB = 0.0
        var hwmMB = 0.0
        /// Of `rssMB`: heap and stacks, and mapped files (the binary's pages).
        var anonMB = 0.0
        var fileMB = 0.0
        var overviewPerMinute = 0.0
        var instancesPerMinute = 0.0
        /// Bytes per second while the same dashboard is told to clear and
        /// redraw (Ctrl-L) once a second: the clear-and-redraw baseline.
        var repaintBytesPerSecond = 0.0
    }

    static func idle(command: [String], url: String, tokenFile: String, home: String,
                     proxy: CountingProxy?, settle: Double, window: Double, baselineWindow: Double) throws -> IdleRun {
        let child = try PtyChild(
            executable: command[0], arguments: Array(command.dropFirst()) + ["--url", url, "--token-file", tokenFile],
            environment: environment(home: home))
        defer { child.stop() }
        Thread.sleep(forTimeInterval: settle)
        let pid = ProcessStats.resolve(child.pid, name: String(URL(fileURLWithPath: command[0]).lastPathComponent.prefix(15)))
        proxy?.startCounting()
        let b0 = child.bytesWritten
        let c0 = ProcessStats.cpuSeconds(pid) ?? 0
        let t0 = Date()
        Thread.sleep(forTimeInterval: window)
        let elapsed = Date().timeIntervalSince(t0)
        var run = IdleRun()
        run.bytesPerSecond = Double(child.bytesWritten - b0) / elapsed
        run.cpuPercent = ((ProcessStats.cpuSeconds(pid) ?? 0) - c0) / elapsed * 100
        run.rssMB = ProcessStats.memoryMB(pid) ?? .nan
        run.hwmMB = ProcessStats.memoryMB(pid, field: "VmHWM") ?? .nan
        run.anonMB = ProcessStats.memoryMB(pid, field: "RssAnon") ?? .nan
        run.fileMB = ProcessStats.memoryMB(pid, field: "RssFile") ?? .nan
        if let proxy {
            run.overviewPerMinute = Double(proxy.count("GET /api/cluster/overview")) / elapsed * 60
            run.instancesPerMinute = Double(proxy.count("GET /api/cluster/instances")) / elapsed * 60
        }
        // The baseline, same binary, same screen, same pty: Ctrl-L once a
        // second makes it clear the terminal and redraw everything.
        let r0 = child.bytesWritten
        let t1 = Date()
        for _ in 0..<Int(baselineWindow) {
            child.send("\u{0C}")
            Thread.sleep(forTimeInterval: 1)
        }
        run.repaintBytesPerSecond = Double(child.bytesWritten - r0) / Date().timeIntervalSince(t1)
        return run
    }

    /// Resident memory once the dashboard holds the whole list: waits until
    /// RSS stops moving (or `limit` seconds), then reads it.
    static func settledRSS(
        command: [String], url: String, tokenFile: String, home: String, limit: Double, extra: [String] = []
    ) throws -> (rss: Double, hwm: Double) {
        let child = try PtyChild(
            executable: command[0], arguments: Array(command.dropFirst()) + ["--url", url, "--token-file", tokenFile] + extra,
            environment: environment(home: home))
        defer { child.stop() }
        let name = String(URL(fileURLWithPath: command[0]).lastPathComponent.prefix(15))
        var pid = child.pid
        let start = Date()
        var last = 0.0, stableSince = Date(), peakSeen = 0.0
        while Date().timeIntervalSince(start) < limit {
            Thread.sleep(forTimeInterval: 0.5)
            pid = ProcessStats.resolve(child.pid, name: name)
            let rss = ProcessStats.memoryMB(pid) ?? 0
            peakSeen = max(peakSeen, rss)
            if abs(rss - last) > 2 { stableSince = Date() }
            last = rss
            if peakSeen > 100, Date().timeIntervalSince(stableSince) > 4 { break }
        }
        return (ProcessStats.memoryMB(pid) ?? .nan, ProcessStats.memoryMB(pid, field: "VmHWM") ?? .nan)
    }

    /// A clear-and-redraw loop of the same screen through a pty of the same
    /// size: every second, clear, then every row at its position. Plain text
    /// (no colour codes), so the baseline is a lower bound of what a
    /// `clear()`+redraw program sends and the ratio is conservative.
    static func redrawBaseline(frame: String, directory: String, window: Double) throws -> Double {
        var bytes = "\u{1B}[H\u{1B}[2J"
        for (row, line) in frame.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            bytes += "\u{1B}[\(row + 1);1H" + line
        }
        let path = directory + "/baseline-frame"
        try Data(bytes.utf8).write(to: URL(fileURLWithPath: path))
        let child = try PtyChild(
            executable: "/bin/sh", arguments: ["-c", "while :; do cat '\(path)'; sleep 1; done"],
            environment: environment(home: directory))
        defer { child.end() }
        Thread.sleep(forTimeInterval: 0.5)
        let b0 = child.bytesWritten
        let t0 = Date()
        Thread.sleep(forTimeInterval: window)
        return Double(child.bytesWritten - b0) / Date().timeIntervalSince(t0)
    }
}
