import ClusterGrid
import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// Draws the plan view: what the plan does, counts per target, warnings,
/// one row per move (entity, from, to, risk after, and once applying the
/// outcome), and the line of the phase: keys, the confirmation, progress,
/// the summary or the file name being typed.
package enum PlanReviewView {
    package static func draw(_ state: AppState, _ review: PlanReview, into screen: inout Screen, glyphs: Glyphs) {
        let listRows = state.planListRows
        let frame = ModalFrame(screen: screen, width: 130, height: listRows + 10)
        let plan = review.plan
        frame.draw(into: &screen, title: "Plan \(plan.id) · \(plan.kind.rawValue)")
        frame.line(&screen, 0, TextSanitizer.visible(plan.summary), style: TextStyle(role: .modal, bold: true))
        let moves = "\(Fmt.count(plan.items.count)) \(plan.items.count == 1 ? "move" : "moves") · \(Fmt.count(plan.unchanged)) unchanged"
        frame.line(&screen, 1, moves + (review.counts.isEmpty ? "" : " · to " + review.counts), style: TextStyle(role: .accent))
        // Planned while the connection is lost: say so, the data is as of the last good poll.
        let stale = state.isStale ? ["\(glyphs.warning) the cluster as of \(Fmt.clock(state.observedAt)) (connection lost): each item is re-checked before it is sent"] : []
        let warnings = stale + plan.warnings.map { "\(glyphs.warning) \($0)" }
        let notes = warnings + plan.notes.map { "· \($0)" }
        for (i, note) in notes.prefix(3).enumerated() {
            let more = i == 2 && notes.count > 3 ? " (+\(notes.count - 3) more: w writes them all)" : ""
            frame.line(&screen, 2 + i, TextSanitizer.visible(note) + more,
                       style: TextStyle(role: i < warnings.count ? .warning : .dim, bold: i < warnings.count))
        }
        drawList(state, review, frame: frame, into: &screen, top: 5, rows: listRows, glyphs: glyphs)
        drawPhase(state, review, frame: frame, into: &screen, row: 6 + listRows, glyphs: glyphs)
    }

    private static let columns = ["ENTITY", "FROM", "TO", "RISK AFTER", "OUTCOME"]

    private static func drawList(
        _ state: AppState, _ review: PlanReview, frame: ModalFrame, into screen: inout Screen, top: Int, rows: Int, glyphs: Glyphs
    ) {
        let widths = columnWidths(review, width: frame.innerWidth, rows: rows)
        var x = 0
        for (i, title) in columns.enumerated() {
            let shown = i == 3 && widths[3] < DisplayWidth.of(title) ? "RISK" : title
            cellText(&screen, frame, row: top, x: x, width: widths[i], shown, TextStyle(role: .columnHeader, bold: true))
            x += widths[i] + 1
        }
        guard !review.plan.items.isEmpty else {
            frame.line(&screen, top + 1, "nothing to move", style: TextStyle(role: .dim), indent: 2)
            return
        }
        for line in 0..<rows {
            let index = review.scroll + line
            guard index < review.plan.items.count else { break }
            let item = review.plan.items[index]
            let outcome = review.outcomes[index]
            let cells = [
                "\(item.name) \(item.key.entityType.rawValue):\(item.key.entityId)", fromText(item), item.to.description,
                item.riskAfter.map { $0 == .none ? "ok" : (widths[3] >= DisplayWidth.of($0.label) ? $0.label : $0.shortLabel) } ?? "",
                outcome.map { $0.isApplied ? $0.word : "\($0.word): \(TextSanitizer.visible($0.detail))" } ?? (review.isRunning ? "…" : ""),
            ]
            x = 0
            for (i, cell) in cells.enumerated() {
                cellText(&screen, frame, row: top + 1 + line, x: x, width: widths[i], TextSanitizer.visible(cell),
                         style(column: i, item: item, outcome: outcome))
                x += widths[i] + 1
            }
        }
    }

    package static func fromText(_ item: PlanItem) -> String {
        item.from.isExplicit ? item.from.description : "default (\(item.fromNode))"
    }

    /// FROM and TO as wide as the rows on screen need (capped), the entity
    /// the rest; on a narrow frame FROM gives way first (never below 6), then
    /// TO (never below 8): where a move goes is what a plan is read for
    /// ("worker-0…" at 60 columns could be worker-01 or worker-03).
    private static func columnWidths(_ review: PlanReview, width: Int, rows: Int) -> [Int] {
        let items = review.plan.items
        let visible = items.indices.dropFirst(review.scroll).prefix(rows)
        var from = max(4, visible.map { DisplayWidth.of(fromText(items[$0])) }.max() ?? 4)
        var to = max(2, visible.map { DisplayWidth.of(items[$0].to.description) }.max() ?? 2)
        from = min(from, 36); to = min(to, 36)
        let risk = width >= 90 ? 12 : 6  // "DEFAULT DOWN" whole when there is room, else the six-column badge
        let outcome = review.outcomes.contains { $0 != nil } ? max(8, width / 4) : 7
        let spare = width - 4 - risk - outcome - 12
        if from + to > spare { to = max(8, min(to, spare - 6)); from = max(6, spare - to) }
        return [max(12, width - from - to - risk - outcome - 4), from, to, risk, outcome]
    }

    /// One cell, cut at its column's width.
    private static func cellText(
        _ screen: inout Screen, _ frame: ModalFrame, row: Int, x: Int, width: Int, _ text: String, _ style: TextStyle
    ) {
        guard row >= 0, row < frame.innerHeight, x < frame.innerWidth else { return }
        _ = screen.put(text, x: frame.innerX + x, y: frame.innerY + row, maxWidth: min(width, frame.innerWidth - x), style: style)
    }

    private static func style(column: Int, item: PlanItem, outcome: ItemOutcome?) -> TextStyle {
        switch column {
        case 3: return item.riskAfter.map { $0 == .none ? TextStyle(role: .ok) : TextStyle(role: .risk, bold: true) } ?? .plain
        case 4:
            switch outcome?.kind {
            case .ok?: return TextStyle(role: .ok)
            case .notApplied?, .unknown?: return TextStyle(role: .error, bold: true)
            case .skipped?, .notAttempted?: return TextStyle(role: .warning)
            case .unchanged?, nil: return TextStyle(role: .dim)
            }
        default: return TextStyle(role: .modal)
        }
    }

    private static func drawPhase(
        _ state: AppState, _ review: PlanReview, frame: ModalFrame, into screen: inout Screen, row: Int, glyphs: Glyphs
    ) {
        let spin = glyphs.spinner[Int(state.now.timeIntervalSince1970 * 8) % glyphs.spinner.count]
        let total = review.plan.items.count
        let bold = { (role: StyleRole) in TextStyle(role: role, bold: true) }
        switch review.phase {
        case .review:
            let keys = state.canWrite ? "Enter apply · w write JSON · W write script · ↑↓ scroll · Esc close"
                : "read-only: w write JSON · W write script · ↑↓ scroll · Esc close"
            frame.line(&screen, row, review.exported ?? "", style: TextStyle(role: .notice))
            frame.line(&screen, row + 1, keys, style: TextStyle(role: .dim))
        case .confirm:
            frame.line(&screen, row, "Apply \(Fmt.count(total)) \(total == 1 ? "write" : "writes") to \(state.config.label)? "
                       + "Each is checked against its 'from' first. y = yes, any other key = back", style: bold(.warning))
        case .applying:
            frame.line(&screen, row, "\(spin) applying \(review.done)/\(total)…", style: bold(.notice))
            frame.line(&screen, row + 1, "Esc stops after the request in flight", style: TextStyle(role: .dim))
        case .stopping:
            frame.line(&screen, row, "\(spin) stopping after the request in flight… \(review.done)/\(total)", style: bold(.warning))
        case .finished(let summary):
            let role: StyleRole = summary.allOK ? .ok : .warning
            frame.line(&screen, row, "done: \(summary.line)" + (summary.stoppedBecause.map { " · \($0)" } ?? ""), style: bold(role))
            let retry = summary.allOK || review.plan.kind != .rebind ? "" : "rows not applied stay marked for a retry · "
            let undo = summary.count(.ok) > 0 ? " (then u undoes this batch)" : ""
            frame.line(&screen, row + 1, retry + "Esc close" + undo, style: TextStyle(role: .dim))
        case .export(let export):
            let what = export.format == .json ? "JSON (for clustertui apply)" : "shell script"
            frame.line(&screen, row, "write \(what) to: [\(export.path)█]", style: TextStyle(role: .input))
            frame.line(&screen, row + 1, "Enter write (an existing file is never overwritten) · Esc back", style: TextStyle(role: .dim))
        }
    }
}
