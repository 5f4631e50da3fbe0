import Foundation
import ClusterModel

/// Parses the RFC 1123 dates of HTTP headers (`Date`, `Retry-After`):
/// `Sun, 06 Nov 1994 08:49:37 GMT`. Hand-written (no `DateFormatter`, which
/// is slow and locale-sensitive); anything else yields `nil`.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public static func parse(_ s: String) -> Date? {
        // Drop the optional weekday, then expect: DD Mon YYYY HH:MM:SS GMT
        var rest = Substring(s.trimmingCharacters(in: .whitespaces))
        if let comma = rest.firstIndex(of: ",") { rest = rest[rest.index(after: comma)...] }
        let parts = rest.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 5, parts[4].uppercased() == "GMT" || parts[4].uppercased() == "UTC",
              let day = Int(parts[0]), (1...31).contains(day),
              let monthIndex = months.firstIndex(of: parts[1].lowercased()),
              parts[2].count == 4, let year = Int(parts[2])
        else { return nil }
        let hms = parts[3].split(separator: ":")
        guard hms.count == 3, let h = Int(hms[0]), let m = Int(hms[1]), let sec = Int(hms[2]),
              h < 24, m < 60, sec < 61
        else { return nil }
        let days = WireDate.daysFromCivil(year: year, month: monthIndex + 1, day: day)
        return Date(timeIntervalSince1970: Double(days * 86400 + h * 3600 + m * 60 + sec))
    }
}
