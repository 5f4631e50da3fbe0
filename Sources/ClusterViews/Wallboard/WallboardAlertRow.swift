import ClusterGrid
import ClusterModel
import ClusterState

/// The wallboard's alert band (issue 21): one full-width reverse-video row,
/// red with the unacknowledged critical alerts, yellow with warnings when
/// there are only those, in the notice colour with conditions holding
/// before they alert, and an unmistakable green ALL CLEAR otherwise.
package enum WallboardAlertRow {
    package static func draw(_ band: WallboardAlertBand, y: Int, into screen: inout Screen, glyphs: Glyphs) {
        let role: StyleRole = switch band.severity {
        case .critical?: .error
        case .warning?: .warning
        case .info?: .notice
        case nil: band.pending ? .notice : .ok
        }
        let style = TextStyle(role: role, bold: true, reverse: true)
        screen.fill(x: 0, y: y, width: screen.width, height: 1, style: style)
        if band.severity == nil && !band.pending {
            let text = "\(glyphs.check) ALL CLEAR" + (band.detail.isEmpty ? "" : "  ·  \(band.detail)")
            let x = max(0, (screen.width - DisplayWidth.of(text)) / 2)
            screen.put(text, x: x, y: y, maxWidth: screen.width - x, style: style)
            return
        }
        var x = screen.put(" \(band.pending ? glyphs.waiting : glyphs.warning) \(band.headline)  ", x: 0, y: y, style: style)
        guard x < screen.width else { return }
        x += screen.put(band.detail, x: x, y: y, maxWidth: screen.width - x, style: TextStyle(role: role, reverse: true))
    }
}
