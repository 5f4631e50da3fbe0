import CBuildInfo

/// What `clustertui --version` says: the version (bumped by hand, here and
/// nowhere else), the commit the build came from when the builder said
/// (`CLUSTERTUI_COMMIT`, see Package.swift) and the Swift compiler.
public enum BuildInfo {
    /// The version of clustertui. The .deb's version is read from the binary.
    public static let version = "0.9.0"

    /// The commit, or nil for a build that was not told (a plain `swift build`).
    public static var commit: String? {
        let text = String(cString: ctui_build_commit())
        return text.isEmpty ? nil : text
    }

    /// The compiler's major.minor version, as far as `#if compiler` tells.
    public static var swiftVersion: String {
        #if compiler(>=7.0)
        return "7 or later"
        #elseif compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    /// One line: `clustertui 0.9.0 (commit 1a2b3c4d5e6f, Swift 6.3)`.
    public static var versionLine: String {
        "clustertui \(version) (commit \(commit ?? "unknown"), Swift \(swiftVersion))"
    }
}
