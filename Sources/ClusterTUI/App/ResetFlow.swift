import ClusterModel
import Foundation

/// Reset to default (DELETE of the assignment): ask first, send on `y`,
/// report `removed: false` as "already on the default node".
enum ResetFlow {
    static func ask(_ state: inout AppState, _ instance: Instance) {
        guard state.canWrite else {
            state.post("read-only: reset is disabled", .notice)
            return
        }
        guard !instance.entityId.contains("\u{FFFD}") else { return state.post(RebindFlow.invalidIdText, .warning) }
        guard state.switchingTo == nil else { return state.post("switching context: writes wait until it is done", .notice) }
        let defaultNode = state.snapshot?.defaultNodeName ?? ""
        guard instance.explicit else {
            // Nothing to reset: say so at once and send nothing (issue 11).
            state.post("\(TextSanitizer.visible(instance.name)) already follows the default node (\(defaultNode)): nothing to reset", .notice)
            return
        }
        state.overlays.append(.confirmReset(ResetConfirm(instance: instance, defaultNode: defaultNode)))
    }

    static func key(_ state: inout AppState, _ confirm: ResetConfirm, _ key: Key) -> [Effect] {
        if confirm.sending || confirm.verifying {
            if key == .escape { state.overlays.removeLast() }
            return []
        }
        switch key {
        case .char("y"), .char("Y"):
            var sending = confirm
            sending.sending = true
            sending.error = nil
            state.overlays[state.overlays.count - 1] = .confirmReset(sending)
            return [.deleteAssignment(confirm.key, prior: .explicit(node: confirm.instance.nodeName, mode: confirm.instance.mode))]
        case .char("n"), .char("N"), .escape, .char("q"):
            state.overlays.removeLast()
        default:
            break
        }
        return []
    }

    static func deleted(_ state: inout AppState, key: EntityKey, _ result: Result<Bool, ClusterError>) -> [Effect] {
        guard let (index, open) = openConfirm(state, key) else { return answeredAfterClose(&state, key, result) }
        var confirm = open
        switch result {
        case .failure(.outcomeUnknown):
            // Sent, reply lost: re-read before saying anything (issue 13).
            confirm.sending = false
            confirm.verifying = true
            state.overlays[index] = .confirmReset(confirm)
            return [.recheckLostWrite(.reset(key))]
        case .failure(let error):
            confirm.sending = false
            confirm.error = error.description
            state.overlays[index] = .confirmReset(confirm)
        case .success(let removed):
            state.overlays.remove(at: index)
            let name = TextSanitizer.visible(confirm.instance.name)
            if removed {
                state.post("reset \(name) to the default node; checking…", .notice)
            } else {
                state.post("\(name) was already on the default node (nothing removed)", .notice)
            }
            expectDefault(&state, key)
        }
        return []
    }

    /// The answer to a reset whose confirmation was closed (Esc) while it was
    /// sent: still reported, and a lost reply still re-read.
    private static func answeredAfterClose(_ state: inout AppState, _ key: EntityKey, _ result: Result<Bool, ClusterError>) -> [Effect] {
        let label = TextSanitizer.visible(key.description)
        switch result {
        case .success(let removed):
            state.post(removed ? "reset \(label) to the default node; checking…" : "\(label) was already on the default node", .notice)
            expectDefault(&state, key)
        case .failure(.outcomeUnknown):
            return [.recheckLostWrite(.reset(key))]
        case .failure(let error):
            state.post("reset of \(label) failed: \(ErrorExcerpt.short(error, limit: 100))", .warning)
        }
        return []
    }

    /// After a reset landed: look for it in the next polls.
    static func expectDefault(_ state: inout AppState, _ key: EntityKey) {
        state.pendingCheck = PendingCheck(key: key, nodeName: nil, mode: nil)
        state.overviewPoll.requestNow(state.now)
        state.instancesPoll.requestNow(state.now)
    }

    /// The open confirmation for `key`, with its index in the overlays.
    static func openConfirm(_ state: AppState, _ key: EntityKey) -> (Int, ResetConfirm)? {
        guard let index = state.overlays.lastIndex(where: {
            if case .confirmReset(let c) = $0 { return c.key == key } else { return false }
        }), case .confirmReset(let confirm) = state.overlays[index] else { return nil }
        return (index, confirm)
    }
}
