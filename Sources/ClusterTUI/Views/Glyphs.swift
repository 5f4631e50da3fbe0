import ClusterModel

/// The symbols the views draw, in a Unicode set and an ASCII set for
/// terminals whose locale is not UTF-8 (`LANG=C`), so nothing prints as
/// mojibake.
struct Glyphs: Sendable {
    var ok: String
    /// A heartbeat in the future (issue 20).
    var ahead = "▲"
    /// A deadline passed since the newest data (issue 20).
    var waiting = "◌"
    var late: String
    var stale: String
    var draining: String
    var offline: String
    var ghost: String
    var thisNode: String
    var defaultNode: String
    var sortUp: String
    var sortDown: String
    var separator: String
    var warning: String
    var check: String
    var pointer: String
    /// A marked row (issue 10).
    var mark: String
    var spinner: [String]

    static let unicode = Glyphs(
        ok: "●", late: "◐", stale: "○", draining: "◒", offline: "✕", ghost: "·",
        thisNode: "★", defaultNode: "◆", sortUp: "▲", sortDown: "▼", separator: "│",
        warning: "⚠", check: "✓", pointer: "▶", mark: "✓", spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    )
    static let ascii = Glyphs(
        ok: "o", late: "~", stale: "?", draining: "d", offline: "x", ghost: ".",
        thisNode: "*", defaultNode: "+", sortUp: "^", sortDown: "v", separator: "|",
        warning: "!", check: "ok", pointer: ">", mark: "*", spinner: ["|", "/", "-", "\\"]
    ).with(ahead: "!", waiting: "-")

    private func with(ahead: String, waiting: String) -> Glyphs {
        var copy = self
        copy.ahead = ahead; copy.waiting = waiting
        return copy
    }

    func health(_ h: HeartbeatHealth) -> String {
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
enum Roles {
    static func health(_ h: HeartbeatHealth) -> StyleRole {
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

    /// The colour of an event: what it reports, not how loud it is.
    static func tone(_ t: EventTone) -> StyleRole {
        switch t {
        case .good: .ok
        case .neutral: .normal
        case .attention: .warning
        case .bad: .error
        }
    }

    static func severity(_ s: EventSeverity) -> StyleRole {
        switch s {
        case .info: .normal
        case .notice: .ok
        case .warning: .warning
        case .critical: .error
        }
    }
}

/// Small text helpers shared by the views.
enum Fmt {
    /// `12:34:56` in UTC, for absolute times and the wallboard clock.
    static func clock(_ date: Date) -> String {
        let s = WireDate.format(date)
        let start = s.index(s.startIndex, offsetBy: 11)
        return String(s[start..<s.index(start, offsetBy: 8)])
    }

    /// An age, or the absolute UTC time when the operator asked for those (`t`).
    static func age(_ date: Date?, now: Date, absolute: Bool) -> String {
        guard let date else { return "—" }
        if absolute { return clock(date) + "Z" }
        return AgeFormat.compact(max(0, now.timeIntervalSince(date)))
    }

    /// 1234567 → "1,234,567".
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    static func latency(_ seconds: TimeInterval?) -> String {
        guard let seconds else { return "—" }
        return seconds < 1 ? "\(Int((seconds * 1000).rounded()))ms" : String(format: "%.1fs", seconds)
    }
}

import Foundation
