import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Starting another program without a shell (issue 24's custom actions):
/// `posix_spawn` with the argv as given, the signals this process ignores
/// or handles put back to their defaults in the child (a program started
/// with SIGPIPE ignored misbehaves), optionally in a process group of its
/// own, and an environment without the dashboard's token variable.
package enum ChildSpawn {
    /// The environment variables a child never inherits: the token.
    package static let withheld: Set<String> = ["CLUSTERTUI_TOKEN"]

    /// Where `program` is: itself when it holds a `/`, else the first
    /// executable file of that name on `path` (`$PATH`); nil when none is.
    package static func resolve(_ program: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        if program.contains("/") { return isExecutable(program) ? program : nil }
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(program)"
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    /// A regular file this user may execute.
    package static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    /// Serialises making pipes and spawning: a pipe made on one thread
    /// while another spawns would leak into that child (and hold its EOF).
    package static let lock = NSLock()

    /// How the child stands to the terminal.
    package enum Attachment: Sendable {
        /// This process's process group and terminal (for tests and helpers).
        case inherit
        /// A process group of its own, to be made the terminal's foreground group.
        case ownGroup
        /// A session of its own: no controlling terminal, so it can never
        /// read the keyboard or draw over the screen; its group is its pid.
        case ownSession
    }

    /// Starts `path` with `argv` (argv[0] included); `stdin`/`stdout`/`stderr`
    /// are descriptors to give it (nil: this process's own). Every signal
    /// starts at its default and unblocked. Returns the pid or the `errno`.
    package static func spawn(
        _ path: String, _ argv: [String], stdin: Int32? = nil, stdout: Int32? = nil, stderr: Int32? = nil,
        attachment: Attachment = .inherit, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, target) in [(stdin, Int32(0)), (stdout, 1), (stderr, 2)] {
            if let fd, fd != target { posix_spawn_file_actions_adddup2(&actions, fd, target) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        switch attachment {
        case .inherit: break
        case .ownGroup:
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        case .ownSession:
            flags |= spawnSetSID
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let env = environment.filter { !withheld.contains($0.key) }.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { cArgv in
            withCStrings(env) { cEnv in posix_spawn(&pid, path, &actions, &attributes, cArgv, cEnv) }
        }
        return status == 0 ? .success(pid) : .failure(SpawnError(errno: status))
    }

    /// glibc's POSIX_SPAWN_SETSID (2.26 and later), which Swift does not import.
    private static let spawnSetSID: Int32 = 0x80

    /// A pipe whose ends are not inherited by any child (one gets its end by dup2); call under `lock`.
    package static func pipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard Glibc.pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// What `waitpid` said about a child.
    package enum WaitStatus: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        case stopped(Int32)
        /// Nothing yet (`WNOHANG`).
        case running
        /// Not our child any more (reaped elsewhere): its end is unknown.
        case gone
    }

    /// One `waitpid`: blocking unless `noHang`; stops are reported when `untraced`.
    package static func wait(_ pid: pid_t, noHang: Bool = false, untraced: Bool = false) -> WaitStatus {
        var raw: Int32 = 0
        let options = (noHang ? WNOHANG : 0) | (untraced ? WUNTRACED : 0)
        while true {
            let r = waitpid(pid, &raw, options)
            if r == 0 { return .running }
            if r < 0 { if errno == EINTR { continue }; return .gone }
            break
        }
        if raw & 0xFF == 0x7F { return .stopped((raw >> 8) & 0xFF) }
        if raw & 0x7F == 0 { return .exited((raw >> 8) & 0xFF) }
        return .signalled(raw & 0x7F)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        return body(pointers + [nil])
    }
}

/// A program that could not be started, with the system's reason.
package struct SpawnError: Error, Sendable, CustomStringConvertible {
    package var errno: Int32
    package var description: String { String(cString: strerror(errno)) }
}
