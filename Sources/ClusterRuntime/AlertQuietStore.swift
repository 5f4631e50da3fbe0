import ClusterModel
import ClusterSupport
import Foundation

/// Where acknowledgements and snoozes are kept between runs (issue 21): one
/// small JSON file per cluster under `$XDG_STATE_HOME/clustertui/alerts/`
/// (default `~/.local/state/clustertui/alerts/`), named after the cluster's
/// URL. The directory is 0700 and the file 0600; a file is written whole to
/// a temporary name and renamed over the old one, never through a symbolic
/// link; node names in it have every control character escaped, so `cat`
/// of the file cannot drive a terminal. A missing or damaged file is no
/// acknowledgement (the alert pages again), never a crash.
package struct AlertQuietStore: Sendable {
    package let directory: String

    package init(directory: String) { self.directory = directory }

    /// `$XDG_STATE_HOME/clustertui/alerts`, else `~/.local/state/clustertui/alerts`.
    package static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        StateFiles.directory("alerts", environment: environment)
    }

    /// The file for the cluster at `url`: a readable stem and a hash of the whole URL.
    package func path(for url: String) -> String { directory + "/" + StateFiles.stem(for: url) + ".json" }

    /// What was kept for this cluster; nothing when there is no file or it cannot be read as one.
    package func load(for url: String) -> [AlertQuiet] {
        let path = path(for: url)
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        guard let data = try? handle.read(upToCount: 1 << 20) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode(Kept.self, from: data))?.alerts ?? []
    }

    /// Keeps `records` for this cluster (none: the file is removed).
    package func save(_ records: [AlertQuiet], for url: String) throws {
        let path = path(for: url)
        guard !records.isEmpty else {
            if unlink(path) != 0 && errno != ENOENT { throw PrivateFile.failure("cannot remove", path) }
            return
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = JSONControlEscaping.escape(try encoder.encode(Kept(cluster: url, alerts: records)))
        data.append(UInt8(ascii: "\n"))
        try PrivateFile.replace(path, with: data)
    }

    /// The file's shape: the cluster it is for, and its acknowledgements and snoozes.
    private struct Kept: Codable {
        var cluster: String
        var alerts: [AlertQuiet]
    }
}
