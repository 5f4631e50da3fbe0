import ClusterModel
import Foundation

/// The form of a bulk rebind (the marked rows) or of evacuating a node:
/// one target node or spread, a mode (or keep each one's), and for
/// evacuate whether to pin the entities that follow the node as default.
/// It makes a plan; nothing is sent from here.
package struct BulkForm: Sendable, Equatable {
    /// What the form moves.
    package enum Purpose: Sendable, Equatable {
        case rebind([EntityKey])
        case evacuate(node: String)
    }

    /// The parts that take keys, in `Tab` order (`includeDefault` only for evacuate).
    package enum Field: Int, Sendable, CaseIterable, Equatable { case target, mode, includeDefault, plan, cancel }

    package let id: Int
    package let purpose: Purpose
    package var pickerText = ""
    /// `nil` = spread across healthy nodes; else the node's name.
    package var targetNode: String?
    /// `nil` = keep each entity's mode.
    package var mode: AssignmentMode?
    /// Off by default and not remembered (issue 10).
    package var includeDefault = false
    package var field: Field = .target
    package var error: String?
    /// For evacuate, counted once when the form opens (not per frame, over
    /// 100,000 instances at S2): explicit rows on the node, how many of them
    /// strict, and the entities that follow it as the default node.
    package var counts = EvacuateCounts()

    package init(id: Int, purpose: Purpose, pickerText: String = "", targetNode: String? = nil, mode: AssignmentMode? = nil, includeDefault: Bool = false, field: Field = .target, error: String? = nil, counts: EvacuateCounts = EvacuateCounts()) {
        self.id = id; self.purpose = purpose; self.pickerText = pickerText; self.targetNode = targetNode; self.mode = mode; self.includeDefault = includeDefault; self.field = field; self.error = error; self.counts = counts
    }

    package var title: String {
        switch purpose {
        case .rebind(let keys): "Rebind \(keys.count) marked"
        case .evacuate(let node): "Evacuate \(TextSanitizer.visible(node))"
        }
    }

    package var fields: [Field] {
        if case .evacuate = purpose { return Field.allCases }
        return Field.allCases.filter { $0 != .includeDefault }
    }

    package var modeText: String { mode?.rawValue ?? "keep each one's" }

    /// What an evacuation would take, shown in its form.
    package struct EvacuateCounts: Sendable, Equatable {
        package var bound = 0
        package var strict = 0
        package var followers = 0

        package init() {}

        package init(node: String, in snapshot: ClusterSnapshot) {
            for row in snapshot.overview.assignments where row.nodeName == node {
                bound += 1
                if row.mode != .preferred { strict += 1 }
            }
            for instance in snapshot.instances where !instance.explicit && instance.nodeName == node { followers += 1 }
        }
    }

    /// The picker's rows: spread first, then the live nodes the text matches
    /// (never the node being evacuated).
    package static func choices(_ form: BulkForm, in snapshot: ClusterSnapshot, now: Date, thresholds: HeartbeatThresholds) -> [String?] {
        var excluded: String?
        if case .evacuate(let node) = form.purpose { excluded = node }
        let nodes = RebindForm.candidates(in: snapshot, text: form.pickerText, now: now, thresholds: thresholds)
            .map(\.name).filter { $0 != excluded }
        return [nil] + nodes
    }
}
