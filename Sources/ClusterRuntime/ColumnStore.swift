import ClusterModel
import ClusterState
import ClusterSupport
import Foundation

/// Where the columns chosen with `o` are kept between runs (issue 24):
/// `$XDG_STATE_HOME/clustertui/columns/columns.json`, 0600 in a 0700
/// directory, one small map from cluster URL to its choices. A missing or
/// unreadable file is no choices (the defaults), never an error at start.
package enum ColumnStore {
    package static var path: String { StateFiles.directory("columns") + "/columns.json" }

    /// Every cluster's choices; empty when there is no file or it does not parse.
    package static func load(path: String = path) -> [String: ColumnChoices] {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return [:] }
        return (try? JSONDecoder().decode([String: ColumnChoices].self, from: data)) ?? [:]
    }

    /// Replaces the file (`PrivateFile`); says why when it cannot.
    package static func save(_ choices: [String: ColumnChoices], path: String = path) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = JSONControlEscaping.escape(try encoder.encode(choices))
        data.append(UInt8(ascii: "\n"))
        try PrivateFile.replace(path, with: data)
    }
}
