import ClusterModel
import ClusterWrites
import Foundation

/// One context of the config file, as the picker lists it.
struct ContextChoice: Sendable, Equatable {
    var name: String
    var url: String
    /// Whether a token file is there for it (nothing is read or shown).
    var hasToken: Bool
}

/// The `c` picker: the config file's contexts and the one the cursor is on.
struct ContextPicker: Sendable, Equatable {
    var selected: Int
}

/// What the loop reports once a switch has connected.
package struct SwitchedContext: Sendable, Equatable {
    var name: String
    var label: String
    var overviewInterval: Double?
    var instancesInterval: Double?
    /// The new cluster's base URL, for plans and the journal.
    var url = ClusterIdentity.embedded
    /// The new context does not verify TLS certificates.
    var insecure = false
}

/// Live context switch (issue 11): `c` opens a picker of the config file's
/// contexts; choosing one asks the loop to connect to it. Until it has,
/// no poll starts; then the old cluster's data is dropped (snapshot,
/// events, polls, overlays) and the dashboard starts over on the new one,
/// keeping its size, mode (read-only, wallboard), focus and sorts. Results
/// of the old connection still in flight are dropped by the runner.
enum ContextSwitchFlow {
    static func open(_ state: inout AppState) {
        if state.runningBatch != nil {
            return state.post("a batch is being applied: switch after its summary (Esc stops it)", .notice)
        }
        if let target = state.switchingTo {
            return state.post("already switching to \(TextSanitizer.visible(target))…", .notice)
        }
        let contexts = state.config.contexts
        guard !contexts.isEmpty else {
            state.post("no contexts in the config file (\(state.config.configPath)): add [contexts.NAME] tables", .notice)
            return
        }
        let current = contexts.firstIndex { $0.name == state.config.currentContext } ?? 0
        state.overlays.append(.contextPicker(ContextPicker(selected: current)))
    }

    static func key(_ state: inout AppState, _ picker: ContextPicker, _ key: Key) -> [Effect] {
        let contexts = state.config.contexts
        var picker = picker
        switch key {
        case .up, .char("k"): picker.selected = max(0, picker.selected - 1)
        case .down, .char("j"): picker.selected = min(contexts.count - 1, picker.selected + 1)
        case .home: picker.selected = 0
        case .end: picker.selected = max(0, contexts.count - 1)
        case .escape, .char("q"), .char("c"):
            state.overlays.removeLast()
            return []
        case .enter:
            state.overlays.removeLast()
            guard picker.selected < contexts.count else { return [] }
            let choice = contexts[picker.selected]
            if choice.name == state.config.currentContext {
                state.post("already on \(TextSanitizer.visible(choice.name))", .notice)
                return []
            }
            state.switchingTo = choice.name
            // No form may send through the new connection what was meant for the old one.
            state.overlays.removeAll()
            state.post("switching to \(TextSanitizer.visible(choice.name))…", seconds: 30)
            return [.switchContext(choice.name)]
        default:
            return []
        }
        state.overlays[state.overlays.count - 1] = .contextPicker(picker)
        return []
    }

    /// The loop connected (or could not): start over on the new cluster, or keep the old one.
    static func switched(_ state: inout AppState, _ result: Result<SwitchedContext, ClusterError>) -> [Effect] {
        state.switchingTo = nil
        state.dirty = true
        switch result {
        case .failure(let error):
            state.post("could not switch: \(ErrorExcerpt.short(error, limit: 100)); still on \(state.config.label)", .warning)
        case .success(let switched):
            var config = state.config
            config.label = switched.label
            config.currentContext = switched.name
            config.clusterURL = switched.url
            config.insecure = switched.insecure
            if let interval = switched.overviewInterval { config.overviewInterval = interval }
            if let interval = switched.instancesInterval { config.instancesInterval = interval }
            var fresh = AppState(config: config, width: state.width, height: state.height, now: state.now)
            fresh.random = state.random
            fresh.focus = state.focus
            fresh.nodeSort = state.nodeSort
            fresh.instanceSort = state.instanceSort
            fresh.absoluteTimes = state.absoluteTimes
            fresh.nextFormID = state.nextFormID
            // --events-log counts events across switches: the count never goes back.
            fresh.eventSerial = state.eventSerial
            fresh.retired.retire(state.snapshot, state.derived.prepared)
            state = fresh
            state.post("switched to \(TextSanitizer.visible(switched.name))", .notice)
        }
        return []
    }
}

