#if os(Linux)
import CMalloc
#endif
import Foundation

/// Keeps the dashboard's resident memory close to what it holds (issue 22:
/// recording history took the idle S1 dashboard past its 30 MB budget).
/// glibc gives each thread that meets a locked heap an arena of its own,
/// each keeping freed memory for reuse: two arenas are plenty for a handful
/// of threads on two cores, and a small heap's freed pages are handed back
/// now and then. Only a small one: `malloc_trim` holds each arena's lock
/// while it walks it, and on an S2 heap a key waited 15–23 ms behind it.
public enum MemoryTrim {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = Date.distantPast

    /// Two heaps at most. Call before any other thread starts.
    public static func limitArenas() {
        #if os(Linux)
        _ = mallopt(M_ARENA_MAX, 2)
        #endif
    }

    /// Hands freed heap pages back, at most every 30 s, and only while the
    /// cluster is small (`instances` below 20,000: a walk of well under a
    /// millisecond). Call from a background thread.
    public static func giveBack(instances: Int) {
        #if os(Linux)
        guard instances < 20_000 else { return }
        let due: Bool = lock.withLock {
            guard Date().timeIntervalSince(last) >= 30 else { return false }
            last = Date()
            return true
        }
        if due { _ = malloc_trim(0) }
        #endif
    }
}
