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
    /// The output's first bytes and its last: an error is usually at the end.
    private var head: [UInt8] = []
    private var tail: [UInt8] = []
    /// Bytes of the middle already dropped from `tail`.
    private var dropped = 0
    static let headLimit = ActionResult.outputLimit / 4
    static let tailLimit = ActionResult.outputLimit - headLimit
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

    /// Keeps the first `headLimit` bytes and the last `tailLimit` (the head
    /// alone lost the end of a long output, where its error usually is).
    private func keep(_ bytes: ArraySlice<UInt8>) {
        var rest = bytes
        if head.count < Self.headLimit {
            let n = min(Self.headLimit - head.count, rest.count)
            head.append(contentsOf: rest.prefix(n))
            rest = rest.dropFirst(n)
        }
        guard !rest.isEmpty else { return }
        tail.append(contentsOf: rest)
        if tail.count > 2 * Self.tailLimit {  // trimmed now and then, not on every read
            let excess = tail.count - Self.tailLimit
            tail.removeFirst(excess)
            dropped += excess
        }
    }

    /// Whether the middle of the output was dropped.
    var truncated: Bool { dropped + max(0, tail.count - Self.tailLimit) > 0 }

    /// What is kept: the head, then, when the middle was dropped, a line
    /// saying how much, and the tail from its first whole line.
    var kept: [UInt8] {
        let excess = max(0, tail.count - Self.tailLimit)
        var rest = tail.dropFirst(excess)
        guard dropped + excess > 0 else { return head + rest }
        var cut = dropped + excess
        if let newline = rest.prefix(4096).firstIndex(of: 0x0A) {
            cut += newline + 1 - rest.startIndex
            rest = rest[(newline + 1)...]
        }
        return head + Array("\n… \(cut) bytes of the middle cut …\n".utf8) + rest
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
