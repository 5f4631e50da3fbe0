import ClusterApp
import ClusterState
import Foundation

/// The UI loop's one dispatch path (issue 12): every message — a key, a
/// network result, a tick, and the messages the loop makes itself, such as
/// the new size after a resume from Ctrl-Z — goes through `Update.update`,
/// and every effect it returns is performed. Performing an effect may yield
/// follow-up messages; they join the same queue and are dispatched the same
/// way, so no effect list is ever dropped.
///
/// Why it exists: the loop once called `update(.resize)` after a resume and
/// threw its effects away. `update` had marked the due polls in flight and
/// returned their fetches; they were never sent, and since a poll in flight
/// is never due again, the dashboard stopped polling for good.
package enum MessageDispatcher {
    /// Performs one effect (starts a request, suspends, repaints…) and returns
    /// the messages it produced at once; most produce none.
    package typealias Perform = (Effect) -> [Message]

    /// Dispatches `messages` in order, then any follow-ups, until the queue is
    /// empty or the state asks to quit. `clock` is read once per message.
    package static func dispatch(
        _ messages: [Message], into state: inout AppState, clock: () -> Date, perform: Perform
    ) {
        var queue = messages
        var next = 0
        while next < queue.count {
            let message = queue[next]
            next += 1
            for effect in Update.update(&state, message, now: clock()) {
                switch effect {
                case .quit: state.quitting = true
                case .repaint: state.dirty = true
                default: break
                }
                queue.append(contentsOf: perform(effect))
            }
            if state.quitting { return }
        }
    }
}
