import ClusterModel
import ClusterState
import Foundation

/// `--events-log FILE` (issue 10): every event the events pane shows,
/// appended as one JSON line (time on the server's clock, kind, severity,
/// subject, text), for operators who keep an audit trail of what the
/// cluster did while they watched. Lines are written off the UI thread,
/// in order; the file is created 0600.
package final class EventsLog: @unchecked Sendable {
    package let path: String
    private let fd: Int32
    private let queue = DispatchQueue(label: "clustertui.events-log", qos: .utility)
    /// `AppState.eventSerial` already logged (UI thread only).
    private var logged = 0

    /// Opens (creating) the file for appending, or says why it cannot.
    package init(path: String) throws {
        self.path = UserPath.expand(path, trimming: false)
        fd = open(self.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ClusterError.usage("--events-log \(path): \(String(cString: strerror(errno)))") }
    }

    deinit { queue.sync {}; close(fd) }

    /// Logs the events `state` gained since the last call. An event that
    /// left the capped list before it could be logged is counted instead.
    /// A background cluster's event carries that cluster's URL and context
    /// (it carried the open cluster's URL).
    package func catchUp(_ state: AppState, cluster: String) {
        if state.eventSerial < logged { logged = state.eventSerial }
        let fresh = state.eventSerial - logged
        guard fresh > 0 else { return }
        logged = state.eventSerial
        let events = Array(state.events.suffix(min(fresh, state.events.count)))
        let missed = fresh - events.count
        let urls = Dictionary(state.config.contexts.map { ($0.name, $0.url) }, uniquingKeysWith: { first, _ in first })
        let fd = self.fd
        queue.async {
            var data = Data()
            if missed > 0 { data.append(Self.line(["kind": "eventsMissed", "count": missed, "cluster": cluster])) }
            for event in events {
                var fields: [String: Any] = [
                    "time": WireDate.format(event.time), "kind": event.kind.rawValue, "severity": Self.word(event.severity),
                    "subject": event.subject, "text": event.message, "cluster": cluster,
                ]
                if let context = event.context {
                    fields["context"] = context
                    fields["cluster"] = urls[context] ?? context
                }
                data.append(Self.line(fields))
            }
            _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
    }

    /// Waits for the lines queued so far (tests, and before exit).
    package func flush() { queue.sync {} }

    private static func line(_ object: [String: Any]) -> Data {
        // C1 and bidi controls as `\u` escapes: `tail -f` of the log must not drive a terminal (issue 20).
        var data = JSONControlEscaping.escape(
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data())
        data.append(UInt8(ascii: "\n"))
        return data
    }

    private static func word(_ s: EventSeverity) -> String {
        switch s {
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .critical: "critical"
        }
    }
}
