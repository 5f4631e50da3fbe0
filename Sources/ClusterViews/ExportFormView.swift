import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The export form (issue 24): what is written, the file name being typed,
/// and for a table the format Tab cycles through.
package enum ExportFormView {
    package static func draw(_ state: AppState, _ form: ExportForm, into screen: inout Screen) {
        let frame = ModalFrame(screen: screen, width: 78, height: 9)
        let what: String
        switch form.target {
        case .table(let pane): what = "Write the \(pane) table (as shown: filter and sort applied)"
        case .screen: what = "Write the screen as plain text"
        }
        frame.draw(into: &screen, title: what)
        frame.line(&screen, 0, "file", style: TextStyle(role: .dim))
        frame.line(&screen, 0, DisplayWidth.tail(TextSanitizer.visible(form.path), room: frame.innerWidth - 9) + "▏", style: TextStyle(role: .input), indent: 8)
        if case .table = form.target {
            let formats = ExportFormat.allCases.map { $0 == form.format ? "[\($0.rawValue)]" : " \($0.rawValue) " }.joined(separator: " ")
            frame.line(&screen, 2, "format", style: TextStyle(role: .dim))
            frame.line(&screen, 2, formats + "   (Tab)", indent: 8)
        }
        if let error = form.error { frame.line(&screen, 4, "✕ " + error, style: TextStyle(role: .error)) }
        frame.line(&screen, frame.innerHeight - 1, "Enter write (a new file; an existing one is never replaced) · Esc cancel",
                   style: TextStyle(role: .dim))
    }
}
