import Foundation

/// A `clustertui serve` child process whose stdout is read for the
/// `listening on URL` line. Killed (by pid) when the test ends.
final class ServeProcess: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ text: String) { description = text }
    }

    let process = Process()
    let output = Pipe()

    init(_ binary: URL, _ arguments: [String]) throws {
        process.executableURL = binary
        process.arguments = ["serve"] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Reads stdout until the one `listening on` line (bounded by `seconds`).
    func listeningURL(seconds: TimeInterval = 30) async throws -> String {
        let handle = output.fileHandleForReading
        let task = Task.detached { () -> String? in
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return nil }
                buffer.append(chunk)
                if let text = String(data: buffer, encoding: .utf8), let line = text.split(separator: "\n").first,
                   text.contains("\n") {
                    return line.hasPrefix("listening on ") ? String(line.dropFirst("listening on ".count)) : nil
                }
            }
        }
        let timer = Task { try await Task.sleep(nanoseconds: UInt64(seconds * 1e9)); self.kill(signal: SIGKILL) }
        defer { timer.cancel() }
        guard let url = await task.value else { throw Failure("serve did not print `listening on …`") }
        return url
    }

    func kill(signal: Int32) {
        if process.isRunning { Foundation.kill(process.processIdentifier, signal) }
    }

    /// The exit status, or nil if it did not exit in time (then it is killed).
    func waitForExit(seconds: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(signal: SIGKILL); return nil }
        return process.terminationStatus
    }
}
