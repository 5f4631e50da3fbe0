import Dispatch
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

/// A task executor on libdispatch's overcommitting threads: a job that
/// blocks gets a thread of its own instead of starving the pool.
final class BlockingTestExecutor: TaskExecutor {
    static let shared = BlockingTestExecutor()
    private let queue = DispatchQueue(label: "clustertui.tests.blocking", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
