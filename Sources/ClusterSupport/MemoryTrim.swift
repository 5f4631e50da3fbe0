#if os(Linux)
import CMalloc
#endif

/// Keeps the dashboard's resident memory close to what it holds (issue 22:
/// recording history took the idle S1 dashboard past its 30 MB budget).
/// glibc gives each thread that meets a locked heap an arena of its own,
/// each keeping freed memory for reuse; two are plenty for a handful of
/// threads on two cores. (`malloc_trim` was tried as well and dropped: it
/// locks each arena while it walks it, and at S2 a key waited 15–20 ms
/// behind it.)
public enum MemoryTrim {
    /// Two heaps at most. Call before any other thread starts.
    public static func limitArenas() {
        #if os(Linux)
        _ = mallopt(M_ARENA_MAX, 2)
        #endif
    }
}
