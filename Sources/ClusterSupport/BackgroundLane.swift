import Foundation

/// One thread, at a lower scheduling priority, that runs the dashboard's
/// heavy background work one job after another: decoding a changed instance
/// list, preparing it (index, sort order, events) and freeing the lists a
/// poll replaced.
///
/// Decision (issue 6, keystroke p99): at S2 that work is ≈ 300 ms of CPU per
/// changed list. On the Swift concurrency pool or a default-priority queue it
/// competed with the UI thread as an equal, and on a 2-core machine a key
/// now and then waited for a core. On Linux this thread runs at nice +10
/// (weight 110 against the UI thread's 1024), so whenever both want the
/// same core the UI wins, and the work still has the other core to itself.
/// One serial thread also means two large lists are never decoded at once.
/// Elsewhere the thread asks for the `.utility` quality of service.
public final class BackgroundLane: @unchecked Sendable {
    /// The lane the dashboard uses for decoding, preparing and freeing.
    public static let shared = BackgroundLane(name: "clustertui-bg", nice: 10)

    private let condition = NSCondition()
    private var jobs: [(@Sendable () -> Void)?] = []
    private var next = 0

    /// Starts the lane's thread (it lives as long as the process, and keeps
    /// the lane alive: a lane made by an object that goes away, such as a
    /// `HookRunner` in a test, must not leave its thread reading a freed
    /// lane), `nice` steps below the thread that creates it.
    public init(name: String, nice: Int32) {
        let thread = Thread { [self] in
            #if os(Linux)
            // On Linux the nice value is per thread and `who` 0 is this one;
            // `nice` is added to what the thread inherited (a dashboard
            // started under `nice` keeps its UI above this lane).
            let which = __priority_which_t(PRIO_PROCESS.rawValue)
            _ = setpriority(which, 0, min(19, getpriority(which, 0) + nice))
            if let comm = fopen("/proc/thread-self/comm", "w") {  // the name `top -H` shows
                fputs(String(name.prefix(15)), comm)
                fclose(comm)
            }
            #endif
            self.loop()
        }
        thread.qualityOfService = .utility
        thread.start()
    }

    /// Queues `job`; returns at once.
    public func async(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs `job` on the lane and returns its result to the awaiting task
    /// (which gives its pool thread back meanwhile).
    public func run<T: Sendable>(_ job: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            async { continuation.resume(returning: job()) }
        }
    }

    /// `run` for a job that throws; the error reaches the awaiting task.
    public func runThrowing<T: Sendable>(_ job: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            async { continuation.resume(with: Result { try job() }) }
        }
    }

    /// Runs `job` on the lane, blocking the calling thread until it is done
    /// (never call it from the lane itself). `sync {}` waits until every job
    /// queued before it has run.
    public func sync<T: Sendable>(_ job: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        async {
            let value = job()
            box.condition.lock()
            box.value = value
            box.done = true
            box.condition.signal()
            box.condition.unlock()
        }
        box.condition.lock()
        while !box.done { box.condition.wait() }
        let value = box.value!
        box.condition.unlock()
        return value
    }

    private func loop() {
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            jobs[next] = nil  // what the job captured is released when it ends, not later
            next += 1
            if next == jobs.count {  // drained: drop the consumed closures
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job?()
        }
    }
}

/// Hands one result from the lane back to a thread blocked in `sync`.
private final class ResultBox<T>: @unchecked Sendable {
    let condition = NSCondition()
    var value: T?
    var done = false
}
