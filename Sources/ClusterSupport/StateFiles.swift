import Foundation

/// Where the dashboard keeps what it remembers about a cluster between runs
/// (acknowledgements, history): under `$XDG_STATE_HOME/clustertui/<kind>/`
/// (default `~/.local/state/clustertui/<kind>/`), one file per cluster named
/// after its URL: a readable stem and a hash of the whole URL, so two
/// clusters never share a file and no URL can name a path outside the directory.
public enum StateFiles {
    /// `$XDG_STATE_HOME/clustertui/<kind>`, else `~/.local/state/clustertui/<kind>`.
    public static func directory(_ kind: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/clustertui/" + kind }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/clustertui/" + kind
    }

    /// The file name (without extension) for the cluster at `url`.
    public static func stem(for url: String) -> String {
        let stem = String(url.lowercased().unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return (c.isASCII && (c.isLetter || c.isNumber)) ? c : "-"
        }.prefix(60))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in url.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return stem + "-" + String(hash, radix: 16)
    }
}
