import ClusterHistory
import ClusterModel
import ClusterState
import ClusterSupport
import ClusterWrites
import Foundation

/// Runs the network effects `update` asks for, each in its own task, and
/// posts the outcome back as a message. Holds the writer only when writes
/// are allowed: in read-only and wallboard modes it is `nil` and was never
/// constructed, so no keypress can reach a PUT or DELETE. Requests go to
/// the `LiveConnection`'s current connection; an outcome is posted only if
/// that connection is still current when it arrives.
package struct EffectRunner: Sendable {
    package let link: LiveConnection
    package let inbox: MessageInbox
    /// The list this runner prepared last: the next changed list is diffed
    /// against it here, off the UI thread.
    package let previousList = PreviousInstanceList()
    /// Writes, plans, the write journal and plan files.
    package var batches = BatchEffects(journal: nil)
    /// Alert hooks, bounded and off the UI thread (issue 21).
    package let hooks: HookRunner
    /// Where acknowledgements and snoozes are kept; `nil`: not kept (tests).
    package var alertStore: AlertQuietStore?
    /// Chosen columns are written for the next run (off in tests).
    package var columnsKept = false
    /// The open cluster's history recorder (issue 22); `nil`: not recorded (`--no-history`, tests).
    package var history: HistoryRecorder?
    /// Small state files (acknowledgements), written in order off the UI thread.
    static let files = DispatchQueue(label: "clustertui.state-files", qos: .utility)

    /// Waits for the state files and history queued so far (before exit).
    package func flushFiles() {
        Self.files.sync {}
        history?.finish()
    }

    /// A recorder for this runner's cluster whose digests reach the loop
    /// while that cluster is still the open one (a switch drops the rest).
    package func makeHistoryRecorder(directory: String, journalPath: String?) -> HistoryRecorder {
        let recorder = HistoryRecorder(directory: directory) { [link, inbox] report, url in
            guard link.identity.url == url else { return }
            switch report {
            case .digest(let digest): inbox.post(.historyUpdated(digest))
            case .problem(let text): inbox.post(.historyProblem(text))
            case .asOf(let view): inbox.post(.asOfLoaded(view))
            }
        }
        recorder.journalPath = journalPath
        return recorder
    }

    package init(link: LiveConnection, inbox: MessageInbox, batches: BatchEffects = BatchEffects(journal: nil)) {
        self.link = link; self.inbox = inbox; self.batches = batches
        hooks = HookRunner(report: { [inbox] problem in inbox.post(.hookProblem(problem)) })
    }

    /// Starts `effect` unless it is one the loop itself handles (repaint, suspend, quit).
    package func start(_ effect: Effect) {
        let (reader, writer, generation) = link.current()
        let identity = link.identity
        let link = self.link
        let mailbox = self.inbox
        // Outcomes of a connection that was switched away from are dropped.
        let inbox = GenerationGate(deliver: { message in if link.generation == generation { mailbox.post(message) } })
        switch effect {
        case .fetchOverview(let previous):
            fetchOverview(reader, previous, inbox, batches)
        case .fetchInstances(let previous, let source):
            fetchInstances(reader, previous, source, inbox)
        case .write(let origin, let plan):
            batches.single(origin, plan, reader: reader, writer: writer, identity: identity, inbox: inbox)
        case .applyPlan(let plan):
            batches.apply(plan, reader: reader, writer: writer, identity: identity, inbox: inbox)
        case .stopBatch(let id):
            batches.stop(id)
        case .exportPlan(let plan, let format, let path):
            batches.export(plan, format, path: path, identity: identity, protected: link.isProtected, inbox: inbox)
        case .loadUndo:
            batches.loadUndo(identity: identity, inbox: inbox)
        case .bindRows(let job):
            bindRows(job, inbox)
        case .fetchFleetOverview(let context, let previous):
            fetchFleetOverview(context, previous)
        case .fetchFleetInstances(let context, let previous):
            Task { mailbox.post(.fleetInstances(context: context, await link.fleet.instances(context, previous: previous))) }
        case .switchContext(let name):
            switchContext(to: name)
        case .runHook(let argv, let stdin):
            hooks.run(argv, stdin: stdin)
        case .saveAlertQuiet(let records):
            saveAlertQuiet(records, url: identity.url)
        case .recordHistory(let sample):
            history?.record(sample, url: sample.cluster)
        case .historyClock(let now):
            history?.refresh(at: now, url: identity.url)
        case .exportTable(let job):
            exportTable(job)
        case .loadAsOf(let moment):
            history?.asOf(moment, url: identity.url)
        case .saveColumns(let choices):
            saveColumns(choices)
        case .runAction(let invocation):
            runAction(invocation)
        case .repaint, .suspend, .quit, .notifyTerminal, .announceAlert, .dumpScreen:
            break
        }
    }

    private func fetchOverview(_ reader: any ClusterReading, _ previous: BodyDigest?, _ inbox: GenerationGate, _ batches: BatchEffects) {
        Task {
            let clock = ContinuousClock()
            let start = clock.now
            let result = await capture { try await reader.overview(unlessUnchangedFrom: previous) }
            if case .success(let fetched) = result, let overview = fetched.value { batches.settleUnknowns(overview, inbox: inbox) }
            let latency = (try? result.get())?.roundTrip ?? (clock.now - start).timeInterval
            inbox.post(.overviewFetched(result, latency: latency))
        }
    }

    private func fetchInstances(
        _ reader: any ClusterReading, _ previous: BodyDigest?, _ source: RowBindingSource, _ inbox: GenerationGate
    ) {
        let previousList = self.previousList
        Task {
            let clock = ContinuousClock()
            let start = clock.now
            let result = await capture { try await reader.instances(unlessUnchangedFrom: previous) }
            let latency = (try? result.get())?.roundTrip ?? (clock.now - start).timeInterval
            // Index, sort order and the instance events are built here, off
            // the UI thread and at low priority (BackgroundLane), so a
            // 100,000-instance poll never stalls a keystroke.
            let prepared = await BackgroundLane.shared.run {
                let previous = previousList.list
                let prepared = result.map { PreparedInstances.prepared($0, after: previous, bindingTo: source) }
                if case .success(let fetched) = prepared, let list = fetched.value?.instances { previousList.list = list }
                return prepared
            }
            inbox.post(.instancesPrepared(prepared, latency: latency))
        }
    }

    /// The rows on screen bound to the overview's bindings, on the same
    /// serial lane as the polls. The next list is diffed against what the
    /// screen shows, so the bound rows become the diff base — unless a newer
    /// list was prepared meanwhile (then `update` drops this answer anyway).
    private func bindRows(_ job: RowsToBind, _ inbox: GenerationGate) {
        let previousList = self.previousList
        BackgroundLane.shared.async {
            let rows = job.rows.rebound(to: job.source)
            if let rows, let last = previousList.list, last.sharesStorage(with: job.rows.instances) {
                previousList.list = rows.instances
            }
            inbox.post(.rowsBound(RowsBound(basis: job.rows.instances, generation: job.source.generation, rows: rows)))
        }
    }
}

/// Posts a message only while the connection it came from is current.
package struct GenerationGate: Sendable {
    package let deliver: @Sendable (Message) -> Void
    package func post(_ message: Message) { deliver(message) }
}

/// The last instance list an `EffectRunner` prepared (one poll is in
/// flight at a time; the lock only makes that safe to rely on).
package final class PreviousInstanceList: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Instance]?
    package var list: [Instance]? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// Runs `body`, turning any thrown error into a `ClusterError`.
package func capture<T: Sendable>(_ body: () async throws -> T) async -> Result<T, ClusterError> {
    do {
        return .success(try await body())
    } catch let error as ClusterError {
        return .failure(error)
    } catch {
        return .failure(.transport(String(describing: error)))
    }
}
