import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which dashboard records a cluster's history: an exclusive `flock` on the
/// store's `.lock` file, held while it records and let go when it stops (the
/// kernel lets go of a killed one's). Another dashboard on the same cluster
/// (a wallboard beside a working dashboard) reads the store but writes
/// nothing until it holds the lock: two writers closed each other's open
/// runs, so look-back lost every node the other was still watching, and
/// kept each status change twice.
final class RecorderLock {
    let path: String
    private var descriptor: Int32 = -1
    /// The lock file could not be opened: record anyway (one writer is the
    /// rule, losing the history would be worse).
    private var unlockable = false

    init(path: String) { self.path = path }

    /// Takes the lock when it is free; true while this one holds it.
    func acquire() -> Bool {
        if descriptor >= 0 || unlockable { return true }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            unlockable = true
            return true
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return false
        }
        descriptor = fd
        return true
    }

    /// Lets the lock go (a context switch, the dashboard stopping).
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
