import Foundation

/// One minute of the cluster's trend (issue 22): the worst of its polls —
/// the fewest nodes ok, the most late and down, the most instances at risk
/// (`nil` until the instance list was known).
public struct TrendPoint: Sendable, Hashable, Codable {
    /// Minutes since 1970.
    public var minute: Int
    public var ok: Int
    public var late: Int
    public var down: Int
    public var atRisk: Int?

    public init(minute: Int, ok: Int, late: Int, down: Int, atRisk: Int?) {
        self.minute = minute; self.ok = ok; self.late = late; self.down = down; self.atRisk = atRisk
    }

    /// The worse of two polls of the same minute.
    public func merged(with other: TrendPoint) -> TrendPoint {
        let risk: Int? = switch (atRisk, other.atRisk) {
        case (nil, nil): nil
        case (let a?, nil): a
        case (nil, let b?): b
        case (let a?, let b?): max(a, b)
        }
        return TrendPoint(minute: minute, ok: min(ok, other.ok), late: max(late, other.late), down: max(down, other.down),
                          atRisk: risk)
    }
}

/// A series of the trend drawn as a sparkline: one cell a minute, its height
/// the value over the series' largest in the window; `missing` where no poll
/// was recorded. `levels` are the glyphs lowest first.
public enum Sparkline {
    public static func draw(_ values: [Int?], levels: [Character], missing: Character = " ") -> String {
        let top = max(1, values.compactMap { $0 }.max() ?? 1)
        return String(values.map { value -> Character in
            guard let value else { return missing }
            guard value > 0 else { return levels[0] }
            let level = 1 + Int((Double(value) / Double(top) * Double(levels.count - 2)).rounded())
            return levels[min(levels.count - 1, level)]
        })
    }
}
