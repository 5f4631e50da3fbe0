import ClusterClient
import ClusterModel
import Foundation
import Glibc

/// The token checks of `clustertui doctor`: where the session token comes
/// from, that its file is readable by you and by nobody else (0600), and
/// its expiry when the token carries one (a JWT's `exp`). The token itself
/// is never part of a line.
enum TokenChecks {
    /// The lines, and the token to send (nil: none could be read).
    static func run(_ target: ResolvedTarget, environment: [String: String], now: Date) -> ([DoctorLine], String?) {
        let login = ConfigChecks.loginCommand(target)
        var lines: [DoctorLine] = []
        let token: String?
        if let env = environment["CLUSTERTUI_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines), !env.isEmpty {
            token = env
            let shadowed = FileManager.default.fileExists(atPath: TokenStore.expandTilde(target.tokenFile))
            lines.append(.ok("token", "from CLUSTERTUI_TOKEN" + (shadowed ? " (it wins over the token file \(target.tokenFile))" : "")))
        } else {
            let (line, read) = file(target.tokenFile, explicit: target.tokenFileIsExplicit, login: login)
            lines.append(line)
            token = read
        }
        if let token, let line = expiry(token, now: now, login: login) { lines.append(line) }
        return (lines, token)
    }

    /// The token file's line and its token, if it could be read.
    static func file(_ path: String, explicit: Bool, login: String) -> (DoctorLine, String?) {
        let expanded = TokenStore.expandTilde(path)
        var info = stat()
        guard stat(expanded, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            if errno == ENOENT, !explicit {
                return (.warn("token", "no session token: CLUSTERTUI_TOKEN is unset and \(path) does not exist; "
                    + "run `\(login)` (it writes that file, mode 0600)"), nil)
            }
            return (.fail("token", "token file \(path): \(reason); run `\(login)` or fix the path"), nil)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return (.fail("token", "token file \(path) is a directory; point --token-file (or token-file) at the file"), nil)
        }
        let mode = String(info.st_mode & 0o7777, radix: 8)
        let owner = info.st_uid
        let token: String
        do {
            token = try TokenStore.read(path)
        } catch {
            let who = owner == geteuid() ? "" : ", owned by uid \(owner), you are uid \(geteuid())"
            return (.fail("token", "\(ConfigChecks.describe(error)) (mode 0\(mode)\(who))"), nil)
        }
        if info.st_mode & 0o077 != 0 {
            return (.warn("token", "\(path) is mode 0\(mode): other users of this machine can read your session; "
                + "chmod 600 \(path)"), token)
        }
        if owner != geteuid() {
            return (.warn("token", "\(path) belongs to uid \(owner), not to you (uid \(geteuid())): its owner can "
                + "read or replace your session; `\(login)` writes a file of your own"), token)
        }
        return (.ok("token", "\(path) (mode 0\(mode), yours)"), token)
    }

    /// The expiry line when the token carries an `exp` (a JWT); nil otherwise.
    static func expiry(_ token: String, now: Date, login: String) -> DoctorLine? {
        guard let expires = TokenExpiry.expiry(ofJWT: token) else { return nil }
        let when = WireDate.format(expires)
        let left = expires.timeIntervalSince(now)
        if left <= 0 {
            return .fail("expiry", "the token expired at \(when) (\(AgeFormat.long(-left)) ago); run `\(login)`")
        }
        if left < 3600 {
            return .warn("expiry", "the token expires at \(when), in \(AgeFormat.long(left)); run `\(login)` soon")
        }
        return .ok("expiry", "the token is valid until \(when) (in \(AgeFormat.long(left)))")
    }
}
