import ClusterGrid
import ClusterModel
import ClusterState

/// The one scrolling picker of the forms (issue 19: the node picker was
/// drawn twice): a window of `rows` lines kept around the selection, each
/// line made by the caller, and one layout for a node's line.
enum PickerList {
    /// Draws the lines of `count` choices that fit in `rows`, starting at `top`.
    static func draw(
        count: Int, selected: Int, rows: Int, frame: ModalFrame, into screen: inout Screen, top: Int, indent: Int,
        line: (_ index: Int, _ isSelected: Bool) -> (String, TextStyle)
    ) {
        var cursor = TableCursor(selected: selected, offset: 0)
        cursor.clamp(count: count, rows: rows)
        for row in 0..<rows {
            let index = cursor.offset + row
            guard index < count else { break }
            let (text, style) = line(index, index == selected)
            frame.line(&screen, top + row, text, style: style, indent: indent)
            if index == selected, top + row < frame.innerHeight {
                screen.cursor = ScreenPoint(x: frame.innerX + indent, y: frame.innerY + top + row)
            }
        }
    }

    /// `▶ ● worker-02 ◆ (current)        online    hb 2s  worker`: pointer,
    /// health glyph, the name with its marks padded to 28 cells, a status word, the rest.
    static func nodeLine(pointer: String, glyph: String, label: String, status: String, detail: String) -> String {
        let padded = label + String(repeating: " ", count: max(1, 28 - DisplayWidth.of(label)))
        return "\(pointer) \(glyph) \(padded)\(status.padding(toLength: 9, withPad: " ", startingAt: 0)) \(detail)"
    }

    /// The style of a node's line: the selection, else its health's colour.
    static func style(selected: Bool, health: HeartbeatHealth) -> TextStyle {
        selected ? TextStyle(role: .selection, bold: true) : TextStyle(role: Roles.health(health))
    }
}
