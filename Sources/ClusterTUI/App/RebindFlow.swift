import ClusterModel
import Foundation

/// The life of a rebind: open the form, take its keys, confirm risky
/// targets, re-read the overview to catch a concurrent change, send the PUT,
/// and report the outcome (errors stay inside the open form).
enum RebindFlow {
    static func open(_ state: inout AppState, _ instance: Instance) {
        guard state.canWrite else {
            state.post("read-only: rebinding is disabled", .notice)
            return
        }
        guard !instance.entityId.contains("\u{FFFD}") else { return state.post(Self.invalidIdText, .warning) }
        guard state.switchingTo == nil else { return state.post("switching context: writes wait until it is done", .notice) }
        let assignment = state.snapshot?.assignmentsByKey[instance.key]
        var form = RebindForm(id: state.nextFormID, instance: instance, assignment: assignment)
        // An orphan's node is not in the registry, so not in the picker: point at the first real choice.
        snapPicker(state, &form)
        state.nextFormID += 1
        state.overlays.append(.rebind(form))
    }

    /// Issue 13: an id the server sent as invalid UTF-8 is shown with `�`
    /// and cannot travel back byte for byte.
    static let invalidIdText =
        "this id is not valid UTF-8 as the server sent it (shown with �): it cannot be written back; fix it on the server"

    /// The nodes the picker shows right now.
    static func candidates(_ state: AppState, _ form: RebindForm) -> [Node] {
        guard let snapshot = state.snapshot else { return [] }
        return RebindForm.candidates(in: snapshot, text: form.pickerText, now: state.observedAt, thresholds: state.thresholds)
    }

    static func key(_ state: inout AppState, _ form: inout RebindForm, _ key: Key) -> [Effect] {
        switch form.phase {
        case .checking, .sending, .verifying:
            // Waiting on the server: only Esc, which abandons the form (the reply is then ignored).
            if key == .escape { close(&state, form) }
            return []
        case .confirmRisk:
            if key == .char("y") || key == .char("Y") {
                form.phase = .checking
                return [.recheckBeforeRebind(formID: form.id)]
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
        case .backspace:
            if form.field == .picker, !form.pickerText.isEmpty {
                form.pickerText.removeLast()
                snapPicker(state, &form)
            }
        case .char(" ") where form.field == .mode:
            toggleMode(&form)
        case .char(let c) where form.field == .picker:
            guard form.pickerText.count < 100, !c.isNewline else { break }
            form.pickerText.append(c)
            snapPicker(state, &form)
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
        form.phase = .checking
        return [.recheckBeforeRebind(formID: form.id)]
    }

    private static func send(_ state: inout AppState, _ form: inout RebindForm) -> [Effect] {
        guard let target = form.selectedNode else { form.phase = .editing; return [] }
        form.phase = .sending
        state.sentRebinds[form.id] = .rebind(formID: form.id, key: form.key, nodeName: target, mode: form.mode)
        return [.setAssignment(formID: form.id, key: form.key, nodeName: target, mode: form.mode, prior: PlanBinding(form.assignmentSeen))]
    }

    /// The fresh overview arrived: send, or show who changed the binding meanwhile.
    static func rechecked(_ state: inout AppState, formID: Int, _ result: Result<Fetched<Overview>, ClusterError>) -> [Effect] {
        guard var form = openForm(state, formID), form.phase == .checking else { return [] }
        defer { replace(&state, form) }
        switch result {
        case .failure(let error):
            form.phase = .editing
            form.error = "could not re-check before sending: \(error.description)"
            return []
        case .success(let fetched):
            let current = fetched.value?.assignments.first { $0.key == form.key }
            if fetched.value != nil, !sameBinding(current, form.assignmentSeen) {
                form.phase = .conflict(detail: describeChange(current, state))
                form.assignmentSeen = current
                return []
            }
            return send(&state, &form)
        }
    }

    static func assignmentSet(_ state: inout AppState, formID: Int, _ result: Result<Assignment, ClusterError>) -> [Effect] {
        let sent = state.sentRebinds.removeValue(forKey: formID)
        guard var form = openForm(state, formID) else { return answeredAfterClose(&state, sent, result) }
        switch result {
        case .failure(.outcomeUnknown):
            // Sent, reply lost: never "failed" until a re-read says so (issue 13).
            guard let sent else {
                form.phase = .editing
                form.error = "the reply was lost: look at the next poll before retrying"
                replace(&state, form)
                return []
            }
            form.phase = .verifying
            replace(&state, form)
            return [.recheckLostWrite(sent)]
        case .failure(let error):
            form.phase = .editing
            form.error = error.description
            replace(&state, form)
        case .success(let assignment):
            close(&state, form)
            succeeded(&state, form.instance, assignment, note: "checking…")
        }
        return []
    }

    /// The answer to a rebind whose form was closed (Esc) while it was sent:
    /// still reported, and a lost reply still re-read.
    private static func answeredAfterClose(
        _ state: inout AppState, _ sent: LostWrite?, _ result: Result<Assignment, ClusterError>
    ) -> [Effect] {
        guard case .rebind(_, let key, _, _)? = sent else { return [] }
        let label = TextSanitizer.visible(key.description)
        switch result {
        case .success(let assignment):
            state.post("bound \(label) to \(assignment.nodeName) (\(assignment.mode)); checking…", .notice)
            state.pendingCheck = PendingCheck(key: key, nodeName: assignment.nodeName, mode: assignment.mode)
            state.overviewPoll.requestNow(state.now)
            state.instancesPoll.requestNow(state.now)
        case .failure(.outcomeUnknown):
            if let sent { return [.recheckLostWrite(sent)] }
        case .failure(let error):
            state.post("rebind of \(label) failed: \(ErrorExcerpt.short(error, limit: 100))", .warning)
        }
        return []
    }

    /// A write that landed: close, say so, and look for it in the next polls.
    static func succeeded(_ state: inout AppState, _ instance: Instance, _ assignment: Assignment, note: String) {
        let name = TextSanitizer.visible(instance.name)
        state.post("bound \(name) to \(assignment.nodeName) (\(assignment.mode)); \(note)", .notice)
        state.pendingCheck = PendingCheck(key: instance.key, nodeName: assignment.nodeName, mode: assignment.mode)
        state.overviewPoll.requestNow(state.now)
        state.instancesPoll.requestNow(state.now)
    }

    private static func sameBinding(_ a: Assignment?, _ b: Assignment?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.nodeName == b.nodeName && a.mode == b.mode && a.updatedAt == b.updatedAt && a.updatedBy == b.updatedBy
    }

    private static func describeChange(_ current: Assignment?, _ state: AppState) -> String {
        guard let current else { return "someone reset it to the default node meanwhile" }
        let who = current.updatedBy.map { TextSanitizer.visible($0) } ?? "someone"
        // HH:MM:SSZ: the full ISO date did not fit the form (issue 11).
        let when = current.updatedAt.map { Fmt.clock($0) + "Z" } ?? "an unknown time"
        return "\(who) bound it to \(TextSanitizer.visible(current.nodeName)) (\(current.mode)) at \(when)"
    }

    static func openForm(_ state: AppState, _ id: Int) -> RebindForm? {
        for overlay in state.overlays.reversed() {
            if case .rebind(let form) = overlay, form.id == id { return form }
        }
        return nil
    }

    static func replace(_ state: inout AppState, _ form: RebindForm) {
        for i in state.overlays.indices {
            if case .rebind(let f) = state.overlays[i], f.id == form.id { state.overlays[i] = .rebind(form) }
        }
    }

    static func close(_ state: inout AppState, _ form: RebindForm) {
        state.overlays.removeAll { if case .rebind(let f) = $0 { return f.id == form.id } else { return false } }
    }
}
