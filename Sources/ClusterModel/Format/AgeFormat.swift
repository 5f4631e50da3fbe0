import Foundation

/// Durations for tables and headers, computed against the server's clock.
///
/// `compact` is at most six cells wide and always truncates (a heartbeat
/// 59.9 s old reads "59s", never "1m00s"), so ages tick once per second:
/// "0s"…"59s", "1m05s"…"59m59s", "1h05m"…"23h59m", "1d04h"…"99d23h",
/// then whole days ("100d", "365d"). `nil`, NaN and infinities read "—";
/// negative ages (clock skew) read "0s".
public enum AgeFormat {
    public static func compact(_ seconds: TimeInterval?) -> String {
        guard let seconds, seconds.isFinite else { return "—" }
        let s = seconds <= 0 ? 0 : Int(min(seconds, 9.0e15).rounded(.down))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(two(s % 60))s" }
        if s < 86_400 { return "\(s / 3600)h\(two(s / 60 % 60))m" }
        let days = s / 86_400
        if days < 100 { return "\(days)d\(two(s / 3600 % 24))h" }
        return "\(days)d"
    }

    /// Words for detail panes: the two most significant units,
    /// "42 seconds", "5 minutes 3 seconds", "1 hour 5 minutes", "3 days 4 hours";
    /// "unknown" for `nil`.
    public static func long(_ seconds: TimeInterval?) -> String {
        guard let seconds, seconds.isFinite else { return "unknown" }
        let s = seconds <= 0 ? 0 : Int(min(seconds, 9.0e15).rounded(.down))
        func unit(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
        if s < 60 { return unit(s, "second") }
        if s < 3600 { return pair(unit(s / 60, "minute"), s % 60, unit(s % 60, "second")) }
        if s < 86_400 { return pair(unit(s / 3600, "hour"), s / 60 % 60, unit(s / 60 % 60, "minute")) }
        return pair(unit(s / 86_400, "day"), s / 3600 % 24, unit(s / 3600 % 24, "hour"))
    }

    private static func pair(_ major: String, _ minorValue: Int, _ minor: String) -> String {
        minorValue == 0 ? major : "\(major) \(minor)"
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
