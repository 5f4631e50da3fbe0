import ClusterModel
import Foundation
import Testing
import ClusterRuntime

/// Issue 21: where acknowledgements are kept across restarts, per cluster.
@Suite struct AlertQuietStoreTests {
    func directory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-quiet-\(UUID().uuidString)").path
        return dir + "/alerts"
    }

    let record = AlertQuiet(id: "node:evil\u{1B}]0;pwned\u{07}\u{9B}", kind: .node, severity: .critical, acknowledged: true,
                            snoozedUntil: Date(timeIntervalSince1970: 1_800_000_000))

    /// Guards: acknowledgements were lost at exit, so a restart paged again.
    @Test func keptPerClusterPrivateAndInert() throws {
        let store = AlertQuietStore(directory: try directory())
        defer { try? FileManager.default.removeItem(atPath: (store.directory as NSString).deletingLastPathComponent) }
        try store.save([record], for: "https://prod.example:3000")
        #expect(store.load(for: "https://prod.example:3000") == [record])
        #expect(store.load(for: "https://staging.example:3000").isEmpty, "another cluster has its own")
        let path = store.path(for: "https://prod.example:3000")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let directoryMode = try FileManager.default.attributesOfItem(atPath: store.directory)[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "no raw control character in the file")
        #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { $0.value == 0x9B })
        try store.save([], for: "https://prod.example:3000")
        #expect(!FileManager.default.fileExists(atPath: path), "nothing kept: no file")
    }

    /// A damaged file, or a symbolic link where the file should be, is no acknowledgement and no crash.
    @Test func damagedOrLinkedFilesAreNotRead() throws {
        let store = AlertQuietStore(directory: try directory())
        defer { try? FileManager.default.removeItem(atPath: (store.directory as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        let path = store.path(for: "embedded:demo")
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(store.load(for: "embedded:demo").isEmpty)
        try FileManager.default.removeItem(atPath: path)
        let target = store.directory + "/elsewhere.json"
        try store.save([record], for: "other")
        try FileManager.default.moveItem(atPath: store.path(for: "other"), toPath: target)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        #expect(store.load(for: "embedded:demo").isEmpty, "a link is not followed")
    }
}
