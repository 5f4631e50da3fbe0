#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A child process running on a pseudo-terminal of a given size, with a
/// thread draining everything it writes: byte counts, timestamps of the
/// first appearance of marker strings, and the raw output (capped).
///
/// The child is started through `setsid -c -w` (which may fork, so the
/// dashboard's pid is looked up by parent: `ProcessStats.resolve`) so the pty becomes its
/// controlling terminal, as in a real terminal emulator.
final class PtyChild: @unchecked Sendable {
    let process = Process()
    private let master: Int32
    private let lock = NSLock()
    private var output: [UInt8] = []
    private var total = 0
    private let started: ContinuousClock.Instant
    private var markers: [String: Duration] = [:]
    private var wanted: [String]
    private let cap = 8 << 20

    init(executable: String, arguments: [String], environment: [String: String],
         columns: UInt16 = 120, rows: UInt16 = 40, markers: [String] = []) throws {
        // posix_openpt/unlockpt/ptsname by hand (Glibc's module hides them):
        // /dev/ptmx, TIOCSPTLCK (0x40045431) 0 to unlock, TIOCGPTN (0x80045430)
        // for the slave's number (asm-generic ioctl numbers: x86_64, aarch64).
        let m = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard m >= 0,
              withUnsafeMutablePointer(to: &unlock, { ioctl(m, UInt(0x4004_5431), $0) }) == 0,
              withUnsafeMutablePointer(to: &number, { ioctl(m, UInt(0x8004_5430), $0) }) == 0 else {
            throw BenchError("cannot open a pseudo-terminal")
        }
        let namePtr = "/dev/pts/\(number)"
        master = m
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = withUnsafeMutablePointer(to: &size) { ioctl(m, UInt(TIOCSWINSZ), $0) }
        let slave = open(namePtr, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw BenchError("cannot open the pty slave") }
        wanted = markers
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-c", "-w", executable] + arguments
        process.environment = environment
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        started = ContinuousClock.now
        try process.run()
        close(slave)
        let thread = Thread { [self] in drain() }
        thread.start()
    }

    var pid: Int32 { process.processIdentifier }

    private func drain() {
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { read(master, $0.baseAddress, 65536) }
            if n <= 0 { break }
            let now = ContinuousClock.now
            lock.lock()
            total += n
            if output.count < cap { output.append(contentsOf: buf[0..<n]) }
            if !wanted.isEmpty {
                let tail = String(decoding: output.suffix(min(output.count, n + 4096)), as: UTF8.self)
                wanted.removeAll { marker in
                    guard tail.contains(marker) else { return false }
                    markers[marker] = now - started
                    return true
                }
            }
            lock.unlock()
        }
    }

    /// Bytes the child wrote so far.
    var bytesWritten: Int { lock.lock(); defer { lock.unlock() }; return total }

    /// Time from spawn to the first appearance of `marker`, if seen.
    func seen(_ marker: String) -> Duration? { lock.lock(); defer { lock.unlock() }; return markers[marker] }

    /// Waits up to `timeout` seconds for `marker`.
    func wait(for marker: String, timeout: Double) -> Duration? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let d = seen(marker) { return d }
            usleep(2_000)
        }
        return seen(marker)
    }

    /// Waits up to `timeout` seconds until `marker` appears in what the child
    /// wrote after byte `offset` (the soak's "live again" after a restart).
    func waitForOutput(_ marker: String, after offset: Int, timeout: Double, every interval: Double = 0.1) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            lock.lock()
            let text = offset < output.count ? String(decoding: output[offset...], as: UTF8.self) : ""
            lock.unlock()
            if text.contains(marker) { return true }
            usleep(useconds_t(interval * 1_000_000))
        }
        return false
    }

    /// Types `text` into the terminal.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, bytes.count) }
    }

    /// Asks the child to quit (`q`), then terminates it if it lingers.
    func stop() {
        send("q")
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { signalSession(SIGTERM) }
        // A child that does not end on SIGTERM within 3 s more is killed: the benchmark never waits for ever.
        let killAt = Date().addingTimeInterval(3)
        while process.isRunning && Date() < killAt { usleep(20_000) }
        if process.isRunning { signalSession(SIGKILL) }
        process.waitUntilExit()
        close(master)
    }

    /// Ends at once a child that never quits by itself (a shell loop).
    func end() {
        signalSession(SIGKILL)
        process.waitUntilExit()
        close(master)
    }

    /// `signal` to the program in the pty and to `setsid`. A signal to
    /// `setsid` alone left the program running, orphaned: the redraw
    /// baseline's shell loop of every run went on forking `cat` and
    /// `sleep` each second, under every later run's figures.
    private func signalSession(_ signal: Int32) {
        let group = tcgetpgrp(master)  // the pty's foreground group: the program setsid started
        if group > 0 && group != getpgrp() { killpg(group, signal) }
        if process.isRunning { kill(process.processIdentifier, signal) }
    }
}
