import ClusterGrid
import ClusterModel
import Foundation

extension AppState {
    /// Lines of the help overlay for this state: every key of `KeyMap` by
    /// section, the filter syntax, and the read-only note (two more).
    package var helpLineCount: Int { helpLines.count }

    /// The help overlay's lines at this screen's width: a key's text that
    /// does not fit goes on under itself, never cut (at 80 columns every
    /// long one was cut at the frame).
    package var helpLines: [HelpLine] {
        let inner = max(0, min(HelpLine.frameWidth, width - 2) - 4)
        // The texts' column: 34 where there is room, less on a narrow screen.
        let column = min(34, max(16, inner / 3))
        var lines: [HelpLine] = canWrite ? [] : [.warning("Read-only: rebind and reset are disabled; Enter shows details."), .blank]
        for (title, keys) in helpSections {
            lines.append(.title(title))
            for (key, text) in keys {
                let indent = max(2 + DisplayWidth.of(key) + 3, column)
                // A key too long to leave its text room (a narrow screen): the text goes under it.
                guard indent + 10 <= inner else {
                    lines.append(.key(key, "", indent: column))
                    lines += WordWrap.lines(text, width: max(1, inner - column)).map { .more($0, indent: column) }
                    continue
                }
                let parts = WordWrap.lines(text, width: inner - indent)
                lines.append(.key(key, parts[0], indent: indent))
                lines += parts.dropFirst().map { .more($0, indent: indent) }
            }
            lines.append(.blank)
        }
        lines.append(.title("Filter syntax"))
        lines += FilterQuery.syntaxHelp.flatMap { WordWrap.lines($0, width: max(10, inner - 2)).map { HelpLine.more($0, indent: 2) } }
        return lines
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

/// One line of the help overlay, laid out for the screen's width.
package enum HelpLine: Equatable, Sendable {
    case title(String)
    /// A key and the first line of what it does, that text at `indent`.
    case key(String, String, indent: Int)
    /// A further line of a key's text, or of the filter syntax.
    case more(String, indent: Int)
    case warning(String)
    case blank

    /// The help frame's widest.
    package static let frameWidth = 110
}
