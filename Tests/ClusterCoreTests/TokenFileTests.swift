import ClusterCore
import Foundation
import Testing

/// `--token-file`: created 0600 with a fresh token when missing, reused when present.
@Suite struct TokenFileTests {
    func tempPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)").path
    }

    @Test func createsAPrivateFileAndReusesIt() throws {
        let path = tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try TokenFile.loadOrCreate(at: path)
        #expect(first.count == 64)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try TokenFile.loadOrCreate(at: path) == first)
    }

    @Test func rejectsAnEmptyOrCookieBreakingToken() throws {
        let path = tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        for content in ["\n", "a;b\n", "two words"] {
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            #expect(throws: CoreError.self) { _ = try TokenFile.loadOrCreate(at: path) }
        }
    }
}
