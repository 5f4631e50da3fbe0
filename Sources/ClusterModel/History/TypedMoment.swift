import Foundation

/// A past moment as an operator types it (issue 22's as-of mode): `14:02`
/// or `14:02:10` (UTC, as the screen shows times; the most recent such
/// moment not in the future), or `-15m` / `15m` (that long ago).
public enum TypedMoment {
    public static func parse(_ text: String, now: Date) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.contains(":") {
            let parts = text.split(separator: ":").map { Int($0) }
            guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
            let (h, m, s) = (parts[0]!, parts[1]!, parts.count == 3 ? parts[2]! : 0)
            guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
            let day = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
            let today = Date(timeIntervalSince1970: day + Double(h * 3600 + m * 60 + s))
            return today <= now ? today : today.addingTimeInterval(-86_400)
        }
        // `+5m` is the future: refused (it went 5 minutes back).
        guard !text.hasPrefix("+") else { return nil }
        let ago = text.hasPrefix("-") ? String(text.dropFirst()) : text
        return TypedDuration.parse(ago).map { now.addingTimeInterval(-$0) }
    }
}
