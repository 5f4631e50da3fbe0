import Foundation

/// A value behind a lock, for the few mutable things shared across tasks
/// (revision counters, caches, session tables).
///
/// `Synchronization.Mutex` would do, but it needs macOS 15 and the package
/// targets macOS 14, so this wraps `NSLock`.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withLock { $0 } }
}
