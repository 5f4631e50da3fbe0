import ClusterModel
import Foundation

/// The JSON form of `clustertui get -o json`: pretty, sorted keys, dates as
/// the wire's `2026-05-18T10:00:00.000Z` (the wire types encode them so),
/// and C1 / bidi control characters written as `\u` escapes, which JSON
/// permits and which no terminal interprets (JSONEncoder escapes only C0).
enum StableJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return JSONControlEscaping.escape(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
