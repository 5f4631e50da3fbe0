import ClusterClient
import ClusterModel
import Foundation
import Glibc

/// The one stderr line every command prints when the session token is read
/// from a file that group or others may read (issue 20: only `doctor` said
/// so). Not when `CLUSTERTUI_TOKEN` supplies the token: the file is not used.
enum TokenFileWarning {
    /// The warning for the token file `path`, or `nil` when it is private (or absent).
    static func text(forFile path: String, environment: [String: String]) -> String? {
        if let env = environment["CLUSTERTUI_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines), !env.isEmpty {
            return nil
        }
        var info = stat()
        guard stat(TokenStore.expandTilde(path), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              info.st_mode & 0o077 != 0 else { return nil }
        let mode = String(info.st_mode & 0o7777, radix: 8)
        return "clustertui: WARNING: token file \(TextSanitizer.visible(path)) is mode 0\(mode): other users of this "
            + "machine can read your session; chmod 600 \(TextSanitizer.visible(path))"
    }
}
