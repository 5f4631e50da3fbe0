import Foundation

/// A past moment as an operator types it (issue 22's as-of mode): `14:02`
/// or `14:02:10`, with or without the screen's `Z` (UTC, as the screen
/// shows times; today's, or yesterday's when today's is over an hour
/// ahead: a time just ahead of now is refused, not taken as yesterday's),
/// or `-15m` / `15m` (that long ago).
public enum TypedMoment {
    public static func parse(_ text: String, now: Date) -> Date? {
        guard let today = clockToday(text, now: now) else { return relative(text, now: now) }
        if today <= now { return today }
        return today.timeIntervalSince(now) > 3600 ? today.addingTimeInterval(-86_400) : nil
    }

    /// Why `text` is refused, for the prompt.
    public static func problem(_ text: String, now: Date) -> String {
        if let today = clockToday(text, now: now), today > now {
            let clock = WireDate.format(now).dropFirst(11).prefix(8)
            return "that is ahead of now (\(clock)Z): only the past is recorded"
        }
        return "try 14:02, 14:02:10 (UTC) or -15m"
    }

    /// A clock time read as today's (UTC), or nil when `text` is not one.
    private static func clockToday(_ text: String, now: Date) -> Date? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("Z") || text.hasSuffix("z") { text.removeLast() }
        if text.uppercased().hasSuffix(" UTC") { text.removeLast(4) }
        guard text.contains(":") else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        let (h, m, s) = (parts[0]!, parts[1]!, parts.count == 3 ? parts[2]! : 0)
        guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
        let day = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        return Date(timeIntervalSince1970: day + Double(h * 3600 + m * 60 + s))
    }

    /// `-15m` / `15m`: that long before `now`.
    private static func relative(_ text: String, now: Date) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.contains(":") else { return nil }
        // `+5m` is the future: refused (it went 5 minutes back).
        guard !text.hasPrefix("+") else { return nil }
        let ago = text.hasPrefix("-") ? String(text.dropFirst()) : text
        return TypedDuration.parse(ago).map { now.addingTimeInterval(-$0) }
    }
}
