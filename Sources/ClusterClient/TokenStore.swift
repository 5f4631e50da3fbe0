import ClusterModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes the session token file.
///
/// Writing creates a fresh temporary file next to the target with
/// `O_CREAT|O_EXCL` and mode 0600 (then `fchmod` 0600 again, in case of an
/// unusual umask), writes, `fsync`s and renames it over the target, so the
/// token is never readable by others, not even for a moment, and a crash
/// never leaves a half-written file.
public enum TokenStore {
    /// The trimmed token; `ClusterError.usage` when the file is missing, unreadable or empty.
    public static func read(_ path: String) throws -> String {
        let expanded = expandTilde(path)
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw ClusterError.usage("cannot read token file \(path): run `clustertui login` or set CLUSTERTUI_TOKEN")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ClusterError.usage("token file \(path) is not UTF-8 text")
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw ClusterError.usage("token file \(path) is empty: run `clustertui login` or set CLUSTERTUI_TOKEN")
        }
        return token
    }

    /// Writes `token` (plus a newline) to `path` with mode 0600, atomically.
    /// Creates the parent directory (mode 0700) when missing.
    public static func write(_ token: String, to path: String) throws {
        let target = expandTilde(path)
        let dir = (target as NSString).deletingLastPathComponent
        if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(
                    atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw ClusterError.usage("cannot create directory \(dir) for the token file")
            }
        }
        let temp = target + ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw ClusterError.usage("cannot create token file \(path): \(String(cString: strerror(errno)))")
        }
        var ok = fchmod(fd, 0o600) == 0
        let bytes = Array((token + "\n").utf8)
        ok = ok && writeAll(fd, bytes)
        ok = ok && fsync(fd) == 0
        ok = close(fd) == 0 && ok
        guard ok, rename(temp, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw ClusterError.usage("cannot write token file \(path): \(reason)")
        }
    }

    /// `~/x` → `$HOME/x`.
    public static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}

/// Writes every byte, retrying on `EINTR` and short writes.
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buf in
        guard let base = buf.baseAddress else { return true }
        var offset = 0
        while offset < buf.count {
            let n = write(fd, base + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
