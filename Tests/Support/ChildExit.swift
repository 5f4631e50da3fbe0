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
}
