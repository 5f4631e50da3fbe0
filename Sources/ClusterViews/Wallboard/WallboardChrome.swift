import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The wallboard's top line: name and label on the left; on the right the
/// page, the age of the last update and the UTC clock (the clock is kept
/// last to be dropped, as it tells a viewer the screen is alive).
package enum WallboardTopLine {
    package static func draw(_ state: AppState, pageText: String?, into screen: inout Screen) {
        guard screen.height > 0 else { return }
        let base = TextStyle(role: .header)
        screen.fill(x: 0, y: 0, width: screen.width, height: 1, style: base)
        var right = ["updated " + updatedAge(state), Fmt.clock(state.now) + " UTC"]
        if let pageText { right.insert(pageText, at: 0) }
        var rightText = right.joined(separator: " · ")
        // Drop the least useful parts first when the line is short.
        while DisplayWidth.of(rightText) > screen.width, right.count > 1 {
            right.removeFirst()
            rightText = right.joined(separator: " · ")
        }
        let rightWidth = min(screen.width, DisplayWidth.of(rightText))
        let rightX = screen.width - rightWidth
        screen.put(rightText, x: rightX, y: 0, maxWidth: rightWidth, style: TextStyle(role: .header, bold: true))
        let room = rightX - 2
        guard room > 0 else { return }
        var x = screen.put("ClusterTUI ", x: 0, y: 0, maxWidth: room, style: TextStyle(role: .header, bold: true))
        if x < room { x += screen.put(" WALLBOARD ", x: x, y: 0, maxWidth: room - x, style: TextStyle(role: .badge, bold: true)) }
        if x + 2 < room { screen.put(state.config.label, x: x + 2, y: 0, maxWidth: room - x - 2, style: base) }
    }

    /// "3s", or "never" before the first overview.
    package static func updatedAge(_ state: AppState) -> String {
        guard let last = state.overviewPoll.lastSuccess else { return "never" }
        return AgeFormat.compact(max(0, state.now.timeIntervalSince(last))) + " ago"
    }
}

/// The red bar over greyed data while the overview poll fails:
/// `DISCONNECTED since HH:MM:SS — retrying in Ns`, with the error and the
/// data's age on a third row when the banner is three rows tall.
package enum WallboardBanner {
    package static func text(_ state: AppState) -> String {
        let poll = state.overviewPoll
        let since = Fmt.clock(poll.failingSince ?? state.now)
        return "DISCONNECTED since \(since) — retrying in \(poll.retryIn(state.now))s"
    }

    package static func draw(_ state: AppState, top: Int, rows: Int, into screen: inout Screen) {
        guard rows > 0 else { return }
        let style = TextStyle(role: .error, bold: true, reverse: true)
        screen.fill(x: 0, y: top, width: screen.width, height: rows, style: style)
        let line = text(state)
        let textRow = rows >= 3 ? top + 1 : top
        let w = min(screen.width, DisplayWidth.of(line))
        screen.put(line, x: max(0, (screen.width - w) / 2), y: textRow, maxWidth: screen.width, style: style)
        guard rows >= 3, let error = state.overviewPoll.lastError else { return }
        let detail = "\(error.description) · showing data from \(WallboardTopLine.updatedAge(state))"
        let dw = min(screen.width, DisplayWidth.of(detail))
        screen.put(detail, x: max(0, (screen.width - dw) / 2), y: top + 2, maxWidth: screen.width,
                   style: TextStyle(role: .error, reverse: true))
    }
}

/// Before the first overview: a large "CONNECTING", then what to and, after
/// a failure, why it has not worked yet and when the next try is.
package enum WallboardConnecting {
    package static func draw(_ state: AppState, top: Int, into screen: inout Screen, glyphs: Glyphs) {
        let rows = screen.height - top
        guard rows > 0 else { return }
        let word = "CONNECTING"
        var scale = BigText.Scale.plain
        for candidate in BigText.Scale.allCases where !(candidate == .half && screen.asciiOnly) {
            if BigText.width(word, scale: candidate) <= screen.width, candidate.height + 2 <= rows {
                scale = candidate
                break
            }
        }
        var lines = ["to \(state.config.label)…"]
        var lineRole = StyleRole.notice
        if let error = state.overviewPoll.lastError {
            lines.append("\(glyphs.offline) \(error.description) — retrying in \(state.overviewPoll.retryIn(state.now))s")
            lineRole = .error
        }
        let block = scale.height + 1 + lines.count
        var y = top + max(0, (rows - block) / 2)
        if scale == .plain {
            // No room for large letters: one line says it all.
            lines[0] = "connecting " + lines[0]
        } else {
            let w = BigText.width(word, scale: scale)
            BigText.draw(word, x: max(0, (screen.width - w) / 2), y: y, scale: scale,
                         style: TextStyle(role: .notice, bold: true), into: &screen)
            y += scale.height + 1
        }
        for (i, line) in lines.enumerated() {
            let w = min(screen.width, DisplayWidth.of(line))
            let role = i == 0 ? StyleRole.notice : lineRole
            screen.put(line, x: max(0, (screen.width - w) / 2), y: y + i, maxWidth: screen.width, style: TextStyle(role: role, bold: true))
        }
    }
}
