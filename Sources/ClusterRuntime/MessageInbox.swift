import ClusterState
import Foundation

/// A thread-safe mailbox through which network tasks hand results to the
/// UI loop; each post also wakes the loop out of `poll(2)`.
package final class MessageInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []
    private let wake: @Sendable () -> Void

    package init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    package func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
        wake()
    }

    package func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let out = messages
        messages.removeAll(keepingCapacity: true)
        return out
    }
}
