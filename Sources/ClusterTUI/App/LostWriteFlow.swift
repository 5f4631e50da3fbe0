import ClusterModel
import Foundation

/// A write whose reply was lost (issue 13): the form or confirmation says
/// "checking whether it was applied…" while the overview is re-read, then
/// tells the truth: applied (confirmed by re-reading), not applied (safe to
/// retry), or unknown when the re-read failed too. Never "failed" for a
/// write that landed.
enum LostWriteFlow {
    static func rechecked(
        _ state: inout AppState, _ write: LostWrite, _ result: Result<Fetched<Overview>, ClusterError>
    ) -> [Effect] {
        let verdict: Result<WriteCheck, ClusterError> = result.flatMap { fetched in
            fetched.value.map { .success(write.check($0)) } ?? .failure(.malformed("overview: empty reply"))
        }
        switch write {
        case .rebind(let formID, let key, let node, let mode):
            rebind(&state, formID: formID, key: key, node: node, mode: mode, verdict)
        case .reset(let key):
            reset(&state, key, verdict)
        }
        return []
    }

    static let confirmed = "applied; the reply was lost, confirmed by re-reading"

    static func unknownText(_ error: ClusterError) -> String {
        "outcome unknown: the reply was lost and re-reading failed (\(ErrorExcerpt.short(error))); "
            + "it may or may not have been applied: look at the next poll before retrying"
    }

    static func notAppliedText(_ current: Assignment?) -> String {
        let now = current.map { "bound to \($0.nodeName) (\($0.mode))" } ?? "following the default node"
        return "not applied: the reply was lost and a re-read shows it still \(now); safe to retry"
    }

    private static func rebind(
        _ state: inout AppState, formID: Int, key: EntityKey, node: String, mode: AssignmentMode,
        _ verdict: Result<WriteCheck, ClusterError>
    ) {
        let open = RebindFlow.openForm(state, formID).flatMap { $0.phase == .verifying ? $0 : nil }
        switch verdict {
        case .success(.applied(let row)):
            let instance = open?.instance ?? state.snapshot?.instances.first { $0.key == key }
            if let open { RebindFlow.close(&state, open) }
            let stored = row ?? Assignment(entityType: key.entityType, entityId: key.entityId, nodeName: node, mode: mode)
            if let instance { RebindFlow.succeeded(&state, instance, stored, note: confirmed) }
        case .success(.notApplied(let current)):
            guard var form = open else { return state.post(notAppliedText(current), .warning) }
            form.phase = .editing
            form.error = notAppliedText(current)
            RebindFlow.replace(&state, form)
        case .failure(let error):
            guard var form = open else { return state.post(unknownText(error), .warning) }
            form.phase = .editing
            form.error = unknownText(error)
            RebindFlow.replace(&state, form)
        }
    }

    private static func reset(_ state: inout AppState, _ key: EntityKey, _ verdict: Result<WriteCheck, ClusterError>) {
        let open = ResetFlow.openConfirm(state, key).flatMap { $0.1.verifying ? $0 : nil }
        switch verdict {
        case .success(.applied):
            if let (index, _) = open { state.overlays.remove(at: index) }
            state.post("reset \(TextSanitizer.visible(key.entityId)) to the default node; \(confirmed)", .notice)
            ResetFlow.expectDefault(&state, key)
        case .success(.notApplied(let current)):
            guard let (index, confirm) = open else { return state.post(notAppliedText(current), .warning) }
            var shown = confirm
            shown.verifying = false
            shown.error = notAppliedText(current)
            state.overlays[index] = .confirmReset(shown)
        case .failure(let error):
            guard let (index, confirm) = open else { return state.post(unknownText(error), .warning) }
            var shown = confirm
            shown.verifying = false
            shown.error = unknownText(error)
            state.overlays[index] = .confirmReset(shown)
        }
    }
}
