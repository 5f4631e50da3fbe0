import ClusterGrid
import ClusterModel
import ClusterWrites
import Foundation

/// Everything that can happen to the dashboard, as a value: keys, resizes,
/// clock ticks, replies to requests, signals. `update` consumes these.
package enum Message: Sendable {
    case key(Key)
    /// A mouse button or wheel event (`--mouse` only) at a screen cell.
    case mouse(x: Int, y: Int, button: MouseButton)
    case resize(width: Int, height: Int)
    /// The clock moved on (ages tick, polls fall due).
    case tick
    /// The loop itself did not run for `seconds` (Ctrl-Z then `fg`, SIGSTOP,
    /// a paused VM): no reply could be taken in meanwhile, so their absence
    /// says nothing of the cluster.
    case paused(seconds: TimeInterval)
    case overviewFetched(Result<Fetched<Overview>, ClusterError>, latency: TimeInterval)
    /// An instance-list reply, decoded and prepared (sort order, counts) off
    /// the UI thread (issue 19: the bare `instancesFetched` existed only for
    /// tests; they send this, as the runner does).
    case instancesPrepared(Result<Fetched<PreparedInstances>, ClusterError>, latency: TimeInterval)
    /// The rows on screen bound to a newer overview's bindings, prepared off
    /// the UI thread (no poll bookkeeping): the answer to `bindRows`.
    case rowsBound(RowsBound)
    /// A form's write went through the write engine: what became of it.
    case writeFinished(WriteOrigin, ItemOutcome)
    /// A later overview settled a write whose outcome was unknown.
    case writeSettled(UnknownWrites.Settled)
    /// A background context's overview (issue 23), or why not.
    case fleetOverview(context: String, Result<Fetched<Overview>, ClusterError>, latency: TimeInterval)
    /// A background context's instance list, for a merged instance table (issue 23).
    case fleetInstances(context: String, Result<Fetched<InstanceList>, ClusterError>)
    /// The loop connected to another context (or could not).
    case contextSwitched(Result<SwitchedContext, ClusterError>)
    /// One item of a batch was applied, skipped or failed.
    case batchProgress(planID: String, index: Int, ItemOutcome)
    case batchFinished(planID: String, BatchSummary)
    /// A plan file was written (`error` nil) or not.
    case planExported(planID: String, path: String, error: String?)
    /// The journal's last batch on this cluster, for `u`.
    case undoLoaded(Result<JournalBatch, PlanError>)
    /// The write journal could not be written.
    case journalProblem(String)
    /// An alert hook failed, timed out or was skipped (issue 21).
    case hookProblem(String)
    /// Acknowledgements and snoozes could not be kept (issue 21): said once per failure.
    case alertStoreProblem(String)
    /// The recorder's newest digest of the open cluster's history (issue 22).
    case historyUpdated(HistoryDigest)
    /// The history store could not be opened or written: said once, history off.
    case historyProblem(String)
    /// The cluster as recorded at a past moment, for the as-of mode (issue 22).
    case asOfLoaded(ClusterAsOf)
    /// A table or the screen written to `path` (issue 24), or why not.
    case exported(path: String, error: String?)
    /// A custom action's run ended (issue 24).
    case actionFinished(ActionResult)
    /// A small state file (chosen columns) could not be written.
    case stateFileProblem(String)
    /// SIGINT, SIGTERM or SIGHUP.
    case signal(Int32)
    /// The terminal went away (EOF / hang-up): quit without drawing.
    case hangup
}

/// Which form or confirmation a single write came from, so its outcome
/// finds its way back (or is posted, when the form was closed meanwhile).
package enum WriteOrigin: Sendable, Hashable {
    case rebind(formID: Int)
    case reset(EntityKey)
}

/// Work `update` asks the loop to do. The loop runs it and feeds the outcome
/// back as a `Message`; `update` itself performs no I/O.
package enum Effect: Sendable, Equatable {
    case fetchOverview(previous: BodyDigest?)
    /// The instance list, its rows bound to `bindingTo` (the overview's
    /// bindings when the request went out) as it is prepared.
    case fetchInstances(previous: BodyDigest?, bindingTo: RowBindingSource)
    /// A form's write: a plan of one item, run by the write engine with a
    /// fresh precondition read; the outcome comes back as `writeFinished`.
    case write(WriteOrigin, MovePlan)
    /// Apply a plan through the write engine; progress comes back as messages.
    case applyPlan(MovePlan)
    /// Esc during apply: stop after the request in flight.
    case stopBatch(String)
    case exportPlan(MovePlan, PlanFileFormat, path: String)
    /// Read the journal's last batch on this cluster (`u`).
    case loadUndo
    /// The rows on screen show other bindings than the overview's: bind
    /// them (off the UI thread); the answer is `rowsBound`.
    case bindRows(RowsToBind)
    /// A background context's overview, for the fleet screen (issue 23).
    case fetchFleetOverview(context: String, previous: BodyDigest?)
    /// Read a background context's instance list (a merged instance table is open).
    case fetchFleetInstances(context: String, previous: BodyDigest?)
    /// Connect to the named context of the config file (`c`).
    case switchContext(String)
    /// Ctrl-L: repaint the whole terminal.
    case repaint
    /// A notification for the operator's terminal (bell, OSC 9, OSC 777), written between frames (issue 21).
    case notifyTerminal([UInt8])
    /// An alert hook: `argv` run without a shell, `stdin` the alert as JSON (issue 21).
    case runHook(argv: [String], stdin: Data)
    /// An alert or resolve that pages (not acknowledged or snoozed): the
    /// dashboard has already put it in the events pane; `watch` prints it.
    case announceAlert(AlertHookMessage)
    /// Keep these acknowledgements and snoozes for the next start (issue 21).
    case saveAlertQuiet([AlertQuiet])
    /// Hand a good overview poll to the history recorder (issue 22).
    case recordHistory(HistorySample)
    /// Work out the cluster as recorded at this moment (the as-of mode).
    case loadAsOf(Date)
    /// A poll failed: the history's digest at this moment (its newest stretch unwatched).
    case historyClock(Date)
    /// Write a table, as shown, to a new file (issue 24).
    case exportTable(TableExportJob)
    /// Write the screen as text to a new file (the loop has it).
    case dumpScreen(String)
    /// Run a custom action (issue 24): in the foreground the loop steps curses aside.
    case runAction(ActionInvocation)
    /// Remember every cluster's chosen columns (issue 24).
    case saveColumns([String: ColumnChoices])
    /// Ctrl-Z: hand the terminal back to the shell until `fg`.
    case suspend
    case quit
}

/// The derivation stage "rows take the overview's bindings", as a job: the
/// rows on screen (prepared) and the bindings to give them.
package struct RowsToBind: Sendable, Equatable {
    package let rows: PreparedInstances
    package let source: RowBindingSource

    package init(rows: PreparedInstances, source: RowBindingSource) { self.rows = rows; self.source = source }

    /// The same job: the same rows (same storage) and the same bindings.
    package static func == (a: RowsToBind, b: RowsToBind) -> Bool {
        a.source == b.source && a.rows.instances.sharesStorage(with: b.rows.instances)
    }
}

/// What `bindRows` made: `rows` (nil when every row already agreed) for
/// the list `basis` and the binding generation `generation`; `update` takes
/// it only while both are still what the snapshot holds.
package struct RowsBound: Sendable {
    package let basis: [Instance]
    package let generation: Int
    package let rows: PreparedInstances?

    package init(basis: [Instance], generation: Int, rows: PreparedInstances?) {
        self.basis = basis; self.generation = generation; self.rows = rows
    }
}

/// An export asked for: the table's source, the format and the file (issue 24).
package struct TableExportJob: Sendable, Equatable {
    package let source: TableSource
    package let format: ExportFormat
    package let path: String

    package init(source: TableSource, format: ExportFormat, path: String) { self.source = source; self.format = format; self.path = path }

    /// The same export: the same pane, format and file.
    package static func == (a: TableExportJob, b: TableExportJob) -> Bool {
        a.source.pane == b.source.pane && a.format == b.format && a.path == b.path
    }
}
