import ClusterModel
import Foundation

extension AppState {
    /// Lines of the help overlay for this state: every key of `KeyMap` by
    /// section, the filter syntax, and the read-only note (two more).
    package var helpLineCount: Int {
        KeyMap.sections.reduce(0) { $0 + $1.1.count + 2 } + FilterQuery.syntaxHelp.count + 1 + (canWrite ? 0 : 2)
    }
}
