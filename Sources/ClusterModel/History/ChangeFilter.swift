import Foundation

/// A length of time as an operator types it: `90s`, `10m`, `1h`, `7d`, or
/// seconds alone (issue 22: `--since 1h`, `changed:<10m`).
public enum TypedDuration {
    /// Seconds, or `nil` when `text` is not a positive duration.
    public static func parse(_ text: String) -> TimeInterval? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = text.last else { return nil }
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        let (number, unit) = units[last].map { (String(text.dropLast()), $0) } ?? (text, 1)
        guard let value = Double(number), value > 0, value.isFinite, value < 1e9 else { return nil }
        return value * unit
    }
}

/// The changes view's filter (issue 22): `by:WHO` (part of who made it;
/// `by:me` for this operator's own writes), `changed:<10m` (newer than) or
/// `changed:>1h` (older than), and words that must appear in the entity or
/// either node. Every term must match; `-` before a term negates it.
public struct ChangeFilter: Sendable, Equatable {
    enum Term: Sendable, Equatable {
        case by(String)
        case mine
        case newer(TimeInterval)
        case older(TimeInterval)
        case word(String)
    }
    var terms: [(term: Term, negated: Bool)]

    public static func == (a: ChangeFilter, b: ChangeFilter) -> Bool {
        a.terms.map(\.term) == b.terms.map(\.term) && a.terms.map(\.negated) == b.terms.map(\.negated)
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Parses `text`; a term it cannot read is an error naming it.
    public static func parse(_ text: String) -> Result<ChangeFilter, FilterParseError> {
        var terms: [(Term, Bool)] = []
        var offset = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            defer { offset += word.count + 1 }
            guard !word.isEmpty else { continue }
            let negated = word.hasPrefix("-") && word.count > 1
            let body = String(negated ? word.dropFirst() : word)
            let lower = body.lowercased()
            if lower.hasPrefix("by:") {
                let who = String(body.dropFirst(3))
                guard !who.isEmpty else { return .failure(.init(message: "empty value after by:", position: offset)) }
                terms.append((who.lowercased() == "me" ? .mine : .by(who.lowercased()), negated))
            } else if lower.hasPrefix("changed:") {
                let value = lower.dropFirst(8)
                guard let sign = value.first, sign == "<" || sign == ">", let seconds = TypedDuration.parse(String(value.dropFirst())) else {
                    return .failure(.init(message: "try changed:<10m or changed:>1h", position: offset))
                }
                terms.append((sign == "<" ? .newer(seconds) : .older(seconds), negated))
            } else {
                terms.append((.word(lower), negated))
            }
        }
        return .success(ChangeFilter(terms: terms))
    }

    /// Whether `change` matches every term at `now`.
    public func matches(_ change: BindingChange, now: Date) -> Bool {
        terms.allSatisfy { term, negated in Self.matches(term, change, now: now) != negated }
    }

    private static func matches(_ term: Term, _ change: BindingChange, now: Date) -> Bool {
        switch term {
        case .by(let who): return (change.updatedBy ?? "").lowercased().contains(who)
        case .mine: return change.batch != nil
        case .newer(let seconds): return change.when >= now.addingTimeInterval(-seconds)
        case .older(let seconds): return change.when < now.addingTimeInterval(-seconds)
        case .word(let word):
            return [change.entityType, change.entityId, change.before?.node ?? "", change.after?.node ?? ""]
                .contains { $0.lowercased().contains(word) }
        }
    }
}
