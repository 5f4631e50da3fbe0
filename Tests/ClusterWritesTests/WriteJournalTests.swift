import ClusterModel
import ClusterWrites
import Foundation
import Testing

/// The write journal survives a crash and never drives a terminal (issue 20).
@Suite struct WriteJournalTests {
    let dir = TemporaryDirectory()
    var path: String { dir.path + "/journal.jsonl" }
    let target = ClusterIdentity(context: "prod", url: "http://core:3000")

    func intent(_ batch: String, _ id: String, node: String = "node-b") -> JournalRecord {
        let key = EntityKey(EntityType("agent"), id)
        let item = PlanItem(key: key, name: id, from: .followsDefault, fromNode: "node-a", to: .explicit(node: node, mode: .strict))
        return .intent(batch: batch, kind: .rebind, seq: 0, item: item, target: target, at: Date(timeIntervalSince1970: 1_800_000_000))
    }

    func ok(_ batch: String, _ id: String) -> JournalRecord {
        .outcome(batch: batch, seq: 0, key: EntityKey(EntityType("agent"), id), .ok, message: nil, at: Date(timeIntervalSince1970: 1_800_000_001))
    }

    func appendRaw(_ text: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func recordsRoundTrip() throws {
        let journal = WriteJournal(path: path)
        try journal.append(intent("b1", "t1:x"))
        try journal.append(ok("b1", "t1:x"))
        let contents = try WriteJournal.read(path: path)
        #expect(contents.damaged.isEmpty)
        #expect(contents.records.map(\.record) == [intent("b1", "t1:x"), ok("b1", "t1:x")])
        #expect(contents.records.map(\.number) == [1, 2])
    }

    /// Issue 20: a torn last line was glued to the next append, that intent was
    /// lost, and `undo --last` reverted an older batch.
    @Test func aTornLastLineIsNeverGluedToTheNextRecord() throws {
        let journal = WriteJournal(path: path)
        try journal.append(intent("old", "t1:x"))
        try journal.append(ok("old", "t1:x"))
        let torn = String(decoding: intent("lost", "t1:y").line(), as: UTF8.self).prefix(40)
        try appendRaw(String(torn))  // a crash mid-write: no newline
        let fresh = WriteJournal(path: path)
        try fresh.append(intent("new", "t1:z"))
        try fresh.append(ok("new", "t1:z"))
        let contents = try WriteJournal.read(path: path)
        #expect(contents.damaged == [3])
        #expect(contents.records.map(\.record.batch) == ["old", "old", "new", "new"])
        #expect(try JournalEntries.newest(in: contents, url: target.url, path: path).id == "new")
    }

    /// Issue 20: when a damaged line comes after the newest readable batch, undo does not guess.
    @Test func undoRefusesToGuessPastADamagedLine() throws {
        let journal = WriteJournal(path: path)
        try journal.append(intent("old", "t1:x"))
        try appendRaw(String(String(decoding: intent("lost", "t1:y").line(), as: UTF8.self).prefix(50)) + "\n")
        let contents = try WriteJournal.read(path: path)
        #expect(throws: JournalError.self) { try JournalEntries.newest(in: contents, url: target.url, path: path) }
        do {
            _ = try JournalEntries.newest(in: contents, url: target.url, path: path)
        } catch {
            #expect(String(describing: error).contains("line 2 of the journal is damaged"))
        }
    }

    /// An edited line fails its checksum and is reported, not read as a write.
    @Test func anEditedLineFailsItsChecksum() throws {
        try WriteJournal(path: path).append(intent("b1", "t1:x"))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "node-b", with: "node-z")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let contents = try WriteJournal.read(path: path)
        #expect(contents.records.isEmpty)
        #expect(contents.damaged == [1])
    }

    /// Version 1 lines (no checksum, `failed`) are still read.
    @Test func versionOneLinesAreRead() throws {
        let v1 = #"{"batch":"b0","entityId":"t1:x","entityType":"agent","event":"outcome","outcome":"failed","seq":0,"time":"2026-12-01T10:00:00.000Z"}"#
        let parsed = JournalRecord.parse(Array(v1.utf8))
        guard case .record(let record) = parsed else { Issue.record("\(parsed)"); return }
        #expect(record.outcome == .notApplied)
    }

    /// Issue 20: the journal carried raw U+009B and U+202E from server text.
    @Test func serverTextIsEscapedInTheFile() throws {
        try WriteJournal(path: path).append(intent("b1", "t1:x", node: "evil\u{9B}31m\u{202E}node"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x1B })
        #expect(text.contains(#"evil\u009b31m\u202enode"#))
        #expect(try WriteJournal.read(path: path).records.first?.record.requested?.node == "evil\u{9B}31m\u{202E}node")
    }

    /// Issue 20: the journal followed a symbolic link (and chmodded its target).
    @Test func aSymbolicLinkIsNeverFollowed() throws {
        let victim = dir.path + "/victim"
        _ = FileManager.default.createFile(atPath: victim, contents: Data("keep\n".utf8), attributes: [.posixPermissions: 0o644])
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
        #expect(throws: JournalError.self) { try WriteJournal(path: path).append(intent("b1", "t1:x")) }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep\n")
        let mode = try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func theFileIsPrivate() throws {
        try WriteJournal(path: path).append(intent("b1", "t1:x"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
