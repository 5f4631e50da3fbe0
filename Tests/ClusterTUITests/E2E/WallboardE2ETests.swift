import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `clustertui --wallboard` in a real terminal (tmux) against a real
/// `clustertui serve --demo` that is stopped and started again: the board
/// shows DISCONNECTED over its last data, then reconnects by itself.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct WallboardE2ETests {
    @Test func wallboardRidesOutARestartOfTheServer() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-wall-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tokenFile = directory.appendingPathComponent("token").path
        let port = try FreePort.find()
        var serve = try ServeProcess(port: port, tokenFile: tokenFile)
        defer { serve.stop() }
        let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)

        let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path,
                       "--wallboard", "--url", "http://127.0.0.1:\(port)", "--interval", "1", "--instances-interval", "5"]
        let session = try TmuxSession(name: DashboardE2ETests.name("wall"), width: 120, height: 40, command: command,
                                      environment: ["CLUSTERTUI_TOKEN": token])
        defer { session.kill() }
        let live = try session.waitUntil(timeout: 20) { $0.contains("core-main-1") && $0.contains("ONLINE") }
        #expect(live.contains("WALLBOARD"))
        #expect(!live.contains("DISCONNECTED"))
        #expect(!session.cursorVisible, "no cursor on a wallboard")

        serve.stop()
        let down = try session.waitFor("DISCONNECTED since", timeout: 15)
        #expect(down.contains("core-main-1"), "the last known data stays under the banner")
        #expect(down.contains("retrying in"))

        serve = try ServeProcess(port: port, tokenFile: tokenFile)
        // Back-off with --interval 1 stays well under 30 s for a short outage.
        let back = try session.waitUntil(timeout: 45) { !$0.contains("DISCONNECTED") && $0.contains("updated") }
        #expect(back.contains("ONLINE"))
        #expect(back.contains("core-main-1"))

        session.sendKeys("q")
        let end = try session.waitFor("EXITED:", timeout: 10)
        #expect(end.contains("EXITED:0"))
    }
}

/// Finds a TCP port on 127.0.0.1 that was free a moment ago, for a server
/// that must come back at the same address after a restart.
enum FreePort {
    /// A port that was free a moment ago: bind port 0 on 127.0.0.1, read it, close.
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TmuxError(description: "socket() failed: errno \(errno)") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, len) == 0 else { return -1 }
                return getsockname(fd, pointer, &len)
            }
        }
        guard bound == 0 else { throw TmuxError(description: "bind/getsockname failed: errno \(errno)") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
