import Foundation
import Testing

/// Runs each test of a suite that blocks (tmux waits, child processes,
/// sleeps between screen captures) on threads of its own rather than on
/// Swift concurrency's cooperative pool. That pool has one thread per core:
/// on a 2-core machine two blocking E2E tests held both, and every
/// in-process test server (Hummingbird answers on the pool) stopped
/// answering, so unrelated CLI tests timed out after 10 s.
struct BlockingTestsTrait: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    /// Once per test case (never around a whole suite).
    func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? { testCase == nil ? nil : self }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withTaskExecutorPreference(BlockingTestExecutor.shared) { try await function() }
    }
}

extension Trait where Self == BlockingTestsTrait {
    /// The suite's tests block: run them off the cooperative pool.
    static var blocking: Self { BlockingTestsTrait() }
}

/// A task executor that runs every job on a thread of its own: a job that
/// blocks holds only that thread (a concurrent dispatch queue would share
/// libdispatch's core-sized pool and could starve just the same).
final class BlockingTestExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = BlockingTestExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        let thread = Thread { job.runSynchronously(on: executor) }
        thread.stackSize = 4 << 20
        thread.start()
    }
}
