import ClusterGrid
import Foundation

/// One column of a table: its title, how narrow and how wide it may be, and
/// how important it is when the terminal is too narrow for all columns.
package struct ColumnSpec: Sendable {
    package var title: String
    /// Narrowest useful width.
    package var minWidth: Int
    /// The cap on its natural width (the longest value shown).
    package var maxWidth: Int
    /// Higher survives longer when columns must be dropped.
    package var priority: Int
    package var rightAligned = false
    /// Names the row (a node or instance name): never cut while a column of
    /// lower priority is still shown.
    package var identifying = false
    /// Wants only its minimum, then takes what is left up to `maxWidth` (the
    /// wallboard's name column).
    package var flexible = false
    /// The header when the title and sort arrow do not fit ("HBEAT").
    package var shortTitle: String?
    /// A value's short form chosen on purpose ("DFLT↓") when it does not fit,
    /// instead of a word cut in the middle.
    package var shortForm: (@Sendable (String) -> String?)?
    /// Cut from the left when too wide: the end is what matters (a strip's newest cells).
    package var keepsEnd = false
    /// Each character in its own style (a strip: a colour per state, issue 22).
    package var characterStyle: (@Sendable (Character) -> TextStyle)?

    package init(
        title: String, minWidth: Int, maxWidth: Int, priority: Int, rightAligned: Bool = false, identifying: Bool = false,
        flexible: Bool = false, shortTitle: String? = nil, shortForm: (@Sendable (String) -> String?)? = nil,
        keepsEnd: Bool = false, characterStyle: (@Sendable (Character) -> TextStyle)? = nil
    ) {
        self.title = title; self.minWidth = minWidth; self.maxWidth = maxWidth; self.priority = priority
        self.rightAligned = rightAligned; self.identifying = identifying; self.flexible = flexible
        self.shortTitle = shortTitle; self.shortForm = shortForm; self.keepsEnd = keepsEnd; self.characterStyle = characterStyle
    }
}
