import Foundation

/// The context name and base URL of a cluster, as a plan, the write
/// journal and `undo` name it: a batch is undone only against the URL it
/// was applied to, and a plan is applied only to the cluster it was made
/// against unless the operator retargets it (issue 19).
package struct ClusterIdentity: Sendable, Equatable, Hashable {
    package var context: String?
    package var url: String
    /// The URL recorded for the embedded demo core.
    package static let embedded = "embedded:demo"

    package init(context: String?, url: String) {
        self.context = context
        self.url = url
    }

    /// The base URL as journals, plans and scripts record it: scheme, host,
    /// port and path only; a user, password, query or fragment never reaches
    /// a file; no trailing `/`, so one cluster has one name.
    package static func recordable(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        parts.user = nil; parts.password = nil; parts.query = nil; parts.fragment = nil
        var text = parts.string ?? url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// The flags a script line needs to reach this cluster again
    /// (`--context prod`, `--url …`, nothing for the embedded demo).
    package var scriptFlags: [String] {
        if let context { return ["--context", context] }
        return url == Self.embedded ? [] : ["--url", url]
    }
}
