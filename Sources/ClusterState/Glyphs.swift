import ClusterGrid
import ClusterModel
import Foundation

/// The symbols the views draw, in a Unicode set and an ASCII set for
/// terminals whose locale is not UTF-8 (`LANG=C`), so nothing prints as
/// mojibake.
package struct Glyphs: Sendable {
    package var ok: String
    /// A heartbeat in the future (issue 20).
    package var ahead = "▲"
    /// A deadline passed since the newest data (issue 20).
    package var waiting = "◌"
    package var late: String
    package var stale: String
    package var draining: String
    package var offline: String
    package var ghost: String
    package var thisNode: String
    package var defaultNode: String
    package var sortUp: String
    package var sortDown: String
    package var separator: String
    package var warning: String
    package var check: String
    package var pointer: String
    /// A marked row (issue 10).
    package var mark: String
    /// A protected context's row on the fleet screen (issue 23).
    package var protected = "⚑"
    /// Before a count that is a lower bound (a background cluster's instances at risk).
    package var atLeast = "≥"
    package var spinner: [String]
    /// A history strip's cells by `HistoryState` (issue 22): ok, unknown, late,
    /// silent/offline, restart, ghost — distinct by shape as well as colour.
    package var strip: [Character] = ["▁", "░", "▄", "█", "↻", "·"]
    /// Bar heights, lowest first: the node details' heartbeat-gap graph (issue 22).
    package var levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    package static let unicode = Glyphs(
        ok: "●", late: "◐", stale: "○", draining: "◒", offline: "✕", ghost: "·",
        thisNode: "★", defaultNode: "◆", sortUp: "▲", sortDown: "▼", separator: "│",
        warning: "⚠", check: "✓", pointer: "▶", mark: "✓", spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    )
    package static let ascii = Glyphs(
        ok: "o", late: "~", stale: "?", draining: "d", offline: "x", ghost: ".",
        thisNode: "*", defaultNode: "+", sortUp: "^", sortDown: "v", separator: "|",
        warning: "!", check: "ok", pointer: ">", mark: "*", spinner: ["|", "/", "-", "\\"]
    ).with(ahead: "!", waiting: "-", strip: ["_", ":", "~", "X", "R", "."])

    private func with(ahead: String, waiting: String, strip: [Character]) -> Glyphs {
        var copy = self
        copy.ahead = ahead; copy.waiting = waiting; copy.strip = strip
        copy.protected = "P"
        copy.atLeast = ">="
        copy.levels = ["_", ".", "-", "=", "+", "*", "#", "@"]
        return copy
    }

    /// The strip cell for `state`.
    package func strip(_ state: HistoryState) -> Character { strip[Int(state.rawValue)] }

    /// The state a strip cell shows, for its colour (either glyph set).
    package static func stripState(_ character: Character) -> HistoryState? {
        if let i = unicode.strip.firstIndex(of: character) { return HistoryState(rawValue: UInt8(i)) }
        if let i = ascii.strip.firstIndex(of: character) { return HistoryState(rawValue: UInt8(i)) }
        return nil
    }

    package func health(_ h: HeartbeatHealth) -> String {
        switch h {
        case .ok: ok
        case .ahead: ahead
        case .waiting: waiting
        case .late: late
        case .stale: stale
        case .draining: draining
        case .offline: offline
        case .ghost: ghost
        }
    }
}

/// The colour role of each health and risk, so views never name colours.
package enum Roles {
    package static func health(_ h: HeartbeatHealth) -> StyleRole {
        switch h {
        case .ok: .ok
        case .ahead: .warning
        case .waiting: .dim
        case .late: .late
        case .stale: .stale
        case .draining: .draining
        case .offline: .offline
        case .ghost: .ghost
        }
    }

    /// The colour of a strip cell (issue 22).
    package static func history(_ state: HistoryState) -> StyleRole {
        switch state {
        case .ok: .ok
        case .unknown: .dim
        case .late: .late
        case .down: .stale
        case .restart: .accent
        case .gone: .ghost
        }
    }

    /// The colour of an event: what it reports, not how loud it is.
    package static func tone(_ t: EventTone) -> StyleRole {
        switch t {
        case .good: .ok
        case .neutral: .normal
        case .attention: .warning
        case .bad: .error
        }
    }

    package static func severity(_ s: EventSeverity) -> StyleRole {
        switch s {
        case .info: .normal
        case .notice: .ok
        case .warning: .warning
        case .critical: .error
        }
    }
}
