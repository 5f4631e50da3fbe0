import ArgumentParser
import ClusterClient
import ClusterModel
import ClusterRuntime
import ClusterState
import Foundation

/// How often to poll and when a node reads silent: shared by the dashboard
/// and `watch`, which run the same engine.
struct PollOptions: ParsableArguments {
    @Option(help: "Seconds between overview polls.")
    var interval: Double?

    @Option(name: .customLong("instances-interval"), help: "Seconds between instance-list polls (the expensive call).")
    var instancesInterval: Double?

    @Option(
        name: .customLong("offline-after"),
        help: ArgumentHelp("Seconds of silence before a node reads silent; match the core's NODE_OFFLINE_AFTER_MS (default 30).", valueName: "S"))
    var offlineAfter: Double?

    func validate() throws {
        if let interval, !(interval >= 0.2 && interval <= 3600) { throw ValidationError("--interval must be 0.2…3600 seconds") }
        if let instancesInterval, !(instancesInterval >= 1 && instancesInterval <= 86_400) {
            throw ValidationError("--instances-interval must be 1…86400 seconds")
        }
        if let offlineAfter, !(offlineAfter >= 1 && offlineAfter <= 86_400) {
            throw ValidationError("--offline-after must be 1…86400 seconds")
        }
    }
}

/// How alerts reach an operator who is not looking (issue 21): flags over
/// the config file's `notify` and `on-alert`.
struct AlertOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "How alerts reach you when you are not looking: none, bell, osc9 or osc777 (a desktop notification "
            + "from your own terminal, also over SSH; wrapped for tmux passthrough).", valueName: "STYLE"))
    var notify: NotifyStyle?

    @Option(name: .customLong("on-alert"), help: ArgumentHelp(
        "Run PROGRAM (no shell) for every alert and resolve: PROGRAM SEVERITY KIND SUBJECT, the alert as JSON on stdin.",
        valueName: "PROGRAM"))
    var onAlert: String?

    /// The config file's settings with these flags over them.
    func over(_ file: AlertSettings) -> AlertSettings {
        var settings = file
        if let notify { settings.notify = notify }
        if let onAlert { settings.onAlert = [onAlert] }
        return settings
    }
}

extension AppConfig {
    /// The configuration the dashboard and `watch` share: the connection's
    /// label, URL and intervals, the poll flags, the alert settings (flags
    /// over the config file) and the contexts for the picker.
    static func shared(link: ClusterConnection, polls: PollOptions, alerts: AlertOptions) -> AppConfig {
        let environment = ProcessInfo.processInfo.environment
        var config = AppConfig(label: link.label)
        config.overviewInterval = polls.interval ?? link.overviewInterval ?? 2
        config.instancesInterval = polls.instancesInterval ?? link.instancesInterval ?? 30
        if let offlineAfter = polls.offlineAfter { config.thresholds.offlineAfter = offlineAfter }
        config.configPath = ClusterConfig.defaultPath
        config.clusterURL = link.target.url
        config.currentContext = link.target.context
        config.insecure = link.insecure
        let alerting = alerts.over(link.alerting)
        config.alertRules = alerting.rules
        config.notify = alerting.notify ?? .none
        config.inTmux = environment["TMUX"].map { !$0.isEmpty } ?? false
        config.onAlert = alerting.onAlert
        return config
    }
}

extension NotifyStyle: ExpressibleByArgument {}
