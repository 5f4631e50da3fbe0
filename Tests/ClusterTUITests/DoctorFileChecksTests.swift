import ClusterClient
import ClusterModel
import Foundation
import Testing
@testable import ClusterCLI

/// Issue 15: doctor's config and token checks on real files in a
/// temporary directory: found, parses, current-context, mode 0600, expiry.
@Suite struct DoctorFileChecksTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-doctor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String, mode: Int) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func aTokenFileReadableByOthersIsAWarningThatSaysChmod() throws {
        let open = try file("open.token", "s3cret-token\n", mode: 0o644)
        let (line, token) = TokenChecks.file(open, explicit: true, login: "clustertui login --url U")
        #expect(line.verdict == .warn && line.text.contains("mode 0644") && line.text.contains("chmod 600 \(open)"))
        #expect(token == "s3cret-token")
        #expect(!line.rendered.contains("s3cret"), "the token is never part of a line")
        let closed = try file("closed.token", "s3cret-token\n", mode: 0o600)
        let (ok, _) = TokenChecks.file(closed, explicit: true, login: "x")
        #expect(ok.verdict == .ok && ok.text.contains("mode 0600"), "\(ok.text)")
    }

    @Test func missingAndUnreadableTokenFiles() throws {
        let missing = directory.appendingPathComponent("none.token").path
        let (explicit, _) = TokenChecks.file(missing, explicit: true, login: "clustertui login --context prod")
        #expect(explicit.verdict == .fail && explicit.text.contains("No such file") && explicit.text.contains("clustertui login --context prod"))
        let (implicit, _) = TokenChecks.file(missing, explicit: false, login: "clustertui login --context prod")
        #expect(implicit.verdict == .warn && implicit.text.contains("no session token"))
        // Root reads any mode; a directory is unreadable as a token for everyone.
        let (dir, token) = TokenChecks.file(directory.path, explicit: true, login: "x")
        #expect(dir.verdict == .fail && dir.text.contains("is a directory") && token == nil)
        let empty = try file("empty.token", "\n", mode: 0o600)
        #expect(TokenChecks.file(empty, explicit: true, login: "x").0.verdict == .fail)
    }

    @Test func aJWTsExpiryIsCheckedAgainstNow() throws {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        func jwt(_ exp: Int) -> String {
            let payload = Data("{\"exp\":\(exp)}".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            return "eyJhbGciOiJIUzI1NiJ9.\(payload).sig"
        }
        let expired = try #require(TokenChecks.expiry(jwt(1_780_000_000 - 7200), now: now, login: "clustertui login --url U"))
        #expect(expired.verdict == .fail && expired.text.contains("expired at 2026-05-28T") && expired.text.contains("2 hours ago"))
        #expect(TokenChecks.expiry(jwt(1_780_000_000 + 600), now: now, login: "x")?.verdict == .warn)
        #expect(TokenChecks.expiry(jwt(1_780_000_000 + 86_400 * 6), now: now, login: "x")?.verdict == .ok)
        #expect(TokenChecks.expiry("opaque", now: now, login: "x") == nil)
    }

    @Test func theConfigFileIsFoundParsedAndItsCurrentContextChecked() throws {
        let missing = directory.appendingPathComponent("none.toml").path
        #expect(ConfigChecks.file(path: missing).verdict == .ok)
        let good = try file("good.toml", "current-context = \"prod\"\n[contexts.prod]\nurl = \"https://core:3000\"\n", mode: 0o600)
        #expect(ConfigChecks.file(path: good) == .ok("config", "\(good): 1 context (prod), current-context prod"))
        let dangling = try file("dangling.toml", "current-context = \"prod\"\n[contexts.stage]\nurl = \"https://s:3000\"\n", mode: 0o600)
        let missingTable = ConfigChecks.file(path: dangling)
        #expect(missingTable.verdict == .fail && missingTable.text.contains("current-context \"prod\" has no [contexts.prod] table"))
        let bad = try file("bad.toml", "[contexts.prod]\nurl = \"https://core:3000\"\ninsecur = true\n", mode: 0o600)
        let fail = ConfigChecks.file(path: bad)
        #expect(fail.verdict == .fail && fail.text.contains("bad.toml:3: unknown key \"insecur\""), "\(fail.text)")
    }

    /// `--context alpha --url <beta's>` sent alpha's token to beta's server, and the dashboard's header said alpha.
    @Test func aContextAndAnotherServersURLAreRefused() throws {
        let config = try file("c2.toml", "[contexts.alpha]\nurl = \"http://127.0.0.1:38601\"\ntoken-file = \"/t\"\n", mode: 0o600)
        let both = try ConnectionOptions.parse(["--context", "alpha", "--url", "http://127.0.0.1:38602"])
        #expect { try both.resolve(configPath: config) } throws: { error in
            "\(error)".contains("--url http://127.0.0.1:38602 is not context alpha's url (http://127.0.0.1:38601)")
        }
        for sameServer in ["http://127.0.0.1:38601/", "HTTP://127.0.0.1:38601//"] {
            let same = try ConnectionOptions.parse(["--context", "alpha", "--url", sameServer])
            #expect(try same.resolve(configPath: config)?.tokenFile == "/t", "\(sameServer)")
        }
        let urlAlone = try ConnectionOptions.parse(["--url", "http://127.0.0.1:38602"])
        #expect(try urlAlone.resolve(configPath: config)?.contextName == nil)
    }

    @Test func theContextLineSaysWhichRuleChoseTheTarget() throws {
        let config = try file("c.toml", "current-context = \"prod\"\n[contexts.prod]\nurl = \"https://core:3000\"\n", mode: 0o600)
        let (current, target) = ConfigChecks.context(try ConnectionOptions.parse([]), configPath: config)
        #expect(current.text == "prod (current-context in \(config)): https://core:3000" && target?.contextName == "prod")
        let (flag, _) = ConfigChecks.context(try ConnectionOptions.parse(["--url", "http://127.0.0.1:9"]), configPath: config)
        #expect(flag.text.contains("--url http://127.0.0.1:9 (the config's current-context does not apply)"))
        let (unknown, none) = ConfigChecks.context(try ConnectionOptions.parse(["--context", "nope"]), configPath: config)
        #expect(unknown.verdict == .fail && unknown.text.contains("known: prod") && none == nil)
        let empty = directory.appendingPathComponent("none.toml").path
        let (demo, nothing) = ConfigChecks.context(try ConnectionOptions.parse([]), configPath: empty)
        #expect(demo.verdict == .warn && demo.text.contains("embedded demo") && nothing == nil)
    }
}
