import Foundation

/// Runs blocking test steps (tmux polling sleeps between captures) on a
/// thread of their own, so they never occupy one of Swift concurrency's few
/// pool threads while an in-process server needs them to answer.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}

/// A session is driven by one test at a time; handing it to `offPool`'s
/// thread and back is safe.
extension TmuxSession: @unchecked Sendable {}
