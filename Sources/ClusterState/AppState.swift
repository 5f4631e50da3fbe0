import ClusterModel
import ClusterWrites
import Foundation

/// The three panes of the main screen; `Tab` moves between them.
package enum Pane: Int, Sendable, CaseIterable, Equatable {
    case nodes, instances, events
}

/// A selection and scroll position in a list of `count` rows.
package struct TableCursor: Sendable, Equatable {
    package var selected = 0
    package var offset = 0

    package init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected; self.offset = offset
    }

    package mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = min(max(0, selected + delta), count - 1)
    }

    package mutating func moveTo(_ index: Int, count: Int) {
        selected = count > 0 ? min(max(0, index), count - 1) : 0
    }

    /// Keeps the selection inside the list and on screen in `rows` visible rows.
    package mutating func clamp(count: Int, rows: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = min(max(0, selected), count - 1)
        let rows = max(1, rows)
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = min(max(0, offset), max(0, count - rows))
    }
}

/// A pane's `/` filter: the text typed, whether the prompt is open, and the last
/// query that parsed (kept while the text has an error).
package struct FilterState: Sendable, Equatable {
    package var text = ""
    package var editing = false
    package var query: FilterQuery?
    package var error: String?

    package init(text: String = "", editing: Bool = false, query: FilterQuery? = nil, error: String? = nil) {
        self.text = text; self.editing = editing; self.query = query; self.error = error
    }
    package var isActive: Bool { !(query?.isEmpty ?? true) }
}

/// A short message in the status line, which expires by itself.
package struct Notice: Sendable, Equatable {
    package var text: String
    package var severity: EventSeverity
    package var expires: Date
    /// Stays until the next key instead of expiring (issue 19: "nothing to
    /// remove" was gone before anyone could read it).
    package var untilNextKey = false
}

/// A layer drawn over the main screen; they stack, `Esc` pops the top one.
package enum Overlay: Sendable, Equatable {
    case help
    case nodeDetails(name: String)
    case instanceDetails(EntityKey)
    case rebind(RebindForm)
    case confirmReset(ResetConfirm)
    case contextPicker(ContextPicker)
    /// Bulk rebind of the marked rows, or evacuate a node: makes a plan.
    case bulk(BulkForm)
    /// A plan's moves, its apply progress and its summary.
    case plan(PlanReview)
    /// Every alert, pending or firing: acknowledge, snooze (issue 21).
    case alerts(AlertsList)
    /// Every context of the config file in one table (issue 23).
    case fleet(FleetList)
    /// Writes on a protected context, held until its name is typed (issue 23).
    case typeName(TypeNameConfirm)
    /// Every cluster's problems, most severe first (issue 23).
    case problems(ProblemsList)
    /// Recorded binding changes, newest first: who changed what (issue 22).
    case changes(ChangesList)
    /// The cluster as recorded at a past moment (issue 22): no write key reaches a form here.
    case asOf(AsOfState)
    /// Write the focused table or the screen to a file (issue 24).
    case export(ExportForm)
    /// The `:` command palette (issue 24).
    case palette(Palette)
    /// A custom action with `confirm = true`, waiting for `y` (issue 24).
    case confirmAction(ActionConfirm)
    /// The output and exit status of a custom action run in the background (issue 24).
    case actionOutput(ActionOutputView)
    /// Which columns the focused table shows (issue 24).
    case columns(ColumnPicker)
    /// Every cluster's nodes or instances in one table (issue 23).
    case merged(MergedTable)
}

/// After a write: what the next overview should show for the entity.
package struct PendingCheck: Sendable, Equatable {
    package var key: EntityKey
    /// `nil` for a reset: expect `explicit: false`.
    package var nodeName: String?
    package var mode: AssignmentMode?
    /// When the write was seen to land: an overview requested before then cannot show it.
    package var since: Date

    package init(key: EntityKey, nodeName: String? = nil, mode: AssignmentMode? = nil, since: Date) {
        self.key = key; self.nodeName = nodeName; self.mode = mode; self.since = since
    }
}

/// All the dashboard's state. Only `update` changes it; views read it.
package struct AppState: Sendable {
    package var config: AppConfig
    package var width: Int
    package var height: Int
    /// The local clock at the last message.
    package var now: Date
    /// Server clock minus local clock, from the `Date` header.
    package var clockSkew: TimeInterval = 0
    /// The answering node's clock against ours, narrowed reply by reply:
    /// when each overview was produced (issue 20).
    package var serverClock = ServerClockBounds()
    package var snapshot: ClusterSnapshot?
    package var overviewPoll: PollTracker
    /// When the loop last came back from a pause of its own (`Message.paused`):
    /// overdue is counted from here, not from the reply before the pause.
    package var resumedAt: Date?
    package var instancesPoll: PollTracker
    /// Each node's heartbeat period, learned from the overviews (issue 14).
    package var heartbeats = HeartbeatLearner()
    /// Alerts on what the polls see (issue 21).
    package var alerts = AlertEngine()
    package var random: SplitMix64
    package var derived = Derived()
    /// Replaced instance lists waiting to be freed off the UI thread.
    package var retired = RetiredLists()
    package var focus: Pane = .instances
    /// The nodes pane: `sort` `nil` = live nodes first (health, then name);
    /// its own `/` filter (issue 11: one filter emptied the other pane).
    package var nodePane = ListPane<SortSpec<NodeColumn>?>(sort: nil)
    /// The instances pane: most at risk first until `s` picks a column.
    package var instancePane = ListPane(sort: SortSpec<InstanceColumn>(column: .risk, ascending: false))
    /// The events pane: arrival order, no filter of its own.
    package var eventPane = ListPane(sort: EventOrder.arrival)
    package var showGhosts = false
    /// Show absolute UTC times instead of ages (`t`).
    package var absoluteTimes = false
    /// The focused pane has the whole screen (`z`, issue 24).
    package var zoomed = false
    /// What the palette ran or jumped to, newest first (issue 24); this run only.
    package var paletteHistory: [PaletteEntry] = []
    /// The last custom action run in the background: `O` shows it (issue 24).
    package var lastActionOutput: ActionOutputView?
    /// The alert engines of the clusters polled in the background, by context (issue 23).
    package var fleetAlerts: [String: AlertEngine] = [:]
    /// Columns chosen with `o` for every cluster seen, by URL (issue 24).
    package var columnsByCluster: [String: ColumnChoices] = [:]
    /// This cluster's chosen columns.
    package var columns: ColumnChoices { columnsByCluster[config.clusterURL] ?? ColumnChoices() }
    /// Newest last, capped at `config.eventCapacity`.
    package var events: [ClusterEvent] = []
    package var overlays: [Overlay] = []
    /// First help line shown, when the help is taller than the screen.
    package var helpScroll = 0
    package var notice: Notice?
    package var pendingCheck: PendingCheck?
    /// A context switch asked for and not yet connected: no poll starts meanwhile.
    package var switchingTo: String?
    package var nextFormID = 1
    /// Marked instances (Space, `*`), by entity: polls and sorts keep them (issue 10).
    package var marks: Set<EntityKey> = []
    /// The plan being applied: one batch at a time.
    package var runningBatch: String?
    /// Rows the last polls changed, drawn highlighted for a few seconds.
    package var recentChanges = RecentChanges()
    /// Events appended since the start (the list itself is capped), for `--events-log`.
    package var eventSerial = 0
    package var quitting = false
    /// The other contexts, polled for the fleet screen (issue 23).
    package var fleet = Fleet()
    /// A row chosen in the problems view, selected once its cluster has loaded.
    package var pendingSelect: PendingSelect?
    /// The recorded history's digest for the open cluster (issue 22): strips,
    /// restarts, flapping nodes, binding changes; `nil` until the recorder speaks.
    package var history: HistoryDigest?
    /// Bumped with every digest taken, so the frame follows it.
    package var historyRevision = 0
    /// The process exit status once quitting: 0 for `q`, 128 + the signal
    /// for SIGINT/SIGTERM/SIGHUP from outside, 129 when the terminal hung up
    /// (issue 13: shells and supervisors read these).
    package var exitStatus: Int32 = 0
    /// Set by `update` when the screen must be redrawn.
    package var dirty = true

    package init(config: AppConfig, width: Int, height: Int, now: Date, seed: UInt64 = 0x5EED) {
        self.config = config
        columnsByCluster = config.savedColumns
        self.width = width
        self.height = height
        self.now = now
        overviewPoll = PollTracker(interval: config.overviewInterval, firstDue: now)
        instancesPoll = PollTracker(interval: config.instancesInterval, firstDue: now)
        random = SplitMix64(seed: seed)
        alerts = AlertEngine(rules: config.alertRules)
        // Issue 20: the cheap overview never waits more than 15 s to retry.
        overviewPoll.maxBackoff = max(config.overviewInterval, 15)
        if config.wallboard {
            // A wallboard must notice a core that came back within seconds, not a minute.
            overviewPoll.maxBackoff = max(config.overviewInterval, 10)
            instancesPoll.maxBackoff = max(config.instancesInterval, 10)
        }
        if config.openFleet, !config.wallboard, !config.contexts.isEmpty { openFleetScreen() }
        // The fleet wallboard (issue 23): the background polls start at once; no screen to open.
        if config.openFleet, config.wallboard { fleet.start(config.contexts, now: now) }
    }

    /// Now on the server's clock: ages are computed against this.
    package var serverNow: Date { now.addingTimeInterval(clockSkew) }
    /// The overview polls are failing after at least one success: what the
    /// screen holds is the cluster as of the last good poll, not now.
    /// Also when no reply came for `overdueAfter` (a request hanging until
    /// its time-out): ages must not keep counting against now meanwhile.
    /// The loop's own pause (`resumedAt`) does not count: a reply could not
    /// be taken in while it did not run, and the cluster did not go quiet.
    package var isStale: Bool { isStale(at: now) }
    /// Whether the screen is (or was) stale at `moment`, by the same rule.
    package func isStale(at moment: Date) -> Bool {
        guard snapshot != nil, let last = overviewPoll.lastSuccess else { return false }
        return overviewPoll.lastError != nil || moment.timeIntervalSince(max(last, resumedAt ?? last)) > overdueAfter
    }
    /// How long without an overview reply before the screen is stale.
    package var overdueAfter: TimeInterval { 2 * config.overviewInterval + 5 }
    /// The moment (server clock) that health, risk, ages and counts are
    /// computed for: now while polls succeed, the last good poll while they
    /// fail. A lost connection must not read as nodes dying (issue 11).
    package var observedAt: Date {
        if isStale, let last = overviewPoll.lastSuccess { return last.addingTimeInterval(clockSkew) }
        return serverNow
    }
    package var canWrite: Bool { !config.readOnly && !config.wallboard }
    /// The filter the prompt is editing, if open: the nodes' or the instances'.
    package var editingFilter: Pane? { Pane.allCases.first { self[keyPath: $0.filter].editing && $0 != .events } }
    package var topOverlay: Overlay? { overlays.last }
}
