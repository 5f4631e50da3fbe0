import ClusterGrid
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// The life of a rebind: open the form, take its keys, confirm risky
/// targets, hand the write to the write engine (which re-reads the binding
/// first, sends the PUT and re-reads again when the answer says nothing),
/// and report its outcome (errors stay inside the open form).
package enum RebindFlow {
    package static func open(_ state: inout AppState, _ instance: Instance) {
        guard mayStartWrite(&state, on: instance, disabled: "rebinding") else { return }
        let assignment = state.snapshot?.assignmentsByKey[instance.key]
        var form = RebindForm(id: state.nextFormID, instance: instance, assignment: assignment)
        // An orphan's node is not in the registry, so not in the picker: point at the first real choice.
        snapPicker(state, &form)
        state.nextFormID += 1
        state.overlays.append(.rebind(form))
    }

    /// Whether a form may open for a write to `instance`; if not, says why
    /// (read-only, an id that cannot travel back, a context switch under way).
    package static func mayStartWrite(_ state: inout AppState, on instance: Instance, disabled what: String) -> Bool {
        if !state.canWrite {
            state.post("read-only: \(what) is disabled", .notice)
        } else if instance.entityId.contains("\u{FFFD}") {
            state.post(invalidIdText, .warning)
        } else if state.switchingTo != nil {
            state.post("switching context: writes wait until it is done", .notice)
        } else {
            return true
        }
        return false
    }

    /// Issue 13: an id the server sent as invalid UTF-8 is shown with `�`
    /// and cannot travel back byte for byte.
    package static let invalidIdText =
        "this id is not valid UTF-8 as the server sent it (shown with �): it cannot be written back; fix it on the server"

    /// The nodes the picker shows right now.
    package static func candidates(_ state: AppState, _ form: RebindForm) -> [Node] { state.pickerNodes(for: form) }

    package static func key(_ state: inout AppState, _ form: inout RebindForm, _ key: Key) -> [Effect] {
        switch form.phase {
        case .sending:
            // Waiting on the server: only Esc, which closes the form (the outcome is then posted).
            if key == .escape { close(&state, form) }
            return []
        case .confirmRisk:
            if key == .char("y") || key == .char("Y") {
                return send(&state, &form)
            }
            form.phase = .editing
            return []
        case .conflict:
            if key == .char("y") || key == .char("Y") {
                return send(&state, &form)
            }
            form.phase = .editing
            return []
        case .editing:
            return editing(&state, &form, key)
        }
    }

    private static func editing(_ state: inout AppState, _ form: inout RebindForm, _ key: Key) -> [Effect] {
        switch key {
        case .escape:
            close(&state, form)
            return []
        case .tab:
            form.field = RebindForm.Field(rawValue: (form.field.rawValue + 1) % RebindForm.Field.allCases.count) ?? .picker
        case .backTab:
            let n = RebindForm.Field.allCases.count
            form.field = RebindForm.Field(rawValue: (form.field.rawValue + n - 1) % n) ?? .picker
        case .up, .down, .pageUp, .pageDown, .home, .end:
            movePicker(state, &form, key)
        case .left, .right:
            if form.field == .apply || form.field == .cancel {
                form.field = form.field == .apply ? .cancel : .apply
            } else {
                toggleMode(&form)
            }
        case .enter:
            if form.field == .cancel { close(&state, form); return [] }
            return apply(&state, &form)
        case _ where form.field == .picker && TextEditing.isEditingKey(key):
            TextEditing.apply(key, to: &form.pickerText, limit: 100)
            snapPicker(state, &form)
        case .char(" ") where form.field == .mode:
            toggleMode(&form)
        case .char("s") where form.field == .mode:
            form.mode = .strict
        case .char("p") where form.field == .mode:
            form.mode = .preferred
        default:
            break
        }
        form.error = nil
        return []
    }

    private static func toggleMode(_ form: inout RebindForm) {
        form.mode = form.mode == .strict ? .preferred : .strict
    }

    private static func movePicker(_ state: AppState, _ form: inout RebindForm, _ key: Key) {
        let nodes = candidates(state, form)
        guard !nodes.isEmpty else { return }
        let current = nodes.firstIndex { $0.name == form.selectedNode } ?? -1
        form.selectedNode = nodes[PickerStep.next(from: current, key, count: nodes.count)].name
        form.field = .picker
    }

    /// After typing, keep the selection if it still matches, else take the first match.
    private static func snapPicker(_ state: AppState, _ form: inout RebindForm) {
        let nodes = candidates(state, form)
        if !nodes.contains(where: { $0.name == form.selectedNode }) { form.selectedNode = nodes.first?.name }
    }

    /// Apply pressed: validate, ask about a risky target, then re-read before sending.
    private static func apply(_ state: inout AppState, _ form: inout RebindForm) -> [Effect] {
        guard let target = form.selectedNode else {
            form.error = "no node matches \"\(form.pickerText)\": pick a node first"
            return []
        }
        if form.instance.explicit, form.instance.nodeName == target, form.instance.mode == form.mode {
            form.error = "already bound to \(target) (\(form.mode)): nothing to change"
            return []
        }
        let node = state.snapshot?.nodesByName[target]
        if let reason = RebindForm.riskReason(
            node: node, name: target, mode: form.mode, now: state.observedAt, thresholds: state.thresholds
        ) {
            form.phase = .confirmRisk(reason: reason)
            return []
        }
        return send(&state, &form)
    }

    /// The write as a plan of one item, from the binding the form saw.
    private static func send(_ state: inout AppState, _ form: inout RebindForm) -> [Effect] {
        guard let target = form.selectedNode else { form.phase = .editing; return [] }
        form.phase = .sending
        let item = PlanItem(key: form.key, name: form.instance.name, from: PlanBinding(form.assignmentSeen),
                            fromNode: form.instance.nodeName, to: .explicit(node: target, mode: form.mode))
        return [.write(.rebind(formID: form.id), MovePlan.single(item, at: state.now))]
    }

    /// The engine's outcome: close and say so, show who changed it, or keep
    /// the form open with the reason.
    package static func finished(_ state: inout AppState, formID: Int, _ outcome: ItemOutcome) -> [Effect] {
        guard var form = openForm(state, formID), form.phase == .sending else {
            WriteOutcomeText.postClosed(&state, outcome, verb: "rebind", label: "the instance")
            return []
        }
        let name = TextSanitizer.visible(form.instance.name)
        switch outcome {
        case .applied(let to, let how):
            close(&state, form)
            state.post("bound \(name) to \(TextSanitizer.visible(to.description)); "
                       + (how == .reread ? WriteOutcomeText.confirmed : "checking…"), .notice)
            expect(&state, form.key, to)
            return []
        case .unchanged(let to):
            close(&state, form)
            state.post("\(name) is already \(TextSanitizer.visible(to.description)): nothing was sent", .notice)
            return []
        case .changedMeanwhile(_, let now, let row):
            form.phase = .conflict(detail: WriteOutcomeText.change(now, row))
            form.assignmentSeen = row
        case .unknown:
            // The form closes: the next key typed erased the line and could resend (a new user's run).
            // A later read settles it (`writeSettled`); the next overview is asked for now.
            close(&state, form)
            state.postUntilKey("rebind of \(name): " + WriteOutcomeText.problem(outcome), .warning)
            state.overviewPoll.requestNow(state.now)
            return []
        case .notApplied, .notAttempted, .vanished:
            form.phase = .editing
            form.error = WriteOutcomeText.problem(outcome)
        }
        replace(&state, form)
        return []
    }

    /// A write that landed: look for it in the next overview, which is asked for now.
    package static func expect(_ state: inout AppState, _ key: EntityKey, _ binding: PlanBinding) {
        state.pendingCheck = PendingCheck(key: key, nodeName: binding.node, mode: binding.mode, since: state.now)
        state.overviewPoll.requestNow(state.now)
    }

    package static func openForm(_ state: AppState, _ id: Int) -> RebindForm? {
        if case .rebind(let form)? = state.overlays.find(.rebind(id)) { return form }
        return nil
    }

    package static func replace(_ state: inout AppState, _ form: RebindForm) { state.overlays.replace(.rebind(form)) }

    package static func close(_ state: inout AppState, _ form: RebindForm) { state.overlays.close(.rebind(form.id)) }
}
