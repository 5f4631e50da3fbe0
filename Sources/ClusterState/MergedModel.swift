import ClusterGrid
import ClusterModel
import Foundation

/// One cluster's part of the merged tables (issue 23): its nodes and
/// instances in its own order, as of its last good overview (the open
/// cluster: as its panes show them), with what filter terms and cells need.
package struct MergedSource: Sendable {
    package var name: String
    /// The cluster the dashboard has open: its cells come from the panes' own data.
    package var isOpen: Bool
    package var snapshot: ClusterSnapshot
    /// Risk, node health and `ctx:` for this cluster's rows.
    package var filter: FilterContext
    /// Its polls fail: the rows are those of its last good poll.
    package var stale: Bool
    /// Its nodes, problems first, ghosts left out.
    package var nodes: [Node]
    /// Its ghosts (folded, as the node pane folds them by default).
    package var ghosts: [Node]
    /// Indices into `snapshot.instances`, most at risk first; empty until its list is read.
    package var instanceOrder: [Int]
    /// What the source was made from: unchanged, it is reused.
    var key: MergedSourceKey
    /// Its rows in the merged table's sorted order, while that sort stays.
    var order: MergedOrder?
}

/// What a source was made from, to reuse it while nothing changed.
struct MergedSourceKey: Equatable {
    var revision: Int
    var overviewAt: Date?
    var listAt: Date?
    var stale: Bool
}

/// One row of a merged table: which cluster, and which of its nodes or
/// instances (an index into `nodes` or `snapshot.instances`).
package struct MergedRow: Sendable, Equatable {
    package var source: Int32
    package var index: Int32
}

/// What decides a merged table's rows; equal inputs, same rows.
struct MergedInputs: Equatable {
    var kind: MergedKind
    var query: FilterQuery?
    var sort: MergedSort?
    /// The open cluster's moment, while the sort is by age (its rows move as it ticks).
    var clock: Date?
    var open: Int
    var fleet: Int
    /// The open cluster's polls, which its rows' stale mark and its reason for no rows read.
    var openPolls: OpenPolls
}

/// The open cluster's poll state as the merged tables show it: whether its
/// rows are stale, and why its overview or its list is missing.
struct OpenPolls: Equatable {
    var stale: Bool
    var overviewError: String?
    var listError: String?
}

/// The merged tables' view model (issue 23), computed in the state layer
/// when its inputs change (`AppState.refreshMerged`), never per frame.
package struct MergedModel: Sendable {
    package var kind: MergedKind
    package var sources: [MergedSource]
    package var rows: [MergedRow]
    /// Clusters with nothing to list, and why: "no answer yet", "unreachable", "instance list on its way".
    package var absent: [(name: String, why: String)]
    /// Ghost nodes the filter would show, left out (folded).
    package var ghosts: Int
    /// Clusters with at least one row.
    package var clusters: Int
    var inputs: MergedInputs

    /// The cluster and subject of `row`, to anchor the cursor and to open it.
    package func id(of row: MergedRow) -> PendingSelect {
        let source = sources[Int(row.source)]
        switch kind {
        case .nodes: return PendingSelect(context: source.name, subject: .node(source.nodes[Int(row.index)].name))
        case .instances: return PendingSelect(context: source.name, subject: .instance(source.snapshot.instances[Int(row.index)].key))
        }
    }
}

extension MergedSource {
    /// A background cluster's node cell, on its own clock at its last poll.
    package func nodeCell(_ node: Node, glyphs: Glyphs) -> NodeCell {
        let now = filter.risk.now
        let health = filter.risk.health(ofNode: node.name) ?? node.health(now: now, thresholds: filter.risk.thresholds)
        var cell = NodeCell(node: node, health: health, now: now, glyphs: glyphs)
        cell.mark(from: snapshot)
        return cell
    }

    /// An instance's cell: its risk and its node's health in this cluster.
    package func instanceCell(_ instance: Instance, glyphs: Glyphs) -> InstanceCell {
        InstanceCell(instance: instance, risk: filter.risk.risk(of: instance), nodeHealth: filter.risk.health(ofNode: instance.nodeName),
                     glyphs: glyphs, updatedBy: instance.explicit ? snapshot.assignmentsByKey[instance.key]?.updatedBy : nil)
    }
}
