import ClusterModel
import Foundation

/// Replacing a small state file the dashboard keeps (acknowledgements,
/// chosen columns): its directory 0700, the new bytes written aside to a
/// new 0600 file (never through a link), then renamed over the old one, so
/// a reader sees the old file or the new one, never half of either.
enum PrivateFile {
    static func replace(_ path: String, with data: Data) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot write", temporary) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == data.count, rename(temporary, path) == 0 else {
            let error = failure("cannot write", path)
            unlink(temporary)
            throw error
        }
    }

    static func failure(_ what: String, _ path: String) -> ClusterError {
        .usage("\(what) \(TextSanitizer.excerpt(path)): \(String(cString: strerror(errno)))")
    }
}
