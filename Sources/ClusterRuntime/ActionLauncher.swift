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
/// - Background: a thread of its own; the program in a session of its own
///   (no terminal: it can neither read the keyboard nor draw over the
///   screen); stdin fed from another thread (a program that echoes while it
///   reads never deadlocks us); stdout and stderr into one pipe, the first
///   `ActionResult.outputLimit` bytes kept (its first quarter and its last
///   three, the middle drained and said); its whole
///   process group ended after `timeout` (SIGTERM, then SIGKILL). Once it
///   has exited, what it left running (a browser that `xdg-open` started)
///   may hold the pipe for a second more, no longer.
/// - Foreground: called by the loop with curses stepped aside; the program
///   gets the terminal in a process group of its own, made the terminal's
///   foreground group, so Ctrl-C reaches it and not the dashboard. If it is
///   stopped (Ctrl-Z in it, or a read before the hand-over) it is given the
///   terminal and continued: the dashboard cannot be left waiting on a
///   stopped child.
package enum ActionLauncher {
    package static let backgroundTimeout: TimeInterval = 600
    /// The most background runs at once; more are refused with a line.
    package static let backgroundLimit = 4
    private static let running = RunningCount()

    /// Starts a background run; `done` gets its result on another thread.
    /// Nil, and nothing started, when `backgroundLimit` runs are going.
    package static func startBackground(_ invocation: ActionInvocation, done: @escaping @Sendable (ActionResult) -> Void) -> Bool {
        guard running.enter(limit: backgroundLimit) else { return false }
        let thread = Thread {
            done(runBackground(invocation))
            running.leave()
        }
        thread.name = "clustertui-action"
        thread.start()
        return true
    }

    /// One background run, start to end.
    package static func runBackground(
        _ invocation: ActionInvocation, timeout: TimeInterval = backgroundTimeout,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ActionResult {
        var result = ActionResult(name: invocation.action.name, subject: invocation.subject, mode: .background, status: nil)
        guard let program = ChildSpawn.resolve(invocation.argv[0], path: environment["PATH"]) else {
            result.started = false; result.problem = notFound(invocation)
            return result
        }
        ChildSpawn.lock.lock()
        guard let output = ChildSpawn.pipe(), let input = ChildSpawn.pipe() else {
            ChildSpawn.lock.unlock()
            result.started = false; result.problem = "did not start: no pipe (\(String(cString: strerror(errno))))"
            return result
        }
        let spawned = ChildSpawn.spawn(program, invocation.argv, stdin: input.read, stdout: output.write, stderr: output.write,
                                       attachment: .ownSession, environment: environment)
        close(output.write); close(input.read)
        ChildSpawn.lock.unlock()
        guard case .success(let pid) = spawned else {
            close(output.read); close(input.write)
            if case .failure(let error) = spawned { result.started = false; result.problem = "did not start: \(error)" }
            return result
        }
        let stdin = invocation.stdin
        Thread.detachNewThread { feed(stdin, to: input.write) }
        let run = BackgroundRun(pid: pid, fd: output.read, deadline: Date().addingTimeInterval(timeout))
        run.collect()
        close(output.read)
        result.status = run.exitStatus
        if let signal = run.signal { result.problem = "ended by signal \(signal)" }
        if run.timedOut { result.problem = "stopped after \(Int(timeout)) s" }
        result.output = String(decoding: run.kept, as: UTF8.self)
        result.truncated = run.truncated
        return result
    }

    /// One foreground run: the caller has given up the terminal (curses ended).
    package static func runForeground(_ invocation: ActionInvocation) -> ActionResult {
        var result = ActionResult(name: invocation.action.name, subject: invocation.subject, mode: .foreground, status: nil)
        guard let program = ChildSpawn.resolve(invocation.argv[0]) else {
            result.started = false; result.problem = notFound(invocation)
            return result
        }
        let feedsStdin = !invocation.stdin.isEmpty
        ChildSpawn.lock.lock()
        let input = feedsStdin ? ChildSpawn.pipe() : nil
        if feedsStdin && input == nil { ChildSpawn.lock.unlock(); result.started = false; result.problem = "did not start: no pipe"; return result }
        let spawned = ChildSpawn.spawn(program, invocation.argv, stdin: input?.read, attachment: .ownGroup)
        if let input { close(input.read) }
        ChildSpawn.lock.unlock()
        guard case .success(let pid) = spawned else {
            if let input { close(input.write) }
            if case .failure(let error) = spawned { result.started = false; result.problem = "did not start: \(error)" }
            return result
        }
        let terminal = STDIN_FILENO
        let ours = tcgetpgrp(terminal)
        handOver(terminal, to: pid)
        if let input { let data = invocation.stdin; Thread.detachNewThread { feed(data, to: input.write) } }
        while true {
            switch ChildSpawn.wait(pid, untraced: true) {
            case .stopped:
                // Ctrl-Z in the program, or a terminal read before the hand-over: give it the terminal and go on.
                handOver(terminal, to: pid)
                continue
            case .exited(let status): result.status = status
            case .signalled(let signal): result.problem = "ended by signal \(signal)"
            case .running, .gone: result.problem = "lost track of it"
            }
            break
        }
        if ours > 0 { withTTOUIgnored { _ = tcsetpgrp(terminal, ours) } }
        return result
    }

    private static func notFound(_ invocation: ActionInvocation) -> String {
        "did not start: \(TextSanitizer.excerpt(invocation.argv[0], limit: 60)) is not an executable program on PATH"
    }

    /// Makes `pid`'s group the terminal's foreground group and continues it.
    private static func handOver(_ terminal: Int32, to pid: pid_t) {
        withTTOUIgnored { _ = tcsetpgrp(terminal, pid) }
        kill(-pid, SIGCONT)
    }

    /// Writes `data` and closes the pipe (a program that never reads its stdin gets EPIPE, not us).
    static func feed(_ data: Data, to fd: Int32) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; break }
                offset += n
            }
        }
        close(fd)
    }

    /// `write` that cannot raise SIGPIPE on this process: a closed reader is an error return.
    private static func send(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        var block = sigset_t(), previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        let n = write(fd, bytes, count)
        let saved = errno
        if n < 0 && saved == EPIPE {
            // Take the pending SIGPIPE off this thread before unblocking it.
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 { var signal: Int32 = 0; sigwait(&block, &signal) }
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        errno = saved
        return n
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

/// How many background runs are going (`ActionLauncher.backgroundLimit`).
private final class RunningCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func enter(limit: Int) -> Bool { lock.withLock { guard count < limit else { return false }; count += 1; return true } }
    func leave() { lock.withLock { count -= 1 } }
}
