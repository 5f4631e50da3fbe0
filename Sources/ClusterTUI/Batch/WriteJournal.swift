import ClusterModel
import Foundation

/// The write journal (issue 10): every write the dashboard or the CLI
/// sends, one JSON line for the intent (written before the request goes
/// out) and one for the outcome. Lines go to the file with one `write(2)`
/// each, O_APPEND, so a crash of the process mid-batch leaves every intent
/// that was sent, and two processes never interleave within a line.
///
/// The file is 0600 in a 0700 directory and never holds the token. It is
/// capped: past `maxBytes` the oldest lines are dropped, keeping the newest
/// half, through a temporary file renamed over the old one.
final class WriteJournal: @unchecked Sendable {
    let path: String
    let maxBytes: Int
    private let lock = NSLock()
    private var fd: Int32 = -1
    private var size = 0

    init(path: String, maxBytes: Int = 10 << 20) {
        self.path = path
        self.maxBytes = maxBytes
    }

    deinit { if fd >= 0 { close(fd) } }

    /// `$XDG_STATE_HOME/clustertui/journal.jsonl`, else `~/.local/state/clustertui/journal.jsonl`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/clustertui/journal.jsonl" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/clustertui/journal.jsonl"
    }

    /// Appends one record as one line; throws when the file cannot be written.
    func append(_ record: JournalRecord) throws {
        var line = record.jsonLine()
        line.append(UInt8(ascii: "\n"))
        lock.lock()
        defer { lock.unlock() }
        try lockCurrentFile()
        defer { flock(fd, LOCK_UN) }
        try writeAll(line)
        size += line.count
        if size > maxBytes { try compact() }
    }

    /// Opens the file if needed and takes its `flock`, reopening when another
    /// process compacted it meanwhile (renamed a new file over it): a line is
    /// never written into a journal file that is no longer the journal.
    private func lockCurrentFile() throws {
        for _ in 0..<5 {
            if fd < 0 { try openFile() }
            flock(fd, LOCK_EX)
            var mine = stat(), current = stat()
            if fstat(fd, &mine) == 0, stat(path, &current) == 0, mine.st_ino == current.st_ino, mine.st_dev == current.st_dev {
                size = Int(mine.st_size)
                return
            }
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
        throw JournalError("\(path) keeps being replaced; this write is not recorded")
    }

    /// Every record in the file, oldest first, and how many lines were unreadable.
    static func read(path: String) throws -> (records: [JournalRecord], unreadable: Int) {
        guard FileManager.default.fileExists(atPath: path) else { return ([], 0) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var records: [JournalRecord] = []
        var unreadable = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if let record = JournalRecord(jsonLine: Data(line)) { records.append(record) } else { unreadable += 1 }
        }
        return (records, unreadable)
    }

    private func openFile() throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError("cannot open \(path): \(String(cString: strerror(errno)))") }
        fchmod(fd, 0o600)
        var st = stat()
        size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw JournalError("cannot write \(path): \(written < 0 ? String(cString: strerror(errno)) : "short write")")
        }
    }

    /// Keeps the newest half of the file, cut at a line boundary. Runs with
    /// the file's `flock` held, so no other process appends meanwhile; they
    /// see the rename and reopen (`lockCurrentFile`).
    private func compact() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var start = max(0, data.count - maxBytes / 2)
        if start > 0, let newline = data[start...].firstIndex(of: UInt8(ascii: "\n")) { start = newline + 1 }
        let temp = path + ".tmp.\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: data[start...], attributes: [.posixPermissions: 0o600]),
              rename(temp, path) == 0
        else { throw JournalError("cannot rewrite \(path) to its size cap") }
        // The old file's lock goes with its descriptor; the caller's unlock of the new one is harmless.
        close(fd)
        fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError("cannot reopen \(path)") }
        size = data.count - start
    }
}

/// Why the journal could not be written or read.
struct JournalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
