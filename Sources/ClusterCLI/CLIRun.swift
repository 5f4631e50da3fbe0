import ArgumentParser
import ClusterModel
import Foundation
import Glibc

/// Runs a subcommand body and turns any failure into exactly one line
/// `clustertui: <description>` on stderr and the documented exit code.
enum CLIRun {
    /// The exit-code table shown in every command's `--help`. It starts with
    /// a newline so that appending it to a discussion leaves a blank line.
    static let exitCodeHelp = """

        Exit codes:
          0   ok
          1   other failure
          64  usage error (bad flag, bad config, unreadable token file)
          65  authentication failure (401/403: log in again)
          66  server rejected the request (4xx/5xx, non-JSON or malformed reply)
          69  server unreachable (refused, DNS, TLS, time-out), or a write
              not applied: safe to retry
          75  a write's outcome is unknown: it was sent, the reply was lost
              and re-reading failed; check before retrying
        """

    /// `body`'s value; a failure said as `run` says it (the dashboard's and
    /// `watch`'s connection errors read "Error: …" and exited 1).
    static func value<T>(_ body: () async throws -> T) async throws -> T {
        var result: T?
        try await run { result = try await body() }
        return result!
    }

    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ClusterError {
            StandardError.line("clustertui: " + TextSanitizer.visible(error.description))
            throw ExitCode(error.exitCode.rawValue)
        } catch let error as CommandFailure {
            StandardError.line("clustertui: " + error.description)
            throw ExitCode(error.exitCode.rawValue)
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            StandardError.line("clustertui: " + error.message)
            throw ExitCode(ClusterError.ExitCode.usage.rawValue)
        } catch is CancellationError {
            StandardError.line("clustertui: cancelled")
            throw ExitCode(ClusterError.ExitCode.failure.rawValue)
        } catch {
            StandardError.line("clustertui: " + TextSanitizer.visible(String(describing: error)))
            throw ExitCode(ClusterError.ExitCode.failure.rawValue)
        }
    }
}

/// Writes whole lines to stderr (unbuffered, one write per line), each
/// bounded: whatever a message quotes, the line stays readable.
enum StandardError {
    static let maxLine = 600

    static func line(_ text: String) {
        let bounded = text.count > maxLine ? String(text.prefix(maxLine - 1)) + "…" : text
        write(bounded + "\n")
    }

    /// write(2) to stderr; a closed stderr is ignored, never a crash: a batch
    /// being applied goes on (and journals) when its progress cannot be shown.
    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue } else { return } }
            bytes = bytes.dropFirst(written)
        }
    }
}
