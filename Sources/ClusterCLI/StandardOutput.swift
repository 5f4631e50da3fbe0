import Glibc

/// Writes to stdout with write(2). When the reader has gone (EPIPE:
/// `clustertui doctor | head -3`) the process ends at once with 141, as a
/// program killed by SIGPIPE does; Foundation's `FileHandle.write` traps
/// there instead (SIGPIPE is ignored in this process), printing a crash.
enum StandardOutput {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { _exit(128 + SIGPIPE) }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
