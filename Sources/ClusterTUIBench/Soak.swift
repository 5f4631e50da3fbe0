import ClusterTestSupport
import Foundation

/// The soak mode (issue 13; not run in CI): the real dashboard against
/// `serve --demo` at S1 for N minutes, the server restarted every few
/// minutes, writes sent through the CLI all along. Prints resident memory
/// at start and end, CPU over the run, how long each reconnect took, and
/// the writes the CLI confirmed against the ones the server holds.
/// `clustertui-bench --soak MINUTES [--restart-every SECONDS]`.
struct Soak {
    let minutes: Double
    let restartEvery: Double
    let log: (String) -> Void

    /// What one soak measured.
    struct Figures {
        var rssStartMB = 0.0
        var rssEndMB = 0.0
        var cpuPercent = 0.0
        var reconnectSeconds: [Double] = []
        var writesSent = 0
        var writesConfirmed = 0
        var writesUnknown = 0
        var confirmedPresent = 0
    }

    func run(command: [String], directory: String) throws -> Figures {
        let port = try FreePort.find()
        let tokenFile = directory + "/soak-token"
        let serveArguments = ["--demo", "--demo-nodes", "50", "--demo-instances", "2000", "--token-file", tokenFile,
                              "--port", "\(port)", "--db", directory + "/soak.db"]
        let binary = URL(fileURLWithPath: command[0])
        var serve = try ServeProcess(serveArguments: serveArguments, binary: binary, tokenFile: tokenFile, timeout: 45)
        let url = "http://127.0.0.1:\(port)"
        let child = try PtyChild(
            executable: command[0], arguments: Array(command.dropFirst()) + ["--url", url, "--token-file", tokenFile],
            environment: RealBinary.environment(home: directory))
        defer { child.stop(); serve.stop() }
        Thread.sleep(forTimeInterval: 6)
        let pid = ProcessStats.resolve(child.pid, name: String(binary.lastPathComponent.prefix(15)))
        var figures = Figures()
        figures.rssStartMB = ProcessStats.memoryMB(pid) ?? .nan
        let cpu0 = ProcessStats.cpuSeconds(pid) ?? 0
        let start = Date()
        let end = start.addingTimeInterval(minutes * 60)
        var nextRestart = start.addingTimeInterval(restartEvery)
        var nextWrite = start
        var confirmed: [String] = []
        while Date() < end {
            if Date() >= nextWrite {
                let id = "soak-\(figures.writesSent)"
                figures.writesSent += 1
                let status = write(command: command, url: url, tokenFile: tokenFile, id: id, home: directory)
                if status == 0 { figures.writesConfirmed += 1; confirmed.append(id) }
                if status == 75 { figures.writesUnknown += 1 }
                nextWrite = Date().addingTimeInterval(5)
            }
            if Date() >= nextRestart {
                log("soak: restarting the server (\(Int(Date().timeIntervalSince(start))) s in)")
                serve.stop()
                Thread.sleep(forTimeInterval: 3)
                let offset = child.bytesWritten
                serve = try ServeProcess(serveArguments: serveArguments, binary: binary, tokenFile: tokenFile, timeout: 45)
                let restarted = Date()
                if child.waitForOutput("live", after: offset, timeout: 120) {
                    figures.reconnectSeconds.append(Date().timeIntervalSince(restarted))
                }
                nextRestart = Date().addingTimeInterval(restartEvery)
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        figures.cpuPercent = ((ProcessStats.cpuSeconds(pid) ?? 0) - cpu0) / Date().timeIntervalSince(start) * 100
        figures.rssEndMB = ProcessStats.memoryMB(pid) ?? .nan
        figures.confirmedPresent = try present(confirmed, command: command, url: url, tokenFile: tokenFile, home: directory)
        return figures
    }

    /// `clustertui assign agent ID --node core-main-1`: its exit status.
    private func write(command: [String], url: String, tokenFile: String, id: String, home: String) -> Int32 {
        let result = try? ChildProcess.run(command[0], ["assign", "agent", id, "--node", "core-main-1", "--url", url,
                                                        "--token-file", tokenFile, "--timeout", "5"],
                                           environment: RealBinary.environment(home: home))
        return result?.status ?? -1
    }

    /// How many of the confirmed writes the server holds at the end.
    private func present(_ ids: [String], command: [String], url: String, tokenFile: String, home: String) throws -> Int {
        let result = try ChildProcess.run(command[0], ["get", "overview", "-o", "json", "--url", url, "--token-file", tokenFile],
                                          environment: RealBinary.environment(home: home))
        return ids.filter { result.stdout.contains("\"\($0)\"") }.count
    }

    static func table(_ f: Figures, minutes: Double) -> String {
        let reconnects = f.reconnectSeconds.map { String(format: "%.1f", $0) }.joined(separator: ", ")
        return """
            soak: \(String(format: "%.1f", minutes)) min at S1, server restarts: \(f.reconnectSeconds.count)
              rss_start_mb      \(String(format: "%.1f", f.rssStartMB))
              rss_end_mb        \(String(format: "%.1f", f.rssEndMB))
              cpu_pct           \(String(format: "%.2f", f.cpuPercent))
              reconnect_s       \(reconnects.isEmpty ? "—" : reconnects)
              writes            sent \(f.writesSent) · confirmed \(f.writesConfirmed) · unknown \(f.writesUnknown) · confirmed and present \(f.confirmedPresent)
            """
    }
}
