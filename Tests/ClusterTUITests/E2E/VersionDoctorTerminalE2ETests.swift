import ClusterTestSupport
import Foundation
import Testing
import ClusterState

/// Issue 15: `--version` was a usage error (exit 64); it and `version`
/// print one line and exit 0. And doctor in a real terminal (tmux): the
/// terminal and size checks see the terminal it runs in.
@Suite(.blocking, .serialized)
struct VersionDoctorTerminalE2ETests {
    @Test func versionFlagAndSubcommandPrintTheSameLine() throws {
        let flag = try CLIChild.run(["--version"])
        let command = try CLIChild.run(["version"])
        #expect(flag.status == 0 && command.status == 0, "\(flag.stderr) \(command.stderr)")
        #expect(flag.stdout == command.stdout)
        #expect(flag.stdout.hasPrefix("clustertui \(BuildInfo.version) (commit "), "\(flag.stdout)")
        #expect(flag.stdout.hasSuffix(", Swift \(BuildInfo.swiftVersion))\n"), "\(flag.stdout)")
        #expect(flag.stdout.split(separator: "\n").count == 1)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
    func doctorInATerminalSeesItAndItsSize() async throws {
        let command = ["/bin/sh", "-c", "\"$0\" doctor; echo EXITED:$?; sleep 60", TestBinary.clustertui.path]
        let session = try TmuxSession(name: DashboardE2ETests.name("doctor"), width: 100, height: 30, command: command,
                                      environment: ["XDG_CONFIG_HOME": "/nonexistent-clustertui-test"])
        defer { session.kill() }
        let screen = try await offPool { try session.waitFor("EXITED:", timeout: 20) }
        #expect(screen.contains("ok    terminal   standard input and output are terminals"), "\(screen)")
        #expect(screen.contains("ok    size       100x30"), "\(screen)")
        #expect(screen.contains("ok    TERM       TERM=xterm-256color is described by terminfo"), "\(screen)")
        #expect(screen.contains("ok    locale     LANG=C.UTF-8: UTF-8"), "\(screen)")
        #expect(screen.contains("EXITED:0"), "warnings only (no server to check): \(screen)")
    }

    /// Issue 21: inside tmux, doctor says whether allow-passthrough lets desktop notifications through.
    @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
    func doctorSaysWhetherTmuxPassesNotificationsThrough() async throws {
        let script = "\"$0\" doctor | grep tmux; tmux set -g allow-passthrough on; \"$0\" doctor | grep tmux; tmux set -g allow-passthrough off; echo DONE; sleep 60"
        let session = try TmuxSession(name: DashboardE2ETests.name("doctor-tmux"), width: 200, height: 30,
                                      command: ["/bin/sh", "-c", script, TestBinary.clustertui.path],
                                      // The harness's `env -i` drops the TMUX tmux sets: give it back (socket,pid,session).
                                      environment: ["XDG_CONFIG_HOME": "/nonexistent-clustertui-test",
                                                    "TMUX": TmuxSession.socketPath + ",0,0"])
        defer { session.kill() }
        let screen = try await offPool { try session.waitFor("DONE", timeout: 20) }
        #expect(screen.contains("warn  tmux       allow-passthrough is off: tmux drops --notify osc9|osc777"), "\(screen)")
        #expect(screen.contains("ok    tmux       allow-passthrough is on: --notify osc9|osc777 notifications reach"), "\(screen)")
    }
}
