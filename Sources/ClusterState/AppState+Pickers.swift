import ClusterModel
import Foundation

/// What the forms' pickers and the plan view offer right now: queries on
/// the state that both the flows (keys) and the views (drawing) read, so a
/// view never calls a flow (issue 19).
extension AppState {
    /// The nodes the rebind form's picker shows for its typed text.
    package func pickerNodes(for form: RebindForm) -> [Node] {
        guard let snapshot else { return [] }
        return RebindForm.candidates(in: snapshot, text: form.pickerText, now: observedAt, thresholds: thresholds)
    }

    /// The bulk form's targets (`nil` = spread).
    package func bulkChoices(for form: BulkForm) -> [String?] {
        guard let snapshot else { return [nil] }
        return BulkForm.choices(form, in: snapshot, now: observedAt, thresholds: thresholds)
    }

    /// How many plan rows the plan view shows at this terminal height.
    package var planListRows: Int { max(3, height - 14) }
}
