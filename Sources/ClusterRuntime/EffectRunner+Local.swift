import ClusterModel
import ClusterState
import ClusterSupport
import Foundation

/// The effects that are not the open cluster's requests: other contexts'
/// polls, a context switch, state files, table exports and custom actions.
/// Their outcomes are posted whatever connection is current, each for its
/// own reason given below.
extension EffectRunner {
    /// A background context's overview: not gated by the connection, as its
    /// reply stays true across a switch.
    func fetchFleetOverview(_ context: String, _ previous: BodyDigest?) {
        Task { [link, inbox] in
            let clock = ContinuousClock()
            let start = clock.now
            let result = await link.fleet.overview(context, previous: previous)
            let latency = (try? result.get())?.roundTrip ?? (clock.now - start).timeInterval
            inbox.post(.fleetOverview(context: context, result, latency: latency))
        }
    }

    /// Connects to another context of the config; the next list is diffed
    /// against nothing, and the recorder and the quiet alerts follow.
    func switchContext(to name: String) {
        Task { [link, inbox, previousList, history, alertStore] in
            var result = await link.switchTo(name)
            if case .success(var switched) = result {
                previousList.list = nil
                // The new state starts with no digest: the recorder must post one even for the same URL.
                history?.forgetPosted()
                switched.quietAlerts = alertStore?.load(for: link.identity.url) ?? []
                result = .success(switched)
            }
            inbox.post(.contextSwitched(result))
        }
    }

    /// Keeps acknowledgements and snoozes for `url`, in order, off the UI thread.
    func saveAlertQuiet(_ records: [AlertQuiet], url: String) {
        guard let store = alertStore else { return }
        Self.files.async { [inbox] in
            do { try store.save(records, for: url) } catch {
                inbox.post(.alertStoreProblem("acknowledgements not kept: \(error)"))
            }
        }
    }

    /// Writes a table export (`w`) to a new file, at low priority.
    func exportTable(_ job: TableExportJob) {
        Task.detached(priority: .utility) { [inbox] in
            let path = BatchEffects.absolute(job.path)
            let error = BatchEffects.writeNew(Data(job.source.rendered(job.format).utf8), to: path)
            inbox.post(.exported(path: path, error: error))
        }
    }

    /// Keeps the chosen columns for the next run (off in tests).
    func saveColumns(_ choices: [String: ColumnChoices]) {
        guard columnsKept else { return }
        Self.files.async { [inbox] in
            do { try ColumnStore.save(choices) } catch {
                inbox.post(.stateFileProblem("columns not kept for the next run: \(error)"))
            }
        }
    }

    /// A background custom action (the loop runs foreground ones itself);
    /// its result is told even after a context switch.
    func runAction(_ invocation: ActionInvocation) {
        let inbox = self.inbox
        let started = ActionLauncher.startBackground(invocation) { result in inbox.post(.actionFinished(result)) }
        if !started {
            var refused = ActionResult(name: invocation.action.name, subject: invocation.subject, mode: .background, status: nil)
            refused.started = false
            refused.problem = "did not start: \(ActionLauncher.backgroundLimit) actions are running already"
            inbox.post(.actionFinished(refused))
        }
    }
}
