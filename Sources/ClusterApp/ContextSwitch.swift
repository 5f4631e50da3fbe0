import ClusterGrid
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// Live context switch (issue 11): `c` opens a picker of the config file's
/// contexts; choosing one asks the loop to connect to it. Until it has,
/// no poll starts; then the old cluster's data is dropped (snapshot,
/// events, polls, overlays) and the dashboard starts over on the new one,
/// keeping its size, mode (read-only, wallboard), focus and sorts. Results
/// of the old connection still in flight are dropped by the runner.
package enum ContextSwitchFlow {
    package static func open(_ state: inout AppState) {
        if let why = refusal(state) { return state.post(why, .notice) }
        let contexts = state.config.contexts
        guard !contexts.isEmpty else {
            state.post("no contexts in the config file (\(state.config.configPath)): add [contexts.NAME] tables", .notice)
            return
        }
        let current = contexts.firstIndex { $0.name == state.config.currentContext } ?? 0
        state.overlays.append(.contextPicker(ContextPicker(selected: current)))
    }

    package static func key(_ state: inout AppState, _ picker: ContextPicker, _ key: Key) -> [Effect] {
        var picker = picker
        let shown = picker.shown(state.config.contexts)
        switch key {
        case .up: picker.selected = max(0, picker.selected - 1)
        case .down: picker.selected = min(max(0, shown.count - 1), picker.selected + 1)
        case .home: picker.selected = 0
        case .end: picker.selected = max(0, shown.count - 1)
        case .escape:
            state.overlays.removeLast()
            return []
        case .enter:
            guard picker.selected < shown.count else { return [] }
            state.overlays.removeLast()
            return choose(&state, shown[picker.selected])
        case _ where TextEditing.apply(key, to: &picker.text, limit: 100):
            // Typing narrows the list; the cursor goes to the first match.
            picker.selected = 0
        default:
            return []
        }
        state.overlays[state.overlays.count - 1] = .contextPicker(picker)
        return []
    }

    /// Why no switch may start now: one is connecting (two racing could leave
    /// the screen on one cluster and the connection on another), or a batch
    /// is being applied.
    private static func refusal(_ state: AppState) -> String? {
        if let target = state.switchingTo { return "already switching to \(TextSanitizer.visible(target))…" }
        if state.runningBatch != nil { return "a batch is being applied: switch after its summary (Esc stops it)" }
        return nil
    }

    /// Enter on a context: switch to it (or say it is the current one).
    private static func choose(_ state: inout AppState, _ choice: ContextChoice) -> [Effect] { switchTo(&state, choice.name) }

    /// Switches to the context `name` (the picker, the fleet screen).
    package static func switchTo(_ state: inout AppState, _ name: String) -> [Effect] {
        if name == state.config.currentContext {
            state.post("already on \(TextSanitizer.visible(name))", .notice)
            return []
        }
        if let why = refusal(state) {
            state.pendingSelect = nil
            state.post(why, .notice)
            return []
        }
        if state.pendingSelect?.context != name { state.pendingSelect = nil }
        state.switchingTo = name
        // No form may send through the new connection what was meant for the old one.
        state.overlays.removeAll()
        state.post("switching to \(TextSanitizer.visible(name))…", seconds: 30)
        return [.switchContext(name)]
    }

    /// The loop connected (or could not): start over on the new cluster, or keep the old one.
    package static func switched(_ state: inout AppState, _ result: Result<SwitchedContext, ClusterError>) -> [Effect] {
        state.switchingTo = nil
        switch result {
        case .failure(let error):
            state.pendingSelect = nil
            state.post("could not switch: \(ErrorExcerpt.short(error, limit: 100)); still on \(state.config.label)", .warning)
        case .success(let switched):
            let config = config(of: switched, after: state.config)
            var fresh = AppState(config: config, width: state.width, height: state.height, now: state.now)
            fresh.random = state.random
            fresh.focus = state.focus
            fresh.nodePane.sort = state.nodePane.sort
            fresh.instancePane.sort = state.instancePane.sort
            fresh.absoluteTimes = state.absoluteTimes
            fresh.columnsByCluster = state.columnsByCluster
            handOverAlerts(to: &fresh, from: state, opening: switched.name)
            handOverFleet(to: &fresh, from: state)
            fresh.pendingSelect = state.pendingSelect
            fresh.nextFormID = state.nextFormID
            // --events-log counts events across switches: the count never goes back.
            fresh.eventSerial = state.eventSerial
            fresh.alerts.restore(switched.quietAlerts)
            fresh.retired.retire(state.snapshot, state.derived.prepared)
            state = fresh
            state.post("switched to \(TextSanitizer.visible(switched.name))", .notice)
        }
        return []
    }

    /// The configuration of the context switched to: its connection, alert
    /// rules and poll intervals over what the run was started with.
    private static func config(of switched: SwitchedContext, after old: AppConfig) -> AppConfig {
        var config = old
        // `--fleet` opened the fleet screen at start; a switch opens the cluster itself.
        config.openFleet = false
        config.label = switched.label
        config.currentContext = switched.name
        config.clusterURL = switched.url
        config.insecure = switched.insecure
        config.isProtected = switched.isProtected
        if let alerting = switched.alerting {
            config.alertRules = alerting.rules
            config.notify = alerting.notify ?? .none
            config.onAlert = alerting.onAlert
        }
        if let interval = switched.overviewInterval { config.overviewInterval = interval }
        if let interval = switched.instancesInterval { config.instancesInterval = interval }
        return config
    }

    /// Alert engines change hands: the cluster left behind keeps its alerts
    /// in the background, the one opened keeps its own (acknowledgements come
    /// from its store), so nothing fires twice.
    private static func handOverAlerts(to fresh: inout AppState, from state: AppState, opening name: String) {
        fresh.fleetAlerts = state.fleetAlerts
        if var handed = fresh.fleetAlerts.removeValue(forKey: name) {
            // What the background engine already told is not told again "at start".
            handed.rules = fresh.config.alertRules
            fresh.alerts = handed
        }
        if let old = state.config.currentContext {
            // The background never sees instance lists: an at-risk alert would stand for ever there.
            var left = state.alerts
            left.forget(.instancesAtRisk)
            fresh.fleetAlerts[old] = left
        }
    }

    /// The fleet's background polls go on; the new cluster's row now comes
    /// from the dashboard's own polls, and the one left behind is polled in
    /// the background from now on, starting over: its entry was not kept up
    /// while it was open, and must not show old figures as live.
    private static func handOverFleet(to fresh: inout AppState, from state: AppState) {
        fresh.fleet = state.fleet
        guard let old = state.config.currentContext, let i = fresh.fleet.index(of: old) else { return }
        let entry = fresh.fleet.entries[i]
        fresh.fleet.entries[i] = FleetEntry(name: entry.name, url: entry.url, firstDue: state.now)
        // Its figures start over, but when it last answered is known: LAST GOOD read "never"
        // for a cluster open a minute before, through a stall of its first background poll.
        fresh.fleet.entries[i].poll.lastSuccess = state.overviewPoll.lastSuccess
    }
}

