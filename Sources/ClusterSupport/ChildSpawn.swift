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

    /// Starts `path` with `argv` (argv[0] included); `stdin`/`stdout`/`stderr`
    /// are descriptors to give it (nil: this process's own). Returns the pid
    /// or the `errno` of the failure.
    package static func spawn(
        _ path: String, _ argv: [String], stdin: Int32? = nil, stdout: Int32? = nil, stderr: Int32? = nil,
        ownProcessGroup: Bool = false
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
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGCHLD, SIGPIPE, SIGHUP, SIGTERM, SIGCONT] {
            sigaddset(&defaults, signal)
        }
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        if ownProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let environment = ProcessInfo.processInfo.environment
            .filter { !withheld.contains($0.key) }
            .map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { cArgv in
            withCStrings(environment) { cEnv in posix_spawn(&pid, path, &actions, &attributes, cArgv, cEnv) }
        }
        return status == 0 ? .success(pid) : .failure(SpawnError(errno: status))
    }

    /// Waits for `pid` to end; its exit status, or nil with the signal that ended it.
    package static func wait(_ pid: pid_t) -> (status: Int32?, signal: Int32?) {
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 {
            if errno != EINTR { return (nil, nil) }
        }
        let signal = raw & 0x7F
        return signal == 0 ? ((raw >> 8) & 0xFF, nil) : (nil, signal)
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
