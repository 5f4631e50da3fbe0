import ClusterModel
import ClusterSupport
import Foundation

/// Runs the network effects `update` asks for, each in its own task, and
/// posts the outcome back as a message. Holds the writer only when writes
/// are allowed: in read-only and wallboard modes it is `nil` and was never
/// constructed, so no keypress can reach a PUT or DELETE. Requests go to
/// the `LiveConnection`'s current connection; an outcome is posted only if
/// that connection is still current when it arrives.
struct EffectRunner: Sendable {
    let link: LiveConnection
    let inbox: MessageInbox
    /// The list this runner prepared last: the next changed list is diffed
    /// against it here, off the UI thread.
    let previousList = PreviousInstanceList()
    /// Plans, the write journal and plan files.
    var batches = BatchEffects(journal: nil)
    let lostTickets = LostWriteTickets()

    /// Starts `effect` unless it is one the loop itself handles (repaint, suspend, quit).
    func start(_ effect: Effect) {
        let (reader, writer, generation) = link.current()
        let identity = link.identity
        let link = self.link
        let mailbox = self.inbox
        // Outcomes of a connection that was switched away from are dropped.
        let inbox = GenerationGate(deliver: { message in if link.generation == generation { mailbox.post(message) } })
        switch effect {
        case .fetchOverview(let previous):
            fetchOverview(reader, previous, inbox)
        case .fetchInstances(let previous):
            fetchInstances(reader, previous, inbox)
        case .recheckBeforeRebind(let formID):
            Task {
                let result = await capture { try await reader.overview(unlessUnchangedFrom: nil) }
                inbox.post(.rebindRechecked(formID: formID, result))
            }
        case .setAssignment, .deleteAssignment:
            write(effect, writer, inbox, journal: batches.single(identity, inbox: inbox))
        case .applyPlan(let plan):
            batches.apply(plan, reader: reader, writer: writer, identity: identity, inbox: inbox)
        case .stopBatch(let id):
            batches.stop(id)
        case .exportPlan(let plan, let format, let path):
            batches.export(plan, format, path: path, identity: identity, inbox: inbox)
        case .loadUndo:
            batches.loadUndo(identity: identity, inbox: inbox)
        case .followAssignments(let overview):
            followAssignments(overview, inbox)
        case .switchContext(let name):
            let previousList = self.previousList
            Task {
                let result = await link.switchTo(name)
                if case .success = result { previousList.list = nil }
                mailbox.post(.contextSwitched(result))
            }
        case .recheckLostWrite(let write):
            let journal = batches.single(identity, inbox: inbox)
            let tickets = lostTickets
            Task {
                let result = await capture { try await reader.overview(unlessUnchangedFrom: nil) }
                // The journal's unknown line is resolved by the same rule the form uses.
                if case .success(let fetched) = result, let overview = fetched.value, let ticket = tickets.take(write) {
                    switch write.check(overview) {
                    case .applied: journal.outcome(ticket, .ok, message: "reply lost; confirmed by re-reading")
                    case .notApplied: journal.outcome(ticket, .failed, message: "reply lost; a re-read shows it was not applied")
                    }
                }
                inbox.post(.writeRechecked(write, result))
            }
        case .repaint, .suspend, .quit:
            break
        }
    }

    private func fetchOverview(_ reader: any ClusterReading, _ previous: BodyDigest?, _ inbox: GenerationGate) {
        Task {
            let clock = ContinuousClock()
            let start = clock.now
            let result = await capture { try await reader.overview(unlessUnchangedFrom: previous) }
            let latency = (try? result.get())?.roundTrip ?? seconds(clock.now - start)
            inbox.post(.overviewFetched(result, latency: latency))
        }
    }

    private func fetchInstances(_ reader: any ClusterReading, _ previous: BodyDigest?, _ inbox: GenerationGate) {
        let previousList = self.previousList
        Task {
            let clock = ContinuousClock()
            let start = clock.now
            let result = await capture { try await reader.instances(unlessUnchangedFrom: previous) }
            let latency = (try? result.get())?.roundTrip ?? seconds(clock.now - start)
            // Index, sort order and the instance events are built here, off
            // the UI thread and at low priority (BackgroundLane), so a
            // 100,000-instance poll never stalls a keystroke.
            let prepared = await BackgroundLane.shared.run {
                let previous = previousList.list
                let prepared = result.map { PreparedInstances.prepared($0, after: previous) }
                if case .success(let fetched) = prepared, let list = fetched.value?.instances { previousList.list = list }
                return prepared
            }
            inbox.post(.instancesPrepared(prepared, latency: latency))
        }
    }

    /// A PUT or DELETE, through the writer if one exists (never in read-only modes).
    private func write(_ effect: Effect, _ writer: (any ClusterWriting)?, _ inbox: GenerationGate, journal: SingleWriteJournal) {
        let tickets = lostTickets
        switch effect {
        case .setAssignment(let formID, let key, let nodeName, let mode, let prior):
            guard let writer else {
                return inbox.post(.assignmentSet(formID: formID, .failure(.usage("read-only: writes are disabled"))))
            }
            Task {
                let ticket = journal.intent(kind: .rebind, key: key, prior: prior, requested: .explicit(node: nodeName, mode: mode))
                let result = await capture { try await writer.setAssignment(key, nodeName: nodeName, mode: mode) }
                journal.outcome(ticket, result)
                if case .failure(.outcomeUnknown) = result {
                    tickets.keep(.rebind(formID: formID, key: key, nodeName: nodeName, mode: mode), ticket)
                }
                inbox.post(.assignmentSet(formID: formID, result))
            }
        case .deleteAssignment(let key, let prior):
            guard let writer else {
                return inbox.post(.assignmentDeleted(key, .failure(.usage("read-only: writes are disabled"))))
            }
            Task {
                let ticket = journal.intent(kind: .rebind, key: key, prior: prior, requested: .followsDefault)
                let result = await capture { try await writer.deleteAssignment(key) }
                journal.outcome(ticket, result)
                if case .failure(.outcomeUnknown) = result { tickets.keep(.reset(key), ticket) }
                inbox.post(.assignmentDeleted(key, result))
            }
        default:
            break
        }
    }

    /// Patched against the list this runner prepared last, on the same
    /// serial lane as the polls, so a newer poll is never overwritten.
    private func followAssignments(_ overview: Overview, _ inbox: GenerationGate) {
        let previousList = self.previousList
        BackgroundLane.shared.async {
            guard let list = previousList.list, let patched = AssignmentFollow.patch(list, to: overview) else { return }
            previousList.list = patched
            inbox.post(.instancesRebased(PreparedInstances.prepare(patched, parallel: false)))
        }
    }
}

/// Posts a message only while the connection it came from is current.
struct GenerationGate: Sendable {
    let deliver: @Sendable (Message) -> Void
    func post(_ message: Message) { deliver(message) }
}

/// The last instance list an `EffectRunner` prepared (one poll is in
/// flight at a time; the lock only makes that safe to rely on).
final class PreviousInstanceList: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Instance]?
    var list: [Instance]? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

private func seconds(_ d: Duration) -> TimeInterval {
    let c = d.components
    return TimeInterval(c.seconds) + TimeInterval(c.attoseconds) / 1e18
}

/// Runs `body`, turning any thrown error into a `ClusterError`.
func capture<T: Sendable>(_ body: () async throws -> T) async -> Result<T, ClusterError> {
    do {
        return .success(try await body())
    } catch let error as ClusterError {
        return .failure(error)
    } catch {
        return .failure(.transport(String(describing: error)))
    }
}
