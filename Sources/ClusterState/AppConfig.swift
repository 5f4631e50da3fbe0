import ClusterModel
import ClusterWrites
import Foundation

/// Settings fixed for one run of the dashboard (from flags and the context).
package struct AppConfig: Sendable, Equatable {
    /// Context name, URL or "embedded demo", shown in the header.
    package var label: String
    /// No writer exists; write keys only explain why nothing happens.
    package var readOnly = false
    /// The big-screen mode (implies read-only).
    package var wallboard = false
    /// Tick ages every second (off with `--no-tick` for very slow links).
    package var tick = true
    /// The assumed heartbeat and the offline threshold (`--offline-after`);
    /// the learned periods join them in `AppState.thresholds`.
    package var thresholds = HeartbeatThresholds.standard
    package var overviewInterval: TimeInterval = 2
    package var instancesInterval: TimeInterval = 30
    /// Draw with ASCII glyphs only (non-UTF-8 locale).
    package var asciiOnly = false
    /// Wallboard page-cycle period.
    package var cycle: TimeInterval = 15
    /// The cap on remembered events, so a wallboard can run for days.
    package var eventCapacity = 500
    /// The config file's contexts, for the `c` picker, and the one in use.
    package var contexts: [ContextChoice] = []
    package var currentContext: String?
    /// Where the config file is, for messages.
    package var configPath = "~/.config/clustertui/config.toml"
    /// The base URL plans are stamped with (the journal's cluster key).
    package var clusterURL = ClusterIdentity.embedded
    /// The alert engine's settings (`[alerts]` in the config file).
    package var alertRules = AlertRules()
    /// How alerts reach an operator not looking (`--notify`).
    package var notify = NotifyStyle.none
    /// The terminal is inside tmux: notifications are wrapped for passthrough.
    package var inTmux = false
    /// `--on-alert PROGRAM` (and its arguments from the config): run for every alert and resolve.
    package var onAlert: [String] = []
    /// TLS certificates are not verified (`--insecure` or the context's
    /// `insecure`): the header says so for as long as it holds (issue 20).
    package var insecure = false
    /// Start on the fleet screen (`--fleet`, issue 23).
    package var openFleet = false
    /// The open context is `protected` (issue 23): a badge on every screen,
    /// and no write is sent until the context's name is typed.
    package var isProtected = false
    /// Keep this cluster's history (issue 22): every good overview poll is
    /// handed to the recorder. Off unless the dashboard turns it on (`--no-history`).
    package var recordsHistory = false
    /// Days of history kept (`--history-days`, default 7).
    package var historyDays = 7
    /// `y`/`Y` copy by OSC 52 (`clipboard = "osc52"` in the config file, issue 24).
    package var clipboard = false
    /// The run's keys: the defaults with the config's `[keys]` and custom actions applied (issue 24).
    package var keys = KeyMap.standard
    /// The config file's custom actions (issue 24).
    package var customActions: [CustomAction] = []
    /// `--accessible` (issue 24): the cursor on the selected row, no
    /// animation or block graphs, changes and alerts said in the status line.
    package var accessible = false
    /// Columns chosen with `o`, per cluster URL, as remembered at start (issue 24).
    package var savedColumns: [String: ColumnChoices] = [:]

    package init(label: String) { self.label = label }
}
