import ClusterModel
import ClusterState
import ClusterTerminal
import ClusterViews
import Foundation

/// The UI loop of ARCHITECTURE.md, "Data flow". Owns the terminal on one thread: waits in
/// `poll(2)` for a key, a resize, a signal or a network result (the wake
/// pipe), up to the next deadline; feeds each as a message to `update`;
/// runs the effects; redraws only when something changed. Idle = asleep.
package final class DashboardLoop {
    private var state: AppState
    private let terminal: Terminal
    private let runner: EffectRunner
    private let inbox: MessageInbox
    private let eventsLog: EventsLog?
    /// Screens asked to be written (`W`), done once the messages that asked are handled.
    private var screenDumps: [String] = []

    package init(state: AppState, terminal: Terminal, runner: EffectRunner, inbox: MessageInbox, eventsLog: EventsLog? = nil) {
        self.state = state
        self.terminal = terminal
        self.runner = runner
        self.inbox = inbox
        self.eventsLog = eventsLog
    }

    /// Runs until quit, a fatal signal or the terminal hanging up; returns
    /// the exit status (`AppState.exitStatus`).
    @discardableResult
    package func run() -> Int32 {
        let size = terminal.size
        state.width = size.width
        state.height = size.height
        // The first frame goes out at once, in a "connecting…" state.
        dispatch([.tick])
        present()
        while !state.quitting {
            let timeout = max(0, state.nextDeadline().timeIntervalSinceNow)
            let waited = LoopPause.Stopwatch()
            var input: [Message] = []
            for event in terminal.nextEvents(timeout: timeout) {
                if let message = Self.message(for: event) { input.append(message) }
            }
            var network = LoopPause.message(waited, asked: timeout).map { [$0] } ?? []
            network += inbox.drain()
            if Date() >= state.nextDeadline() { network.append(.tick) }
            // Keys first, and their frame out before any network result is
            // taken in: a keystroke never waits behind an S2 overview reply
            // or list swap that arrived in the same wake-up (issue 6).
            dispatch(input)
            if state.quitting { break }
            if !input.isEmpty && !network.isEmpty { present() }
            dispatch(network)
            state.releaseRetiredInBackground()
            if state.quitting { break }
            present()
        }
        eventsLog?.flush()
        runner.flushFiles()
        return state.exitStatus
    }

    /// Every message goes through the one dispatch path; see `MessageDispatcher`.
    private func dispatch(_ messages: [Message]) {
        MessageDispatcher.dispatch(messages, into: &state, clock: { Date() }, perform: perform)
        eventsLog?.catchUp(state, cluster: state.config.clusterURL)
        while !screenDumps.isEmpty { dispatch([writeScreen(screenDumps.removeFirst())]) }
    }

    /// The screen as drawn now (the form that asked for it is closed), as text
    /// with every control already made visible, to a new file (issue 24).
    private func writeScreen(_ path: String) -> Message {
        let expanded = BatchEffects.absolute(path)
        let text = RootView.render(state).text() + "\n"
        return .exported(path: expanded, error: BatchEffects.writeNew(Data(text.utf8), to: expanded))
    }

    /// Runs one effect; the loop's own effects (repaint, suspend, quit) are
    /// done here, network effects by the runner.
    private func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .repaint:
            terminal.forceRepaint()
            return []
        case .suspend:
            let stopped = LoopPause.Stopwatch()
            terminal.suspend()
            // Back from `fg`: the size may have changed and the clock moved on,
            // so polls may be due; their fetches run like any others. The time
            // away is a pause of the dashboard's, not a silence of the cluster's.
            let size = terminal.size
            return [.resize(width: size.width, height: size.height), .paused(seconds: stopped.seconds)]
        case .quit:
            return []
        case .notifyTerminal(let bytes):
            terminal.notify(bytes)
            return []
        case .runAction(let invocation) where invocation.action.mode == .foreground:
            // The program gets the terminal; the screen is taken back after, at the size it has then.
            let result = terminal.stepAside { ActionLauncher.runForeground(invocation) }
            let size = terminal.size
            return [.actionFinished(result), .resize(width: size.width, height: size.height), .tick]
        case .dumpScreen(let path):
            // The state is being updated while effects run: the screen is written once the messages are done.
            screenDumps.append(path)
            return []
        default:
            runner.start(effect)
            return []
        }
    }

    private func present() {
        guard state.dirty else { return }
        state.dirty = false
        terminal.present(RootView.render(state))
    }

    package static func message(for event: TerminalEvent) -> Message? {
        switch event {
        case .key(let key): return .key(key)
        case .resize(let width, let height): return .resize(width: width, height: height)
        case .signal(let number): return .signal(number)
        case .hangup: return .hangup
        case .wake: return nil
        case .mouse(let x, let y, let button):
            // Opt-in mouse (`--mouse`): `update` finds the pane under the pointer.
            return .mouse(x: x, y: y, button: button)
        }
    }
}
