import ClusterModel
import ClusterState
import ClusterSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One background action's output and end (see `ActionLauncher`): reads
/// the pipe with `poll`, so the deadline holds whatever the program does,
/// reaps the program, and after it exited reads what is left for at most
/// `grace` (a program it started may keep the pipe open for good).
final class BackgroundRun {
    let pid: pid_t
    let fd: Int32
    let deadline: Date
    let grace: TimeInterval = 1
    private(set) var kept: [UInt8] = []
    private(set) var truncated = false
    private(set) var exitStatus: Int32?
    private(set) var signal: Int32?
    private(set) var timedOut = false
    private var reaped = false
    private var killAt: Date?

    init(pid: pid_t, fd: Int32, deadline: Date) { self.pid = pid; self.fd = fd; self.deadline = deadline }

    /// Reads and waits until the output ends and the program is reaped, or the grace after its exit is over.
    func collect() {
        var exitedAt: Date?
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var open = true
        while true {
            if open {
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = Glibc.poll(&p, 1, 100)
                if ready > 0 {
                    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if n > 0 { keep(buffer[0..<n]) } else if n == 0 || errno != EINTR { open = false }
                }
            } else if !reaped {
                usleep(50_000)
            }
            if !reaped { reap() }
            if reaped, exitedAt == nil { exitedAt = Date() }
            if reaped && (!open || Date().timeIntervalSince(exitedAt!) > grace) { return }
            enforceDeadline()
        }
    }

    private func keep(_ bytes: ArraySlice<UInt8>) {
        let room = ActionResult.outputLimit - kept.count
        if room > 0 { kept.append(contentsOf: bytes.prefix(room)) }
        if bytes.count > room { truncated = true }
    }

    private func reap() {
        switch ChildSpawn.wait(pid, noHang: true) {
        case .exited(let status): exitStatus = status; reaped = true
        case .signalled(let s): signal = s; reaped = true
        case .gone: reaped = true  // its end is unknown: no status, and never signalled again
        case .stopped, .running: break
        }
    }

    /// Past the deadline: SIGTERM to its whole group, SIGKILL two seconds
    /// later; only while it is not reaped (its pid cannot be reused before).
    private func enforceDeadline() {
        guard !reaped else { return }
        let now = Date()
        if killAt == nil, now >= deadline {
            timedOut = true
            kill(-pid, SIGTERM)
            kill(-pid, SIGCONT)
            killAt = now.addingTimeInterval(2)
        } else if let at = killAt, now >= at {
            kill(-pid, SIGKILL)
            killAt = .distantFuture
        }
    }
}
