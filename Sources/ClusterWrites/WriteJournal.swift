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
///
/// Crash safety (issue 20): every record starts on a line of its own, even
/// when a crash or a full disk left a torn last line (that line is then
/// reported as damaged by `read`, never glued to the next record); each
/// line carries a checksum (`JournalRecord.line`); the file is opened
/// without following a symbolic link.
package final class WriteJournal: @unchecked Sendable {
    package let path: String
    let maxBytes: Int
    private let lock = NSLock()
    private var fd: Int32 = -1
    private var size = 0

    package init(path: String, maxBytes: Int = 10 << 20) {
        self.path = path
        self.maxBytes = maxBytes
    }

    deinit { if fd >= 0 { close(fd) } }

    /// `$XDG_STATE_HOME/clustertui/journal.jsonl`, else `~/.local/state/clustertui/journal.jsonl`.
    package static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/clustertui/journal.jsonl" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/clustertui/journal.jsonl"
    }

    /// Appends one record as one line; throws when the file cannot be written.
    package func append(_ record: JournalRecord) throws {
        var line = record.line()
        line.append(UInt8(ascii: "\n"))
        lock.lock()
        defer { lock.unlock() }
        try lockCurrentFile()
        defer { flock(fd, LOCK_UN) }
        if size > 0, !endsWithNewline() { line.insert(UInt8(ascii: "\n"), at: 0) }
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

    /// Whether the file's last byte ends a line (held under the `flock`).
    private func endsWithNewline() -> Bool {
        var last: UInt8 = 0
        return pread(fd, &last, 1, off_t(size - 1)) == 1 && last == UInt8(ascii: "\n")
    }

    /// Every line of the file, oldest first: records, and the numbers of the
    /// damaged lines (torn by a crash, or edited).
    package static func read(path: String) throws -> JournalContents {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return JournalContents() }
            throw JournalError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let data = (try? handle.readToEnd()) ?? Data()
        var contents = JournalContents()
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard !line.isEmpty else { continue }
            switch JournalRecord.parse(line) {
            case .record(let record): contents.records.append(JournalLine(number: number, record: record))
            case .damaged: contents.damaged.append(number)
            }
        }
        return contents
    }

    private func openFile() throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // O_RDWR for `endsWithNewline`'s pread; O_NOFOLLOW: a symbolic link
        // planted at the journal's path is refused, never written through.
        fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let why = errno == ELOOP ? "it is a symbolic link, which the journal never follows" : String(cString: strerror(errno))
            throw JournalError("cannot open \(path): \(why)")
        }
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
        fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError("cannot reopen \(path)") }
        size = data.count - start
    }
}

/// Why the journal could not be written or read.
package struct JournalError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// One record of the journal and the line it is on.
package struct JournalLine: Equatable, Sendable {
    package var number: Int
    package var record: JournalRecord
}

/// What `WriteJournal.read` found: the records, and the damaged lines.
package struct JournalContents: Equatable, Sendable {
    package var records: [JournalLine] = []
    /// Line numbers (from 1) that are not whole records.
    package var damaged: [Int] = []
}
