import ClusterGrid
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// Marks, and the forms that turn them (or a node to evacuate) into a
/// plan (issue 10). Marks are kept by entity, so polls and sorts keep
/// them; rows that disappear lose theirs (`Polling`).
package enum BulkFlow {
    /// Space: mark or unmark the selected row, then move down.
    package static func toggleMark(_ state: inout AppState) {
        guard state.focus == .instances else { return state.post("marks are for instances: Tab to the instances pane", .notice) }
        guard let instance = state.selectedInstance else { return }
        if state.marks.remove(instance.key) == nil { state.marks.insert(instance.key) }
        _ = KeyHandling.moveCursor(&state, KeyAction.moveDown)
    }

    /// `*`: mark every row the filter shows, or unmark them all if all are marked.
    package static func markAll(_ state: inout AppState) {
        guard state.focus == .instances, let snapshot = state.snapshot else {
            return state.post("marks are for instances: Tab to the instances pane", .notice)
        }
        let keys = state.derived.instanceRows.map { snapshot.instances[$0].key }
        if keys.allSatisfy(state.marks.contains) {
            state.marks.subtract(keys)
            state.post("unmarked \(Fmt.count(keys.count))")
        } else {
            state.marks.formUnion(keys)
            state.post("marked \(Fmt.count(keys.count)) shown rows; \(Fmt.count(state.marks.count)) marked in all")
        }
    }

    /// Enter / e with rows marked: the bulk rebind form.
    package static func openRebind(_ state: inout AppState) {
        guard writesAllowed(&state, "bulk rebind") else { return }
        let keys = state.marks.sorted()
        if let bad = keys.first(where: { $0.entityId.contains("\u{FFFD}") }) {
            return state.post("\(TextSanitizer.visible(bad.description)): " + RebindFlow.invalidIdText, .warning)
        }
        open(&state, .rebind(keys))
    }

    /// `E` on a node: the evacuate form.
    package static func openEvacuate(_ state: inout AppState, node: String) {
        guard writesAllowed(&state, "evacuate") else { return }
        open(&state, .evacuate(node: node))
    }

    /// Plans are allowed read-only too (to export); this only refuses while switching.
    private static func writesAllowed(_ state: inout AppState, _ what: String) -> Bool {
        guard state.snapshot != nil else { state.post("no cluster data yet", .notice); return false }
        guard state.switchingTo == nil else { state.post("switching context: \(what) waits until it is done", .notice); return false }
        return true
    }

    private static func open(_ state: inout AppState, _ purpose: BulkForm.Purpose) {
        var form = BulkForm(id: state.nextFormID, purpose: purpose)
        if case .evacuate(let node) = purpose, let snapshot = state.snapshot {
            form.counts = BulkForm.EvacuateCounts(node: node, in: snapshot)
        }
        state.nextFormID += 1
        state.overlays.append(.bulk(form))
    }

    package static func choices(_ state: AppState, _ form: BulkForm) -> [String?] { state.bulkChoices(for: form) }

    package static func key(_ state: inout AppState, _ form: inout BulkForm, _ key: Key) {
        form.error = nil
        switch key {
        case .escape: close(&state, form)
        case .tab, .backTab: cycleField(&form, forward: key == .tab)
        case .up, .down, .pageUp, .pageDown, .home, .end: movePicker(state, &form, key)
        case .left, .right: if form.field == .mode { cycleMode(&form, forward: key == .right) }
        case .char(" ") where form.field == .mode: cycleMode(&form, forward: true)
        case .char(" ") where form.field == .includeDefault: form.includeDefault.toggle()
        case .enter:
            if form.field == .cancel { return close(&state, form) }
            makePlan(&state, &form)
        case _ where form.field == .target && TextEditing.isEditingKey(key):
            TextEditing.apply(key, to: &form.pickerText, limit: 100)
            snap(state, &form)
        default: break
        }
    }

    private static func cycleField(_ form: inout BulkForm, forward: Bool) {
        let fields = form.fields
        let i = fields.firstIndex(of: form.field) ?? 0
        form.field = fields[(i + (forward ? 1 : fields.count - 1)) % fields.count]
    }

    private static func cycleMode(_ form: inout BulkForm, forward: Bool) {
        let modes: [AssignmentMode?] = [nil, .strict, .preferred]
        let i = modes.firstIndex(of: form.mode) ?? 0
        form.mode = modes[(i + (forward ? 1 : 2)) % 3]
    }

    private static func movePicker(_ state: AppState, _ form: inout BulkForm, _ key: Key) {
        let rows = choices(state, form)
        let current = rows.firstIndex(of: form.targetNode) ?? 0
        form.targetNode = rows[PickerStep.next(from: current, key, count: rows.count)]
        form.field = .target
    }

    /// After typing: the first node that matches (spread when nothing does).
    private static func snap(_ state: AppState, _ form: inout BulkForm) {
        let rows = choices(state, form)
        if !rows.contains(form.targetNode) || form.targetNode == nil { form.targetNode = rows.dropFirst().first ?? nil }
    }

    /// Builds the plan from the screen's snapshot and opens the plan view in place of the form.
    private static func makePlan(_ state: inout AppState, _ form: inout BulkForm) {
        guard let inputs = planInputs(state) else { return }
        let stamp = planStamp(&state)
        let target: PlanTarget = form.targetNode.map { .node($0) } ?? .spread
        do {
            let plan: MovePlan = switch form.purpose {
            case .rebind(let keys):
                try PlanBuilder.rebind(keys, to: target, mode: form.mode, inputs: inputs, stamp: stamp)
            case .evacuate(let node):
                try PlanBuilder.evacuate(node, to: target, mode: form.mode, includeDefault: form.includeDefault,
                                         inputs: inputs, stamp: stamp)
            }
            close(&state, form)
            PlanReviewFlow.open(&state, plan)
        } catch {
            form.error = error.description
        }
    }

    /// What the planner needs, from the screen's snapshot and the risk of the
    /// same moment (computed now only if the derived one is missing).
    package static func planInputs(_ state: AppState) -> PlanInputs? {
        guard let snapshot = state.snapshot else { return nil }
        let risk = state.derived.risk ?? RiskContext(snapshot: snapshot, now: state.observedAt, thresholds: state.thresholds)
        return PlanInputs(snapshot: snapshot, risk: risk)
    }

    /// A new batch id and the cluster the dashboard is on.
    package static func planStamp(_ state: inout AppState) -> PlanStamp {
        PlanStamp(id: MovePlan.newID(at: state.now, random: state.random.next()), createdAt: state.serverNow,
                  context: state.config.currentContext, url: state.config.clusterURL)
    }

    package static func close(_ state: inout AppState, _ form: BulkForm) {
        state.overlays.close(.bulk(form.id))
    }
}
