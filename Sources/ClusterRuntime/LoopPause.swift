import ClusterState
import Foundation

/// Tells a pause of the loop's own from a quiet cluster: a wait that came
/// back long after it was asked to (SIGSTOP, a paused VM, a suspended
/// laptop) means the process did not run, and replies could not be taken
/// in meanwhile. Judged by what advanced: the monotonic clock against the
/// time-out the loop asked for.
enum LoopPause {
    /// How far past its time-out a wait must come back to be a pause: far
    /// more than a loaded machine delays a wake-up.
    static let threshold: TimeInterval = 5

    /// Time since it was made, on the monotonic clock.
    struct Stopwatch {
        private let start = ContinuousClock.now
        /// Seconds since it was made.
        var seconds: TimeInterval { (ContinuousClock.now - start).timeInterval }
    }

    /// `.paused` when the wait timed by `stopwatch` overran `asked` by more than the threshold.
    static func message(_ stopwatch: Stopwatch, asked: TimeInterval) -> Message? {
        let overrun = stopwatch.seconds - asked
        return overrun > threshold ? .paused(seconds: overrun) : nil
    }
}
