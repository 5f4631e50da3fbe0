import Foundation

/// A thread-safe mailbox through which network tasks hand results to the
/// UI loop; each post also wakes the loop out of `poll(2)`.
final class MessageInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
        wake()
    }

    func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let out = messages
        messages.removeAll(keepingCapacity: true)
        return out
    }
}
