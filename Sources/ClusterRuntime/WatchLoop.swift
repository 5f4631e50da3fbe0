import ClusterModel
import ClusterState
import Dispatch
import Foundation

/// `clustertui watch` (issue 21): the dashboard's engine without a
/// terminal. The same `AppState`, `update`, `MessageDispatcher` and
/// `EffectRunner` as the UI loop, so polls, back-off, liveness and alerts
/// behave exactly as on screen; instead of frames it prints each alert and
/// resolve that pages as a line (`WatchLine`). Waits on a semaphore that
/// network results and signals post to, up to the next deadline. Runs
/// until SIGTERM or SIGINT, then ends cleanly (exit 0): reconnecting
/// forever is the poll back-off's job.
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
    private let stopRequested = StopFlag()

    /// `wake` must be the semaphore `inbox` signals on every post.
    package init(
        state: AppState, runner: EffectRunner, inbox: MessageInbox, wake: DispatchSemaphore, format: WatchLine.Format,
        output: @escaping (String) -> Void, problem: @escaping (String) -> Void,
        notifyTerminal: (([UInt8]) -> Void)? = nil
    ) {
        self.state = state; self.runner = runner; self.inbox = inbox; self.wake = wake
        self.format = format; self.output = output; self.problem = problem; self.notifyTerminal = notifyTerminal
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status (0).
    @discardableResult
    package func run() -> Int32 {
        let sources = [SIGTERM, SIGINT].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [stopRequested, wake] in stopRequested.set(); wake.signal() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        dispatch([.tick])
        while !stopRequested.isSet {
            let deadline = state.nextDeadline()
            _ = wake.wait(timeout: .now() + max(0, min(deadline.timeIntervalSinceNow, 3600)))
            if stopRequested.isSet { break }
            var messages = inbox.drain()
            if Date() >= state.nextDeadline() { messages.append(.tick) }
            dispatch(messages)
            state.releaseRetiredInBackground()
        }
        runner.flushFiles()
        return 0
    }

    private func dispatch(_ messages: [Message]) {
        for case let message in messages {
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

/// Set once from a signal handler's queue, read by the loop.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
