import ClusterModel
import ClusterState
import Foundation

/// Feeds the alert engine one look at the cluster (every tick and every
/// overview reply, issue 21) and tells what changed: a line in the events
/// pane per notice, and an effect for the runtime to ring, notify and run
/// hooks. Nothing is told from stale data but the connection's own alert.
package enum AlertsFlow {
    package static func look(_ state: inout AppState) -> [Effect] {
        guard let input = state.alertInput else { return [] }
        let quietBefore = state.alerts.quietRecords
        let notices = state.alerts.evaluate(input)
        let quiet = state.alerts.quietRecords
        let save: [Effect] = quiet != quietBefore ? [.saveAlertQuiet(quiet)] : []
        guard !notices.isEmpty else { return save }
        // The default node's change is already a line of the poll's own events: its info alert is not a second one.
        Polling.appendEvents(&state, notices.filter { $0.kind != .defaultChanged }.map { event($0, at: input.now) })
        return save + notices.flatMap { deliveries($0, state.config) }
    }

    /// The terminal notification (not for info, and the bell only for bad
    /// news) and the hook run for one notice; nothing for an alert the
    /// operator acknowledged or snoozed (also before a restart).
    static func deliveries(_ notice: AlertNotice, _ config: AppConfig) -> [Effect] {
        var effects: [Effect] = []
        guard !notice.quiet else { return [] }
        let bad = notice.change != .resolved
        if notice.severity > .info, config.notify != .bell || bad {
            let title = "ClusterTUI " + (notice.change == .resolved ? "resolved" : notice.severity.word)
            let bytes = TerminalNotification.bytes(config.notify, title: title, body: "\(config.label): \(notice.text)", inTmux: config.inTmux)
            if !bytes.isEmpty { effects.append(.notifyTerminal(bytes)) }
        }
        let message = AlertHookMessage(notice, cluster: config.label, context: config.currentContext)
        effects.append(.announceAlert(message))
        if let program = config.onAlert.first {
            effects.append(.runHook(argv: [program] + config.onAlert.dropFirst() + message.arguments, stdin: message.encoded()))
        }
        return effects
    }

    static func event(_ notice: AlertNotice, at time: Date) -> ClusterEvent {
        let severity: EventSeverity = switch (notice.change, notice.severity) {
        case (.resolved, _): .notice
        case (_, .critical): .critical
        case (_, .warning): .warning
        case (_, .info): .info
        }
        let word = switch notice.change {
        case .resolved: "resolved"
        case .escalated: "worse"
        case .snoozeEnded: "snooze over"
        case .fired: notice.severity.word
        }
        let quiet = notice.quiet && notice.change != .resolved ? " (acknowledged or snoozed: not paged)" : ""
        return ClusterEvent(time: time, kind: notice.change == .resolved ? .alertResolved : .alertFired, severity: severity,
                            subject: notice.subject, message: "alert (\(word)): \(notice.text)\(quiet)")
    }
}
