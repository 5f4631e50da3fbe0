import ClusterModel
import Foundation

/// Small text helpers shared by the views.
package enum Fmt {
    /// `12:34:56` in UTC, for absolute times and the wallboard clock.
    package static func clock(_ date: Date) -> String {
        let s = WireDate.format(date)
        let start = s.index(s.startIndex, offsetBy: 11)
        return String(s[start..<s.index(start, offsetBy: 8)])
    }

    /// `12:34:56` on `now`'s UTC day, else `2026-12-05 12:34:56`: a moment in the past, never ambiguous.
    package static func moment(_ date: Date, now: Date) -> String {
        let day = { (d: Date) in Int((d.timeIntervalSince1970 / 86_400).rounded(.down)) }
        guard day(date) != day(now) else { return clock(date) }
        return dateTime(date)
    }

    /// `2026-12-05 12:34:56`, UTC: a moment whole, as the CLI's tables print it.
    package static func dateTime(_ date: Date) -> String {
        String(WireDate.format(date).replacingOccurrences(of: "T", with: " ").prefix(19))
    }

    /// `12:34:56Z` on `now`'s UTC day; else `12-05 12:34Z` this year, `2025-12-05Z`
    /// before (issue 24: a time without its date, days ago, read as today's). At most 12 cells.
    package static func absolute(_ date: Date, now: Date) -> String {
        let text = WireDate.format(date), today = WireDate.format(now)
        if text.prefix(10) == today.prefix(10) { return clock(date) + "Z" }
        if text.prefix(4) == today.prefix(4) {
            return String(text.dropFirst(5).prefix(5)) + " " + String(text.dropFirst(11).prefix(5)) + "Z"
        }
        return String(text.prefix(10)) + "Z"
    }

    /// An age, or the absolute UTC time when the operator asked for those (`t`).
    package static func age(_ date: Date?, now: Date, absolute: Bool) -> String {
        guard let date else { return "—" }
        if absolute { return self.absolute(date, now: now) }
        return AgeFormat.compact(max(0, now.timeIntervalSince(date)))
    }

    /// 1234567 → "1,234,567".
    package static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    package static func latency(_ seconds: TimeInterval?) -> String {
        guard let seconds else { return "—" }
        return seconds < 1 ? "\(Int((seconds * 1000).rounded()))ms" : String(format: "%.1fs", seconds)
    }
}
