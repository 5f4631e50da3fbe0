import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The details of one node (its fields and the instances bound to it) or of
/// one instance (its binding, who changed it and when, its risk).
package enum DetailsOverlay {
    package static func drawNode(_ state: AppState, name: String, into screen: inout Screen, glyphs: Glyphs) {
        guard let snapshot = state.snapshot else { return }
        let frame = ModalFrame(screen: screen, width: 90, height: 24)
        frame.draw(into: &screen, title: "Node \(name) — E evacuate · Esc close")
        guard let node = snapshot.nodesByName[name] else {
            frame.line(&screen, 0, "This node is no longer in the registry.", style: TextStyle(role: .warning, bold: true))
            return
        }
        let now = state.observedAt
        let health = node.health(now: now, thresholds: state.thresholds)
        var marks: [String] = []
        if name == snapshot.thisNodeName { marks.append("\(glyphs.thisNode) answering node") }
        if name == snapshot.defaultNodeName { marks.append("\(glyphs.defaultNode) default node") }
        let rows: [(String, String, StyleRole)] = [
            ("status", "\(node.status.rawValue)   health: \(glyphs.health(health)) \(health.label)", Roles.health(health)),
            ("heartbeat", "\(Fmt.age(node.lastHeartbeatAt, now: now, absolute: false)) ago  (\(node.lastHeartbeatAt.map(WireDate.format) ?? "unknown"))", Roles.health(health)),
            ("period", heartbeatPeriod(name, state.thresholds), Roles.health(health)),
            // Issue 20: each node's clock against the answering node's.
            ("clock", HeartbeatClocks.describe(beat: node.lastHeartbeatAt, dataAt: state.heartbeats.dataAt,
                                               lag: state.thresholds.clockLag(of: name))
                ?? (state.heartbeats.dataAt == nil ? "—" : "in step with the answering node"),
             health == .ahead ? .warning : .modal),
            ("started", "\(Fmt.age(node.startedAt, now: now, absolute: false)) ago  (\(node.startedAt.map(WireDate.format) ?? "unknown"))", .modal),
            ("role", node.role.rawValue, .modal),
            ("version", node.version ?? "—", state.derived.nodeSummary?.isSkewed(node) == true ? .warning : .modal),
            ("host / pid", "\(node.hostname ?? "—") / \(node.pid.map(String.init) ?? "—")", .modal),
            ("url", node.url ?? "—", .modal),
            ("tags", node.tags.isEmpty ? "—" : node.tags.joined(separator: ", "), .modal),
            ("marks", marks.isEmpty ? "—" : marks.joined(separator: ", "), .modal),
        ]
        var row = 0
        for (label, value, role) in rows {
            frame.line(&screen, row, label, style: TextStyle(role: .dim))
            frame.line(&screen, row, value, style: TextStyle(role: role), indent: 12)
            row += 1
        }
        if let history = state.history?.nodes[name] {
            row = NodeHistorySection.draw(history, period: state.thresholds.period(of: name), frame: frame,
                                          row: row, into: &screen, glyphs: glyphs, words: state.config.accessible)
        }
        drawBound(snapshot.instances.filter { $0.nodeName == name }, to: name, frame: frame, row: row + 1, into: &screen)
    }

    /// The instances on the node: the rows that fit; when some do not, the
    /// last row says how many and where to see them all.
    private static func drawBound(_ bound: [Instance], to name: String, frame: ModalFrame, row top: Int, into screen: inout Screen) {
        var row = top
        frame.line(&screen, row, "Instances bound here: \(Fmt.count(bound.count))", style: TextStyle(role: .title, bold: true))
        row += 1
        let room = max(0, frame.innerHeight - row)
        let shown = bound.count > room ? max(0, room - 1) : bound.count
        for instance in bound.prefix(shown) {
            let text = "\(instance.entityType.rawValue)  \(instance.name)  \(instance.mode.rawValue)  \(instance.explicit ? "explicit" : "default")"
            frame.line(&screen, row, text, indent: 2)
            row += 1
        }
        if shown < bound.count {
            frame.line(&screen, row, "… \(Fmt.count(bound.count - shown)) more: / node:\(name) in the instances pane lists them all",
                       style: TextStyle(role: .dim), indent: 2)
        }
    }

    /// The node's heartbeat period, learned or assumed, and what it makes
    /// late and silent: "every 2 s (learned) · late after 4 s · silent after 30 s".
    package static func heartbeatPeriod(_ name: String, _ t: HeartbeatThresholds) -> String {
        func s(_ x: TimeInterval) -> String {
            let tenths = (x * 10).rounded() / 10
            return tenths == tenths.rounded() ? "\(Int(tenths)) s" : String(format: "%.1f s", tenths)
        }
        let limits = "late after \(s(t.lateAfter(node: name))) · silent after \(s(t.staleAfter(node: name)))"
        guard let learned = t.learned[name], !(learned.provisional && learned.period >= t.interval) else {
            return "every \(s(t.interval)) (assumed until learned) · \(limits)"
        }
        let period = t.period(learned: learned)
        var text = if learned.provisional {
            "every \(s(period)) or less (learning) · \(limits)"
        } else if learned.period > period + 0.05 {
            // A new beat at every poll: only the most it can be (its median step) is known.
            "every \(s(learned.period)) or less (learned) · \(limits)"
        } else {
            "every \(s(period)) (learned) · \(limits)"
        }
        if learned.clockLag != 0 { text += " · clock \(s(abs(learned.clockLag).rounded())) \(learned.clockLag > 0 ? "behind" : "ahead")" }
        return text
    }

    package static func drawInstance(_ state: AppState, key: EntityKey, into screen: inout Screen, glyphs: Glyphs) {
        guard let snapshot = state.snapshot else { return }
        let frame = ModalFrame(screen: screen, width: 90, height: 8)
        frame.draw(into: &screen, title: state.canWrite ? "Instance — Enter rebind · x reset · Esc close" : "Instance — Esc closes")
        guard let instance = snapshot.instances.first(where: { $0.key == key }) else {
            frame.line(&screen, 0, "This instance is no longer listed.", style: TextStyle(role: .warning, bold: true))
            return
        }
        let assignment = snapshot.assignmentsByKey[key]
        let risk = state.derived.risk?.risk(of: instance) ?? .none
        let rows: [(String, String, StyleRole)] = [
            ("name", instance.name, .modal),
            ("type / id", "\(instance.entityType.rawValue)  \(instance.entityId)", .modal),
            ("subtitle", instance.subtitle ?? "—", .modal),
            ("tenant", "\(instance.tenantSlug ?? "—") (\(instance.tenantId ?? "—"))  project \(instance.projectId ?? "—")", .modal),
            ("binding", BindingText.describe(instance, assignment: assignment, now: state.observedAt), .modal),
            ("risk", risk == .none ? "none" : "\(risk.label): \(risk.explanation)", risk == .none ? .ok : .risk),
        ]
        for (row, (label, value, role)) in rows.enumerated() {
            frame.line(&screen, row, label, style: TextStyle(role: .dim))
            frame.line(&screen, row, value, style: TextStyle(role: role), indent: 12)
        }
    }
}

/// One line describing an instance's binding: node, mode, explicit or not,
/// who set it and when.
package enum BindingText {
    package static func describe(_ instance: Instance, assignment: Assignment?, now: Date) -> String {
        guard instance.explicit else {
            return "default node \(instance.nodeName) (\(instance.mode.rawValue), no assignment row)"
        }
        var text = "\(instance.nodeName) (\(instance.mode.rawValue), explicit)"
        if let assignment {
            text += " set by \(assignment.updatedBy ?? "unknown")"
            if let at = assignment.updatedAt { text += " \(AgeFormat.compact(now.timeIntervalSince(at))) ago (\(WireDate.format(at)))" }
        }
        return text
    }
}
