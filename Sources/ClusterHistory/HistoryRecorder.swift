import ClusterModel
import ClusterSupport
import ClusterWrites
import Foundation

/// What the recorder tells the dashboard about one cluster: a new digest, or
/// a problem with the store (reported once; the dashboard runs on without
/// keeping history).
package enum HistoryReport: Sendable {
    case digest(HistoryDigest)
    case problem(String)
    /// The cluster as recorded at a past moment (the as-of mode).
    case asOf(ClusterAsOf)
}

/// Keeps the open cluster's history as the polls come in (issue 22). The UI
/// thread only hands over a `HistorySample` (values it already holds); the
/// window, the store and the digest run here, on one low-priority thread,
/// in poll order. The store is opened per cluster (a context switch opens
/// another), and the last hour is read back from it first, so a restarted
/// dashboard shows its strips at once. A store that cannot be opened or
/// written is reported once and dropped: the strips of this run still work.
/// One dashboard records a cluster at a time (`RecorderLock`); another reads
/// the store, keeps its strips in memory, and takes over when the lock is free.
package final class HistoryRecorder: @unchecked Sendable {
    /// The dashboard's background lane (its list work comes in bursts, a poll
    /// every few seconds): no thread of its own, whose stack and heap would
    /// cost the idle dashboard memory; a record may wait behind a list.
    private static var lane: BackgroundLane { BackgroundLane.shared }

    package let directory: String
    /// Days of history kept; the file is also kept under `maxBytes`.
    package var retention: TimeInterval = 7 * 86_400
    package var maxBytes = 256 << 20
    /// The write journal, for telling this operator's own changes (its batch id).
    package var journalPath: String?
    private let report: @Sendable (HistoryReport, _ url: String) -> Void
    // Touched only on the lane.
    private var url: String?
    private var store: HistoryStore?
    /// Held while this dashboard is the one recording the cluster; without
    /// it the store is only read (another dashboard records it).
    private var lock: RecorderLock?
    private var recording = false
    /// When this dashboard last had a good poll to record.
    private var lastSampleAt: Date?
    /// A recording dashboard whose polls have failed this long lets the lock
    /// go, so another one that reads the cluster (a wallboard off the same
    /// VPN) records it: first come would otherwise mean a gap for all.
    static let handOverAfter: TimeInterval = 60
    private var window = HistoryWindow()
    private var lastDigest: HistoryDigest?
    private var lastPrune: Date?
    private var reported = Set<String>()

    package init(directory: String, report: @escaping @Sendable (HistoryReport, _ url: String) -> Void) {
        self.directory = directory
        self.report = report
    }

    /// Queues one poll of the cluster at `url`.
    package func record(_ sample: HistorySample, url: String) {
        Self.lane.async { [self] in record(sample, at: url) }
    }

    /// Works out the cluster at `url` as recorded at `moment`: from the
    /// store, or from the window when there is none (the embedded demo, a
    /// store that failed), in which case only the last hour is known.
    package func asOf(_ moment: Date, url: String) {
        Self.lane.async { [self] in
            guard url == self.url else { return }
            let view: ClusterAsOf
            if let store, let records = try? store.load(since: moment.addingTimeInterval(-3600), changes: 0),
               let since = try? store.changes(since: moment) {
                view = ClusterAsOf.make(at: moment, records: records, changesSince: since)
            } else {
                view = ClusterAsOf.make(at: moment, records: window.records, changesSince: window.changes)
            }
            report(.asOf(view), url)
        }
    }

    /// The dashboard dropped its digest (a context switch, maybe to another
    /// context of the same URL): the next one is posted even if unchanged.
    package func forgetPosted() {
        Self.lane.async { [self] in lastDigest = nil }
    }

    /// Waits until everything queued so far is done (tests, exit).
    package func flush() { Self.lane.sync {} }

    private func record(_ sample: HistorySample, at url: String) {
        if url != self.url { open(url, now: sample.at) }
        lastSampleAt = sample.at
        // The dashboard that recorded it stopped: this one reads its records back and goes on.
        if store != nil, !recording, lock?.acquire() == true { load(now: sample.at) }
        let journal = JournalMatcher(path: journalPath, url: url)
        let writes = window.apply(sample, ownBatch: { journal.batch(for: $0) })
        if recording { keep(writes, now: sample.at) }
        post(window.digest(now: sample.at), url)
        MemoryTrim.giveBack(instances: sample.instanceCount)
    }

    /// Writes what the window returned; SQLite's lock held too long by a
    /// `clustertui history` costs this poll only, anything else ends keeping (said once).
    private func keep(_ writes: HistoryWrites, now: Date) {
        guard let store else { return }
        do {
            try store.persist(writes)
            try pruneIfDue(store, now: now)
        } catch is HistoryBusy {
            return
        } catch {
            problem("history not kept from now on: \(error)")
            dropStore()
        }
    }

    /// No store from now on: the recording lock goes too, for another dashboard to record.
    private func dropStore() {
        store = nil
        lock?.release()
        lock = nil
        recording = false
    }

    private func post(_ digest: HistoryDigest, _ url: String) {
        guard digest != lastDigest else { return }
        lastDigest = digest
        report(.digest(digest), url)
    }

    /// The digest at `now` with no new poll (one failed): the time since the
    /// last good poll reads unknown.
    package func refresh(at now: Date, url: String) {
        Self.lane.async { [self] in
            guard url == self.url else { return }
            if recording, let last = lastSampleAt, now.timeIntervalSince(last) > Self.handOverAfter { handOver(now: now) }
            post(window.digest(now: now), url)
        }
    }

    /// Ends this dashboard's runs where its last good poll was and lets the
    /// lock go; a good poll later takes it back if nobody else did.
    private func handOver(now: Date) {
        let writes = window.closeOpenRuns()
        if !writes.isEmpty { keep(writes, now: now) }
        lock?.release()
        recording = false
    }

    /// Closes this run's open runs where its last poll was and waits (at exit):
    /// a run left open would read as lasting for as long as a later span.
    package func finish() {
        Self.lane.sync { [self] in
            let writes = window.closeOpenRuns()
            if recording, !writes.isEmpty { keep(writes, now: Date()) }
            dropStore()
        }
    }

    /// Opens the store for `url`, takes the recording lock when no other
    /// dashboard holds it, and reads the last hour back.
    private func open(_ url: String, now: Date) {
        self.url = url
        lastDigest = nil
        lastPrune = nil
        dropStore()
        lastSampleAt = nil
        // The embedded demo is a new cluster every run: its history lives as long as the run.
        guard url != ClusterIdentity.embedded else {
            window = HistoryWindow()
            return
        }
        do {
            let path = HistoryStore.path(for: url, in: directory)
            store = try HistoryStore(path: path)
            lock = RecorderLock(path: path + ".lock")
            _ = lock?.acquire()
            load(now: now)
        } catch {
            problem("history not kept: \(error)")
            store = nil
            window = HistoryWindow()
        }
    }

    /// Reads the last hour back into the window. The recording dashboard
    /// also ends the runs a stopped one left open where its span did, in
    /// the file too; one that only reads must not (they are another's, live).
    private func load(now: Date) {
        guard let store else { return }
        do {
            let records = try store.load(since: now.addingTimeInterval(-3600))
            window = HistoryWindow(records: records)
            recording = lock?.acquire() == true
            if recording { keep(window.closedWhenLoaded(records), now: now) }
        } catch {
            problem("history not kept: \(error)")
            dropStore()
            window = HistoryWindow()
        }
    }

    private func pruneIfDue(_ store: HistoryStore, now: Date) throws {
        if let last = lastPrune, now.timeIntervalSince(last) < 3600, now >= last { return }
        lastPrune = now
        try store.prune(before: now.addingTimeInterval(-retention), maxBytes: maxBytes)
    }

    private func problem(_ text: String) {
        guard reported.insert(text).inserted else { return }
        report(.problem(text), url ?? "")
    }
}
