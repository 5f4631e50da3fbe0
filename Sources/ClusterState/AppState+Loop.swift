import ClusterModel
import Foundation

extension AppState {
    /// Ages tick every second, and the wallboard's clock and page cycle need
    /// the tick even with --no-tick.
    package var redrawsEverySecond: Bool { config.tick || config.wallboard }

    /// A form or confirmation is waiting on the server (the spinner turns).
    package var isBusy: Bool {
        for overlay in overlays {
            switch overlay {
            case .rebind(let form) where form.phase == .sending: return true
            case .confirmReset(let confirm) where confirm.sending: return true
            case .plan(let review) where review.isRunning: return true
            default: continue
            }
        }
        return false
    }

    /// When the loop must wake next even if nothing happens: the next poll,
    /// the next whole second of the age tick, a spinner frame, a notice expiring.
    package func nextDeadline() -> Date {
        // The instance list waits for the first overview: before it, its due
        // time is no reason to wake (it stays in the past, and the loop spun
        // at 100 % CPU while a cluster had never answered).
        // While a context switch connects, no poll starts: nor is one a reason to wake.
        let switching = switchingTo != nil
        var deadline = min(
            overviewPoll.inFlight || switching ? .distantFuture : overviewPoll.nextDue,
            instancesPoll.inFlight || switching || snapshot == nil ? .distantFuture : instancesPoll.nextDue
        )
        // The fleet's background polls (issue 23), never the open cluster's own.
        if fleet.polling {
            for entry in fleet.entries where !entry.poll.inFlight && entry.name != config.currentContext {
                deadline = min(deadline, entry.poll.nextDue)
            }
        }
        if redrawsEverySecond {
            // Tick on the server clock's whole seconds so ages change together.
            let server = serverNow.timeIntervalSince1970
            let next = (server + 0.001).rounded(.up) - clockSkew
            deadline = min(deadline, Date(timeIntervalSince1970: next))
        } else {
            deadline = min(deadline, now.addingTimeInterval(30))
        }
        if isBusy { deadline = min(deadline, now.addingTimeInterval(0.15)) }
        if let notice { deadline = min(deadline, notice.expires) }
        if let end = recentChanges.nextEnd { deadline = min(deadline, end) }
        return deadline
    }

    /// Puts a notice in the status line for a few seconds.
    package mutating func post(_ text: String, _ severity: EventSeverity = .info, seconds: TimeInterval = 6) {
        notice = Notice(text: text, severity: severity, expires: now.addingTimeInterval(seconds))
    }

    /// Puts a notice in the status line until the next key.
    package mutating func postUntilKey(_ text: String, _ severity: EventSeverity = .info) {
        notice = Notice(text: text, severity: severity, expires: .distantFuture, untilNextKey: true)
    }
}
