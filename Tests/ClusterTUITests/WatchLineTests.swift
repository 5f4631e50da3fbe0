@testable import ClusterModel
import ClusterRuntime
import Foundation
import Testing

/// How `watch` prints an alert (issue 21): one line, inert text, valid JSON.
@Suite struct WatchLineTests {
    let time = Date(timeIntervalSince1970: 1_800_000_000)

    func message(subject: String, change: AlertNotice.Change = .fired) -> AlertHookMessage {
        let notice = AlertNotice(change: change, kind: .node, severity: .critical, subject: subject, subjects: [subject],
                                 text: "\(subject) silent", since: time, atStart: false)
        return AlertHookMessage(notice, cluster: "prod", context: "prod")
    }

    /// Guards: a node name with escapes and a newline must not forge a second line or reach the terminal raw.
    @Test func aHostileSubjectStaysOneInertTextLine() {
        let line = WatchLine.line(message(subject: "evil\u{1B}]0;x\u{07}\nFAKE"), format: .text, at: time)
        #expect(line.hasSuffix("\n") && line.dropLast().contains("\n") == false, "\(line)")
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(line.hasPrefix("2027-01-15T08:00:00.000Z CRITICAL node evil"), "\(line)")
    }

    @Test func aResolveSaysResolved() {
        let line = WatchLine.line(message(subject: "n1", change: .resolved), format: .text, at: time)
        #expect(line.contains(" RESOLVED node n1: "), "\(line)")
    }

    /// Guards: the JSON line must parse and carry the time it was seen, keys still sorted.
    @Test func theJSONLineIsTheHooksObjectWithItsTime() throws {
        let line = WatchLine.line(message(subject: "evil\u{1B}[2J\nx"), format: .json, at: time)
        #expect(line.hasPrefix("{\"at\":\"2027-01-15T08:00:00.000Z\",\"cluster\":\"prod\""), "\(line)")
        #expect(line.filter { $0 == "\n" }.count == 1 && !line.utf8.contains(0x1B))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["subject"] as? String == "evil\u{1B}[2J\nx" && object["state"] as? String == "fired")
    }
}
