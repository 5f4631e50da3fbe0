import ClusterModel
import Foundation

/// The `[alerts]` tables of the config file (issue 21): global, and per
/// context as `[contexts.NAME.alerts]`, whose keys override the global
/// ones for that cluster. Flags override both.
///
/// ```toml
/// [alerts]
/// notify = "osc9"                                  # none, bell, osc9, osc777
/// on-alert = ["/usr/local/bin/page-ops", "--team", "core"]
/// instances-at-risk-for = 30                       # hold, seconds (any KIND-for)
/// flap-count = 3
/// flap-window = 600
/// group-above = 3
/// disabled = ["version-skew"]
/// ```
///
/// Entries are kept as read and applied in order (global, then the
/// context's), so a context's table may come before `[alerts]` in the file.
extension AlertSettings {
    /// Every key an `[alerts]` table accepts, for the error on an unknown one.
    static let configKeys = ["notify", "on-alert", "flap-count", "flap-window", "group-above", "disabled"]
        + AlertKind.allCases.map { $0.rawValue + "-for" }

    /// Applies one `[alerts]` entry; a bad key, type or range is an error naming its line.
    mutating func set(_ key: String, _ e: TOMLSubset.Entry, fail: (Int, String) -> ClusterError) throws {
        func seconds(_ range: ClosedRange<Double>) throws -> Double {
            guard case .number(let n) = e.value, range.contains(n) else {
                throw fail(e.line, "\"\(key)\" must be a number of seconds between \(Int(range.lowerBound)) and \(Int(range.upperBound))")
            }
            return n
        }
        func count(_ range: ClosedRange<Int>) throws -> Int {
            guard case .number(let n) = e.value, n == n.rounded(), range.contains(Int(n)) else {
                throw fail(e.line, "\"\(key)\" must be a whole number between \(range.lowerBound) and \(range.upperBound)")
            }
            return Int(n)
        }
        switch key {
        case "notify":
            guard case .string(let s) = e.value, let style = NotifyStyle(rawValue: s) else {
                throw fail(e.line, "\"notify\" must be one of \"none\", \"bell\", \"osc9\", \"osc777\"")
            }
            notify = style
        case "on-alert":
            guard case .strings(let argv) = e.value else {
                throw fail(e.line, "\"on-alert\" must be an array: [\"PROGRAM\", \"ARG\", …] (no shell), or [] for none")
            }
            if argv.first?.isEmpty == true { throw fail(e.line, "\"on-alert\": the program (its first item) is empty") }
            onAlert = argv
        case "flap-count": rules.flapCount = try count(2...1000)
        case "flap-window": rules.flapWindow = try seconds(10...86_400)
        case "group-above": rules.groupAbove = try count(1...100_000)
        case "disabled":
            let kinds = AlertKind.allCases.map(\.rawValue)
            guard case .strings(let names) = e.value else { throw fail(e.line, "\"disabled\" must be an array of alert kinds") }
            if let bad = names.first(where: { !kinds.contains($0) }) {
                throw fail(e.line, "unknown alert kind \"\(TextSanitizer.excerpt(bad, limit: 40))\" (known: \(kinds.joined(separator: ", ")))")
            }
            rules.disabled = Set(names.compactMap(AlertKind.init(rawValue:)))
        default:
            guard key.hasSuffix("-for"), let kind = AlertKind(rawValue: String(key.dropLast(4))) else {
                throw fail(e.line, "unknown key \"\(TextSanitizer.excerpt(key, limit: 40))\" in [alerts] (known: \(Self.configKeys.joined(separator: ", ")))")
            }
            rules.holdFor[kind] = try seconds(0...86_400)
        }
    }

    /// These settings with `entries` (one `[alerts]` table) applied in line order.
    func applying(_ entries: [String: TOMLSubset.Entry], fail: (Int, String) -> ClusterError) throws -> AlertSettings {
        var settings = self
        for (key, entry) in entries.sorted(by: { $0.value.line < $1.value.line }) { try settings.set(key, entry, fail: fail) }
        return settings
    }
}

extension ClusterConfig {
    /// The alert settings for `context` (or none: `--url`, the demo): the
    /// global `[alerts]`, then the context's own.
    public func alerting(for context: String?) -> AlertSettings {
        let never: (Int, String) -> ClusterError = { _, text in .usage(text) }
        // Both tables were validated when the file was parsed.
        let global = (try? AlertSettings().applying(alertEntries, fail: never)) ?? AlertSettings()
        guard let context, let own = contexts[context]?.alertEntries else { return global }
        return (try? global.applying(own, fail: never)) ?? global
    }
}
