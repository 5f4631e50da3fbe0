import Foundation

/// A file name an operator typed, with `~` expanded as the shell does it.
package enum UserPath {
    /// `~` and `~/…` are `$HOME`, as the shell has them: Foundation's own
    /// expansion asks the password database, and wrote `~/out.csv` to /root
    /// for a dashboard run with `HOME` set elsewhere. `~user/…` stays
    /// Foundation's. `trimming`: surrounding spaces are dropped (a name
    /// typed in a form); a command-line argument is used as given.
    package static func expand(_ path: String, trimming: Bool = true,
                               home: String? = ProcessInfo.processInfo.environment["HOME"]) -> String {
        let trimmed = trimming ? path.trimmingCharacters(in: .whitespaces) : path
        if let home, !home.isEmpty, trimmed == "~" || trimmed.hasPrefix("~/") {
            return home + trimmed.dropFirst()
        }
        return (trimmed as NSString).expandingTildeInPath
    }

    /// What is wrong with writing a new file at `expanded`, said before
    /// anything is written; `nil`: nothing is there yet.
    package static func existing(_ expanded: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? "is a directory: type a file name in it (…/NAME)" : "it exists already: type another name"
    }
}
