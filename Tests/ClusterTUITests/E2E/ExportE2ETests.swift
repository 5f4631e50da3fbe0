import ClusterTestSupport
import Foundation
import Testing

/// Issue 24 in a real terminal: `w` writes the instances table as CSV and
/// `W` the screen as text, each to a new file in the working directory.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ExportE2ETests {
    @Test func wWritesTheTableAndWTheScreen() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = ["/bin/sh", "-c", "cd \"$1\" && \"$0\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path, dir]
        let session = try TmuxSession(name: DashboardE2ETests.name("export"), width: 120, height: 40, command: command)
        defer { session.kill() }
        try await offPool { _ = try session.waitUntil(timeout: 30) { $0.contains("Instances 150") && $0.contains("RISK") } }
        session.sendKeys("w")
        try await offPool { _ = try session.waitFor("Write the instances table", timeout: 10) }
        session.sendKeys("Enter")
        try await offPool { _ = try session.waitFor("wrote", timeout: 10) }
        session.sendKeys("W")
        try await offPool { _ = try session.waitFor("Write the screen", timeout: 10) }
        session.sendKeys("Enter")
        try await offPool { _ = try session.waitUntil(timeout: 10) { $0.contains("wrote") && $0.contains("screen") } }
        session.sendKeys("q")
        try await offPool { try session.waitFor("EXITED:0", timeout: 10) }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        let csv = try #require(files.first { $0.hasPrefix("clustertui-instances-") && $0.hasSuffix(".csv") }, "\(files)")
        let table = try String(contentsOfFile: dir + "/" + csv, encoding: .utf8)
        #expect(table.hasPrefix("TYPE,") && table.contains("Research Agent"), "\(table.prefix(300))")
        let screen = try #require(files.first { $0.hasPrefix("clustertui-screen-") }, "\(files)")
        #expect(try String(contentsOfFile: dir + "/" + screen, encoding: .utf8).contains("ClusterTUI"))
    }
}
