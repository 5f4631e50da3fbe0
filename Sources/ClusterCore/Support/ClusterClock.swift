import Foundation

/// Where the core reads "now" from: the wall clock in production, a
/// hand-driven clock in tests so that heartbeat ages and sweeps are
/// deterministic.
public protocol ClusterClock: Sendable {
    func now() -> Date
}

/// The system wall clock.
public struct SystemClusterClock: ClusterClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to; for tests of the registry sweep
/// and default-node caching.
public final class ManualClusterClock: ClusterClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = start }

    public func now() -> Date {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        lock.lock(); defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}
