import ClusterClient
import ClusterModel
import Foundation
import Testing

/// The token file: created 0600, replaced atomically, read back trimmed.
@Suite("Token store")
struct TokenStoreTests {
    @Test("write creates the file with mode 0600 (also in a new directory) and read trims it")
    func writeAndRead() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sub/token").path
        let oldMask = umask(0)
        defer { umask(oldMask) }
        try TokenStore.write("abc.def", to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try TokenStore.read(path) == "abc.def")
        // Overwrite an existing world-readable file: the result is 0600 again.
        _ = chmod(path, 0o644)
        try TokenStore.write("new-token", to: path)
        let after = try FileManager.default.attributesOfItem(atPath: path)
        #expect((after[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try TokenStore.read(path) == "new-token")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path)
        #expect(leftovers == ["token"])
    }

    @Test("missing or empty files are usage errors that say how to log in")
    func unreadable() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("none").path
        let empty = dir.appendingPathComponent("empty").path
        try " \n".write(toFile: empty, atomically: true, encoding: .utf8)
        for path in [missing, empty] {
            do {
                _ = try TokenStore.read(path)
                Issue.record("read \(path)")
            } catch let e as ClusterError {
                #expect(e.exitCode == .usage)
                #expect(e.description.contains("clustertui login"))
            }
        }
    }
}
