import ClusterModel
import ClusterState
import ClusterSupport
import Foundation

/// Runs alert hooks (issue 21) without a shell, off the UI thread, bounded:
/// one run at a time (a serial queue), at most `queueCap` waiting (more are
/// dropped and said), at most `perMinute` starts a minute, and each run
/// ended after `timeout` (SIGTERM, then SIGKILL). The hook's stdout and
/// stderr go nowhere: it must never write into the dashboard's screen. A
/// failure, a time-out or a drop is reported through `report`, once each.
package final class HookRunner: @unchecked Sendable {
    package static let timeout: TimeInterval = 10
    package static let queueCap = 16
    package static let perMinute = 30

    /// One thread at nice +10, so starting a hook (and the hook itself, which
    /// inherits it) never takes a core from the UI thread: on a 2-core
    /// machine a hook starting up held keystrokes back by 10-15 ms.
    private let lane = BackgroundLane(name: "clustertui-hooks", nice: 10)
    private let lock = NSLock()
    private var waiting = 0
    private var starts: [Date] = []
    private let report: @Sendable (String) -> Void

    package init(report: @escaping @Sendable (String) -> Void) { self.report = report }

    /// Queues one run of `argv` with `stdin`; never blocks the caller.
    package func run(_ argv: [String], stdin: Data) {
        guard let program = argv.first else { return }
        let accepted: Bool = lock.withLock {
            let now = Date()
            starts.removeAll { now.timeIntervalSince($0) > 60 }
            guard waiting < Self.queueCap, starts.count < Self.perMinute else { return false }
            waiting += 1
            starts.append(now)
            return true
        }
        guard accepted else {
            report("alert hook skipped: more than \(Self.queueCap) waiting or \(Self.perMinute) a minute")
            return
        }
        lane.async { [self] in
            defer { lock.withLock { waiting -= 1 } }
            if let problem = Self.runOnce(program, Array(argv.dropFirst()), stdin: stdin) { report(problem) }
        }
    }

    /// One run; `nil` when it exited 0 in time, else what went wrong.
    static func runOnce(_ program: String, _ arguments: [String], stdin: Data) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.contains("/") ? program : "/usr/bin/env")
        process.arguments = program.contains("/") ? arguments : [program] + arguments
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let name = TextSanitizer.excerpt(program, limit: 60)
        do { try process.run() } catch {
            return "alert hook \(name) could not start: \(TextSanitizer.excerpt(String(describing: error), limit: 120))"
        }
        // A hook that does not read its stdin must not block us: write, then close.
        try? input.fileHandleForWriting.write(contentsOf: stdin)
        try? input.fileHandleForWriting.close()
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        if !process.isRunning { done.signal() }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL); _ = done.wait(timeout: .now() + 2) }
            return "alert hook \(name) took longer than \(Int(timeout)) s and was stopped"
        }
        let status = process.terminationStatus
        return status == 0 ? nil : "alert hook \(name) failed (exit \(status))"
    }
}
