import ClusterModel
import Foundation

/// Doctor's tmux check (issue 21): inside tmux, desktop notifications
/// (`--notify osc9|osc777`) reach the operator's terminal only when tmux's
/// `allow-passthrough` is on (tmux 3.3 or later); the bell always does.
/// Outside tmux there is nothing to check and no line.
enum TmuxChecks {
    /// What asking tmux gave: its answer, or why there is none.
    enum Answer: Equatable {
        case value(String)
        case refused(String)
        case noTmuxCommand
    }

    static func line(environment: [String: String]) -> DoctorLine? {
        guard let socket = environment["TMUX"], !socket.isEmpty else { return nil }
        return line(ask(environment: environment))
    }

    static func line(_ answer: Answer) -> DoctorLine {
        let fix = "run `tmux set -g allow-passthrough on` (and add it to ~/.tmux.conf)"
        switch answer {
        case .value(let v) where v == "on" || v == "all":
            return .ok("tmux", "allow-passthrough is \(v): --notify osc9|osc777 notifications reach your terminal")
        case .value(let v):
            return .warn("tmux", "allow-passthrough is \(v.isEmpty ? "off" : v): tmux drops --notify osc9|osc777 "
                + "notifications (the bell still rings); \(fix)")
        case .refused(let why) where why.contains("invalid option") || why.contains("unknown option"):
            return .warn("tmux", "this tmux has no allow-passthrough (it needs 3.3 or later: \(why)): --notify "
                + "osc9|osc777 notifications are dropped, the bell still rings")
        case .refused(let why):
            return .warn("tmux", "tmux did not say whether allow-passthrough is on (\(why)); --notify osc9|osc777 "
                + "needs it: `tmux show -gv allow-passthrough` should print on")
        case .noTmuxCommand:
            return .warn("tmux", "inside tmux, but no tmux command on PATH to ask whether allow-passthrough is on "
                + "(--notify osc9|osc777 needs it)")
        }
    }

    /// `tmux show-options -gv allow-passthrough`, bounded to 2 s.
    static func ask(environment: [String: String]) -> Answer {
        let paths = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { String($0) + "/tmux" }
        guard let tmux = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return .noTmuxCommand }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["show-options", "-gv", "allow-passthrough"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .noTmuxCommand }
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            return .refused("tmux did not answer within 2 s")
        }
        let text = { (pipe: Pipe) in
            String(decoding: pipe.fileHandleForReading.readDataToEndOfFile().prefix(200), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if process.terminationStatus != 0 { return .refused(TextSanitizer.excerpt(text(err), limit: 80)) }
        return .value(TextSanitizer.excerpt(text(out), limit: 20))
    }
}
