import ClusterModel
import ClusterState
import ClusterSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs custom actions' programs (issue 24): the argv as prepared
/// (`ActionInvocation`), never through a shell, with the marked rows on
/// stdin when there are any.
///
/// - Background: its own thread; stdout and stderr into one pipe, the
///   first `ActionResult.outputLimit` bytes kept, the rest read and
///   dropped (a chatty program never blocks on a full pipe); ended after
///   `backgroundTimeout` (SIGTERM, then SIGKILL).
/// - Foreground: called by the loop with curses stepped aside; the program
///   gets the terminal in a process group of its own, made the terminal's
///   foreground group, so Ctrl-C reaches it and not the dashboard.
package enum ActionLauncher {
    package static let backgroundTimeout: TimeInterval = 600

    /// Starts a background run; `done` gets its result on another thread.
    package static func startBackground(_ invocation: ActionInvocation, done: @escaping @Sendable (ActionResult) -> Void) {
        let thread = Thread { done(runBackground(invocation)) }
        thread.name = "clustertui-action"
        thread.start()
    }

    /// One background run, start to end.
    package static func runBackground(_ invocation: ActionInvocation) -> ActionResult {
        var result = ActionResult(name: invocation.action.name, subject: invocation.subject, mode: .background, status: nil)
        guard let program = ChildSpawn.resolve(invocation.argv[0]) else {
            result.problem = "did not start: \(TextSanitizer.excerpt(invocation.argv[0], limit: 60)) is not an executable program on PATH"
            return result
        }
        var output: [Int32] = [-1, -1], input: [Int32] = [-1, -1]
        guard closeOnExecPipe(&output), closeOnExecPipe(&input) else {
            result.problem = "did not start: no pipe (\(String(cString: strerror(errno))))"
            return result
        }
        let spawned = ChildSpawn.spawn(program, invocation.argv, stdin: input[0], stdout: output[1], stderr: output[1])
        close(output[1]); close(input[0])
        guard case .success(let pid) = spawned else {
            close(output[0]); close(input[1])
            if case .failure(let error) = spawned { result.problem = "did not start: \(error)" }
            return result
        }
        feed(invocation.stdin, to: input[1])
        let stopped = StopFlag()
        let timer = DispatchWorkItem {
            stopped.set()
            kill(pid, SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { kill(pid, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + backgroundTimeout, execute: timer)
        let (bytes, truncated) = drain(output[0])
        close(output[0])
        let ended = ChildSpawn.wait(pid)
        timer.cancel()
        result.status = ended.status
        if let signal = ended.signal { result.problem = "ended by signal \(signal)" }
        if stopped.isSet { result.problem = "stopped after \(Int(backgroundTimeout)) s" }
        result.output = String(decoding: bytes, as: UTF8.self)
        result.truncated = truncated
        return result
    }

    /// One foreground run: the caller has given up the terminal (curses ended).
    package static func runForeground(_ invocation: ActionInvocation) -> ActionResult {
        var result = ActionResult(name: invocation.action.name, subject: invocation.subject, mode: .foreground, status: nil)
        guard let program = ChildSpawn.resolve(invocation.argv[0]) else {
            result.problem = "did not start: \(TextSanitizer.excerpt(invocation.argv[0], limit: 60)) is not an executable program on PATH"
            return result
        }
        var input: [Int32] = [-1, -1]
        let feedsStdin = !invocation.stdin.isEmpty
        if feedsStdin, !closeOnExecPipe(&input) { result.problem = "did not start: no pipe"; return result }
        let spawned = ChildSpawn.spawn(program, invocation.argv, stdin: feedsStdin ? input[0] : nil, ownProcessGroup: true)
        if feedsStdin { close(input[0]) }
        guard case .success(let pid) = spawned else {
            if feedsStdin { close(input[1]) }
            if case .failure(let error) = spawned { result.problem = "did not start: \(error)" }
            return result
        }
        let terminal = STDIN_FILENO
        let ours = tcgetpgrp(terminal)
        withTTOUIgnored { _ = tcsetpgrp(terminal, pid) }
        if feedsStdin { feed(invocation.stdin, to: input[1]) }
        let ended = ChildSpawn.wait(pid)
        if ours > 0 { withTTOUIgnored { _ = tcsetpgrp(terminal, ours) } }
        result.status = ended.status
        if let signal = ended.signal { result.problem = "ended by signal \(signal)" }
        return result
    }

    /// A pipe neither end of which leaks into other children (the child gets its end by dup2).
    private static func closeOnExecPipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Writes `data` and closes the pipe (a program that never reads its stdin gets EPIPE, not us).
    private static func feed(_ data: Data, to fd: Int32) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; break }
                offset += n
            }
        }
        close(fd)
    }

    /// Reads to the end; keeps the first `outputLimit` bytes.
    private static func drain(_ fd: Int32) -> ([UInt8], Bool) {
        var kept: [UInt8] = []
        var truncated = false
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; break }
            if n == 0 { break }
            let room = ActionResult.outputLimit - kept.count
            if room > 0 { kept.append(contentsOf: buffer[0..<min(n, room)]) }
            if n > room { truncated = true }
        }
        return (kept, truncated)
    }

    /// `tcsetpgrp` from a background process group raises SIGTTOU: ignored around the call.
    private static func withTTOUIgnored(_ body: () -> Void) {
        var ignore = sigaction(), previous = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        sigaction(SIGTTOU, &ignore, &previous)
        body()
        sigaction(SIGTTOU, &previous, nil)
    }
}

/// Whether the time-out stopped a background run (set on a timer's thread, read after the wait).
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
