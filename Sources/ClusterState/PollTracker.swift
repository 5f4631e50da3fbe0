import ClusterModel
import Foundation

/// The polling state of one endpoint: when it is next due, whether a request
/// is in flight (never more than one), the last success and the last error,
/// and the exponential back-off with jitter that failures earn.
///
/// Pure value: the jitter comes from a seeded generator kept in the state, so
/// `update` stays deterministic under test.
package struct PollTracker: Sendable, Equatable {
    /// Seconds between polls while healthy.
    package var interval: TimeInterval
    /// The longest wait back-off may reach.
    package var maxBackoff: TimeInterval = 60
    package var nextDue: Date
    package var inFlight = false
    package var consecutiveFailures = 0
    package var lastSuccess: Date?
    package var lastAttempt: Date?
    package var lastLatency: TimeInterval?
    package var lastError: ClusterError?
    /// Digest of the last body decoded, so an unchanged body is skipped.
    package var digest: BodyDigest?
    /// When a failure streak began (for "disconnected since").
    package var failingSince: Date?
    /// A poll was asked for while one was in flight: that reply may predate
    /// the reason (a write that just landed), so another follows it at once.
    package var againAfterFlight = false

    package init(interval: TimeInterval, firstDue: Date) {
        self.interval = interval
        self.nextDue = firstDue
    }

    package func isDue(_ now: Date) -> Bool { !inFlight && now >= nextDue }

    package mutating func started(_ now: Date) {
        inFlight = true
        lastAttempt = now
    }

    package mutating func succeeded(at now: Date, latency: TimeInterval, digest: BodyDigest) {
        inFlight = false
        consecutiveFailures = 0
        failingSince = nil
        lastError = nil
        lastSuccess = now
        lastLatency = latency
        self.digest = digest
        nextDue = againAfterFlight ? now : now.addingTimeInterval(interval)
        againAfterFlight = false
    }

    /// Records a failure and schedules the retry: interval × 2^(n-1), capped,
    /// times a jitter in [0.8, 1.2). 429 honours the server's Retry-After.
    package mutating func failed(at now: Date, error: ClusterError, random: inout SplitMix64) {
        inFlight = false
        againAfterFlight = false
        consecutiveFailures += 1
        if failingSince == nil { failingSince = now }
        lastError = error
        let base = min(maxBackoff, interval * pow(2, Double(min(consecutiveFailures - 1, 10))))
        let jitter = 0.8 + 0.4 * random.nextUnit()
        var wait = min(maxBackoff, base * jitter)
        if case .rateLimited(let after?) = error { wait = max(wait, TimeInterval(after)) }
        nextDue = now.addingTimeInterval(wait)
    }

    /// Ask for a poll as soon as possible (after a write, or on `r`).
    package mutating func requestNow(_ now: Date) {
        if inFlight { againAfterFlight = true }
        nextDue = now
    }

    /// Seconds until the retry, for "retrying in Ns".
    package func retryIn(_ now: Date) -> Int { max(0, Int(nextDue.timeIntervalSince(now).rounded(.up))) }
}

/// A tiny deterministic random generator (SplitMix64) for back-off jitter.
package struct SplitMix64: Sendable, Equatable {
    package var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A value in [0, 1).
    package mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
