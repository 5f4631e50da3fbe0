#if os(Linux)
import CMalloc
#endif
import Foundation

/// Keeps the dashboard's resident memory close to what it holds (issue 22:
/// recording history took the idle S1 dashboard past its 30 MB budget).
/// glibc gives each thread that meets a locked heap an arena of its own and
/// keeps freed memory for reuse; a dashboard's big allocations (a decoded
/// list, a poll's buffers) are short-lived, so what they leave behind is
/// handed back to the system now and then.
public enum MemoryTrim {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = Date.distantPast

    /// Two heaps at most (the process runs a handful of threads on two cores).
    /// Call before any other thread starts.
    public static func limitArenas() {
        #if os(Linux)
        _ = mallopt(M_ARENA_MAX, 2)
        #endif
    }

    /// Hands freed heap pages back, at most every `every` seconds (call from a background thread).
    public static func giveBack(every: TimeInterval = 30) {
        #if os(Linux)
        let due: Bool = lock.withLock {
            guard Date().timeIntervalSince(last) >= every else { return false }
            last = Date()
            return true
        }
        if due { _ = malloc_trim(0) }
        #endif
    }
}
