import CNcurses
import Glibc
import Synchronization

/// The process-wide state that signal handlers may touch, and the handlers
/// themselves. Handlers never call curses (except the crash handlers' last
/// resort `endwin`): they set a bit in `pending` and write one byte to the
/// wake pipe, and the UI loop, blocked in `poll(2)`, wakes up and reads them.
///
/// Decisions:
/// - The wake pipe is created once per process and never closed, so a late
///   `Terminal.wake()` from a network task can never write into a file
///   descriptor number that has since been reused.
/// - All state is atomics or written before the handlers are installed.
package enum SignalBridge {
    /// One bit per signal number delivered and not yet reported.
    package static let pending = Atomic<UInt64>(0)
    package static let wakeReadFD = Atomic<Int32>(-1)
    package static let wakeWriteFD = Atomic<Int32>(-1)
    /// True between a successful `newterm` and `endwin` (shared with `atexit` and crash handlers).
    package static let cursesActive = Atomic<Bool>(false)
    /// The `fatalSignals` our handler was installed for (bit `sig - 1`), to put back.
    package static let fatalInstalled = Atomic<UInt64>(0)
    /// Set once the `atexit` hook is registered.
    package static let atexitRegistered = Atomic<Bool>(false)
    /// The byte `Terminal.wake()` writes; signal handlers write the signal number (< 65).
    package static let wakeByte: UInt8 = 0xFF

    /// Signals that end the dashboard through the UI loop.
    package static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals that mean a crash: restore the terminal, then let the previous handler (Swift's backtracer) run.
    package static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS]
    /// Every other signal whose default action ends the process (issue 20:
    /// SIGQUIT left the terminal in the alternate screen): restore the
    /// terminal, then die of it as the default would. Only where the action
    /// is still the default: an ignored or handled one (SIGPIPE, a parent's
    /// `SIG_IGN`) is left alone, except SIGQUIT, which Swift's backtracer
    /// catches and then reports over the curses screen as a crash; SIGPROF
    /// is left to profilers.
    package static var fatalSignals: [Int32] {
        [SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ, SIGSYS, SIGVTALRM, SIGIO, SIGPWR, SIGSTKFLT]
            + Array(Int32(__libc_current_sigrtmin())...min(64, Int32(__libc_current_sigrtmax())))
    }

    /// The actions in force before ours, indexed by signal number; written
    /// only before our handler for that signal is installed.
    nonisolated(unsafe) static let saved = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

    /// Creates the wake pipe (once) and touches every static so no handler
    /// runs a lazy initializer. Returns false when no pipe can be made.
    package static func prepare() -> Bool {
        _ = pending.load(ordering: .relaxed)
        _ = cursesActive.load(ordering: .relaxed)
        _ = saved
        if wakeReadFD.load(ordering: .acquiring) >= 0 { return true }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return false }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeWriteFD.store(fds[1], ordering: .releasing)
        wakeReadFD.store(fds[0], ordering: .releasing)
        if !atexitRegistered.exchange(true, ordering: .acquiringAndReleasing) {
            atexit { SignalBridge.emergencyEndwin() }
        }
        return true
    }

    /// Writes one byte to the wake pipe; async-signal-safe, errno preserved.
    /// A full pipe drops the byte: the reader is already due to wake.
    package static func poke(_ byte: UInt8) {
        let fd = wakeWriteFD.load(ordering: .acquiring)
        guard fd >= 0 else { return }
        let savedErrno = errno
        var b = byte
        _ = write(fd, &b, 1)
        errno = savedErrno
    }

    /// `endwin()` if curses is still active; at most once. The last resort
    /// used by `atexit` and the crash handlers.
    package static func emergencyEndwin() {
        if cursesActive.exchange(false, ordering: .acquiringAndReleasing) { _ = endwin() }
    }

    /// Takes and clears the set of delivered signals.
    package static func takePending() -> [Int32] {
        let bits = pending.exchange(0, ordering: .acquiringAndReleasing)
        guard bits != 0 else { return [] }
        return (1..<64).filter { bits & (UInt64(1) << UInt64($0)) != 0 }.map { Int32($0) }
    }

    /// Installs the flag-and-wake handler for SIGINT, SIGTERM, SIGHUP and
    /// SIGWINCH (so curses does not install its own), and the crash handlers.
    /// Also unblocks them (and SIGTSTP/SIGCONT) on the calling thread: a
    /// thread started from a dispatch worker inherits a mask that blocks
    /// nearly everything, and a signal every thread blocks is never delivered.
    package static func install() {
        for sig in terminationSignals + [SIGWINCH] { install(sig, flagging) }
        for sig in crashSignals { install(sig, crashing) }
        var fatal: [Int32] = []
        for sig in fatalSignals {
            var current = sigaction()
            // SIGQUIT is taken even from Swift's backtracer, which would draw its report over curses.
            guard sigaction(sig, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil || sig == SIGQUIT else { continue }
            install(sig, dyingByDefault)
            fatal.append(sig)
            fatalInstalled.bitwiseOr(UInt64(1) << UInt64(sig - 1), ordering: .acquiringAndReleasing)
        }
        var set = sigset_t()
        sigemptyset(&set)
        for sig in terminationSignals + [SIGWINCH, SIGTSTP, SIGCONT] + crashSignals + fatal { sigaddset(&set, sig) }
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Puts back every action `install()` replaced.
    package static func restore() {
        for sig in terminationSignals + [SIGWINCH] + crashSignals { _ = sigaction(sig, saved + Int(sig), nil) }
        let fatal = fatalInstalled.exchange(0, ordering: .acquiringAndReleasing)
        for sig in fatalSignals where fatal & (UInt64(1) << UInt64(sig - 1)) != 0 {
            _ = sigaction(sig, saved + Int(sig), nil)
        }
    }

    private static func install(_ sig: Int32, _ handler: @escaping @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO
        _ = sigaction(sig, &action, saved + Int(sig))
    }
}

/// SIGINT/SIGTERM/SIGHUP/SIGWINCH: remember the signal and wake the loop.
private let flagging: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { sig, _, _ in
    guard sig > 0, sig < 64 else { return }
    SignalBridge.pending.bitwiseOr(UInt64(1) << UInt64(sig), ordering: .acquiringAndReleasing)
    SignalBridge.poke(UInt8(truncatingIfNeeded: sig))
}

/// SIGSEGV/SIGILL/SIGTRAP/SIGABRT/SIGBUS: put the terminal back, then die
/// the way the process would have without us.
/// - A real crash (a fault, or `abort()`/`raise` from inside): restore the
///   previous action (Swift's backtracer, or the default) and let it run. A
///   fault re-executes and faults again; a raised signal is raised again
///   (blocked while we run, so it lands in the restored handler).
/// - A crash signal sent by another process (`kill -SEGV`, si_code SI_USER):
///   there is nothing to backtrace, and the backtracer would return and let
///   the process carry on; take the default action (terminate) instead.
private let crashing: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { sig, info, _ in
    SignalBridge.emergencyEndwin()
    let code = info?.pointee.si_code ?? 0
    if code == SI_USER {
        var dfl = sigaction()
        dfl.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&dfl.sa_mask)
        _ = sigaction(sig, &dfl, nil)
        _ = raise(sig)
        return
    }
    _ = sigaction(sig, SignalBridge.saved + Int(sig), nil)
    if code <= 0 || sig == SIGTRAP { _ = raise(sig) }
}

/// SIGQUIT and the other signals whose default is to end the process
/// (issue 20): put the terminal back, then take the default action (a core
/// for SIGQUIT), so the shell sees 128 + N as it would have.
private let dyingByDefault: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { sig, _, _ in
    SignalBridge.emergencyEndwin()
    // Not Swift's backtracer for SIGQUIT: it reports a "crash" of every thread
    // interactively and slowly; the default action (a core where the limit
    // allows, exit 128 + N) is what `kill -QUIT` asks for.
    var dfl = sigaction()
    dfl.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&dfl.sa_mask)
    _ = sigaction(sig, &dfl, nil)
    // Blocked while this handler runs: delivered, with the default action, when it returns.
    _ = raise(sig)
}
