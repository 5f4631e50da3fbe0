import Foundation

/// Waiting for a `Process` to end without `waitUntilExit`, which once spun
/// for good at 100 % CPU in a full test run: Foundation's exit monitor had
/// missed a `serve` child's exit, the child stayed a zombie, and the run hung
/// until it was killed. A child that is a zombie has ended, whatever
/// `isRunning` says.
public enum ChildExit {
    /// True once `process` has ended (or is a zombie) within `seconds`.
    @discardableResult
    public static func wait(_ process: Process, seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, !isZombie(process.processIdentifier), Date() < deadline { usleep(20_000) }
        return !process.isRunning || isZombie(process.processIdentifier)
    }

    /// Whether `pid` has exited and waits to be reaped (state `Z` in `/proc/PID/stat`).
    public static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[close...].dropFirst().drop { $0 == " " }.first == "Z"
    }

    /// How `process` ended, waiting at most `seconds`: its exit status, or
    /// the signal that ended it (`signalled`); `nil` when it is still running.
    /// A zombie Foundation missed is reaped here, so its status is still known.
    public static func ending(_ process: Process, seconds: TimeInterval) -> (status: Int32, signalled: Bool)? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !process.isRunning {
                return (process.terminationStatus, process.terminationReason == .uncaughtSignal)
            }
            var raw: Int32 = 0
            if isZombie(process.processIdentifier), waitpid(process.processIdentifier, &raw, WNOHANG) == process.processIdentifier {
                let signal = raw & 0x7f
                return signal != 0 ? (signal, true) : ((raw >> 8) & 0xff, false)
            }
            usleep(20_000)
        }
        return nil
    }
}
