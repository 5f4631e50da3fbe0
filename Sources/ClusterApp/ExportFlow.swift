import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The export form (issue 24): `w` writes the focused table as shown
/// (filter and sort applied) in csv, md, json or txt; `W` the screen as
/// plain text. A new file only: an existing one is never replaced.
package enum ExportFlow {
    package static func open(_ state: inout AppState, _ target: ExportForm.Target) {
        state.overlays.close(.export)
        state.overlays.append(.export(ExportForm(target: target, path: defaultPath(state, target, .csv))))
    }

    package static func key(_ state: inout AppState, _ form: inout ExportForm, _ key: Key) -> [Effect] {
        if key == .tab, case .table = form.target {
            let old = form.format
            form.format = form.format.next
            if form.path.hasSuffix("." + old.rawValue) { form.path = String(form.path.dropLast(old.rawValue.count)) + form.format.rawValue }
            return []
        }
        switch TextEditing.prompt(key, text: &form.path, limit: 4096) {
        case .submit:
            let path = form.path.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else {
                form.error = "type a file name"
                return []
            }
            // Said here, so the name and format typed are not lost (the write still refuses to replace one).
            if let problem = UserPath.existing(UserPath.expand(path)) {
                form.error = problem
                return []
            }
            state.overlays.close(.export)
            switch form.target {
            case .table(let pane):
                return [.exportTable(TableExportJob(source: state.tableSource(pane), format: form.format, path: form.path))]
            case .screen:
                return [.dumpScreen(form.path)]
            }
        case .cancel: state.overlays.close(.export)
        case .edited: form.error = nil
        case .ignored: break
        }
        return []
    }

    /// `clustertui-instances-20261206-034501.csv` in the working directory.
    static func defaultPath(_ state: AppState, _ target: ExportForm.Target, _ format: ExportFormat) -> String {
        let stamp = WireDate.format(state.now).prefix(19).filter { $0.isNumber || $0 == "T" }.replacingOccurrences(of: "T", with: "-")
        switch target {
        case .table(let pane): return "clustertui-\(pane)-\(stamp).\(format.rawValue)"
        case .screen: return "clustertui-screen-\(stamp).txt"
        }
    }
}
