import ClusterModel
import ClusterState
import Dispatch
import Foundation
import Synchronization

/// `clustertui watch` (issue 21): the dashboard's engine without a
/// terminal. The same `AppState`, `update`, `MessageDispatcher` and
/// `EffectRunner` as the UI loop, so polls, back-off, liveness and alerts
/// behave exactly as on screen; instead of frames it prints each alert and
/// resolve that pages as a line (`WatchLine`). Waits on a semaphore that
/// network results post to, up to the next deadline. Runs until SIGTERM
/// or SIGINT, then ends cleanly (exit 0): reconnecting forever is the poll
/// back-off's job.
package final class WatchLoop {
    private var state: AppState
    private let runner: EffectRunner
    private let inbox: MessageInbox
    private let wake: DispatchSemaphore
    private let format: WatchLine.Format
    private let output: (String) -> Void
    private let problem: (String) -> Void
    /// Terminal notifications go to stdout only when it is a terminal.
    private let notifyTerminal: (([UInt8]) -> Void)?
    /// The longest the loop sleeps without looking for SIGTERM or SIGINT.
    static let stopCheck: TimeInterval = 0.25

    /// `wake` must be the semaphore `inbox` signals on every post.
    package init(
        state: AppState, runner: EffectRunner, inbox: MessageInbox, wake: DispatchSemaphore, format: WatchLine.Format,
        output: @escaping (String) -> Void, problem: @escaping (String) -> Void,
        notifyTerminal: (([UInt8]) -> Void)? = nil
    ) {
        self.state = state; self.runner = runner; self.inbox = inbox; self.wake = wake
        self.format = format; self.output = output; self.problem = problem; self.notifyTerminal = notifyTerminal
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status (0). The
    /// signals get a real handler that only sets a flag (never `SIG_IGN`:
    /// an ignored signal stays ignored in every hook this process starts,
    /// and a hook that ignores SIGTERM cannot be stopped at its time-out);
    /// the loop looks at the flag at least every `stopCheck` seconds.
    @discardableResult
    package func run() -> Int32 {
        WatchSignals.install()
        dispatch([.tick])
        while !WatchSignals.stopRequested {
            let deadline = state.nextDeadline()
            let timeout = max(0, min(deadline.timeIntervalSinceNow, Self.stopCheck))
            let waited = LoopPause.Stopwatch()
            _ = wake.wait(timeout: .now() + timeout)
            if WatchSignals.stopRequested { break }
            var messages = LoopPause.message(waited, asked: timeout).map { [$0] } ?? []
            messages += inbox.drain()
            if Date() >= state.nextDeadline() { messages.append(.tick) }
            dispatch(messages)
            state.releaseRetiredInBackground()
        }
        runner.flushFiles()
        return 0
    }

    private func dispatch(_ messages: [Message]) {
        for message in messages {
            switch message {
            case .hookProblem(let text), .alertStoreProblem(let text): problem(text)
            default: break
            }
        }
        MessageDispatcher.dispatch(messages, into: &state, clock: { Date() }, perform: perform)
        // Nothing draws: `quitting` (a hang-up or a signal message) is not how watch ends.
        state.quitting = false
        state.dirty = false
    }

    private func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .announceAlert(let message):
            output(WatchLine.line(message, format: format, at: Date()))
        case .notifyTerminal(let bytes):
            notifyTerminal?(bytes)
        case .repaint, .suspend, .quit:
            break
        default:
            runner.start(effect)
        }
        return []
    }
}

/// How `watch` prints one alert: a text line or a JSON line.
package enum WatchLine {
    /// `text`: time, state or severity, kind, subject, text. `json`: the
    /// hook's JSON object with the time it was seen.
    package enum Format: String, Sendable, CaseIterable { case text, json }

    package static func line(_ message: AlertHookMessage, format: Format, at time: Date) -> String {
        switch format {
        case .json:
            var object = String(decoding: message.encoded(), as: UTF8.self)
            // `{"cluster":…}` → `{"at":"…","cluster":…}`: keys stay sorted.
            if object.hasPrefix("{") { object.insert(contentsOf: "\"at\":\"\(WireDate.format(time))\",", at: object.index(after: object.startIndex)) }
            return object
        case .text:
            let word = switch message.state {
            case "resolved": "RESOLVED"
            case "escalated": message.severity.uppercased() + " (worse)"
            case "snooze-ended": message.severity.uppercased() + " (snooze over)"
            default: message.severity.uppercased()
            }
            let subject = TextSanitizer.excerpt(message.subject, limit: 120)
            return "\(WireDate.format(time)) \(word) \(message.kind) \(subject): \(TextSanitizer.excerpt(message.text, limit: 300))\n"
        }
    }
}

/// SIGTERM and SIGINT for `watch`: a handler that sets an atomic flag
/// (async-signal-safe), reset to the default in every child at exec.
enum WatchSignals {
    private static let stop = Atomic<Bool>(false)
    static var stopRequested: Bool { stop.load(ordering: .relaxed) }

    static func install() {
        for number in [SIGTERM, SIGINT] { signal(number, watchStopHandler) }
    }

    fileprivate static func requestStop() { stop.store(true, ordering: .relaxed) }
}

private func watchStopHandler(_: Int32) { WatchSignals.requestStop() }
