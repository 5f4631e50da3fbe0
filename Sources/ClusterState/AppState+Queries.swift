import ClusterGrid
import ClusterModel
import Foundation

extension AppState {
    /// Lines of the help overlay for this state: every key of `KeyMap` by
    /// section, the filter syntax, and the read-only note (two more).
    package var helpLineCount: Int {
        helpSections.reduce(0) { $0 + $1.1.count + 2 } + FilterQuery.syntaxHelp.count + 1 + (canWrite ? 0 : 2)
    }

    /// The help overlay's sections: the run's key map (`[keys]` applied),
    /// then the config file's custom actions with their keys (issue 24).
    package var helpSections: [(String, [(String, String)])] {
        var sections = config.keys.sections
        guard !config.customActions.isEmpty else { return sections }
        let rows = config.customActions.map { action in
            let key = action.key.flatMap(Key.init(name:))?.label ?? ": \(action.name)"
            let what = action.summary.isEmpty ? action.argv.joined(separator: " ") : action.summary
            return (key, TextSanitizer.visible("\(action.name) (\(action.scope.rawValue), \(action.mode.rawValue)): \(what)"))
        }
        sections.insert(("Custom actions (config file)", rows), at: min(3, sections.count))
        return sections
    }
}
