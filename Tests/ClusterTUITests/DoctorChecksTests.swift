import ClusterClient
import ClusterModel
import Foundation
import Testing
@testable import ClusterCLI
@testable import ClusterTerminal

/// Issue 15: `clustertui doctor`'s verdicts, from facts (pure): each
/// problem an operator hits over SSH gets its `warn` or `fail` and says
/// what to do.
@Suite struct DoctorChecksTests {
    static var goodTerminal: TerminalFacts {
        var f = TerminalFacts()
        f.term = "xterm-256color"
        f.terminfo = .known(colors: 256)
        f.stdinIsTerminal = true
        f.stdoutIsTerminal = true
        f.size = (120, 40)
        f.localeVariable = .init(name: "LANG", value: "C.UTF-8")
        f.codeset = "UTF-8"
        return f
    }

    func line(_ lines: [DoctorLine], _ check: String) throws -> DoctorLine {
        try #require(lines.first { $0.check == check }, "no \(check) line in \(lines)")
    }

    @Test func aGoodTerminalIsAllOK() {
        let lines = TerminalChecks.lines(Self.goodTerminal)
        #expect(lines.map(\.check) == ["terminal", "TERM", "colours", "locale", "size"])
        #expect(lines.allSatisfy { $0.verdict == .ok }, "\(lines)")
    }

    @Test func termThatCannotRunTheDashboardFails() throws {
        var f = Self.goodTerminal
        f.term = nil
        f.terminfo = .notChecked
        var term = try line(TerminalChecks.lines(f), "TERM")
        #expect(term.verdict == .fail && term.text.contains("export TERM=xterm-256color") && term.text.contains("ssh -t"))
        f.term = "dumb"
        term = try line(TerminalChecks.lines(f), "TERM")
        #expect(term.verdict == .fail && term.text.contains("clustertui get"))
        f.term = "kitty-direct"
        f.terminfo = .unknown
        term = try line(TerminalChecks.lines(f), "TERM")
        #expect(term.verdict == .fail && term.text.contains("infocmp -x kitty-direct"), "\(term.text)")
        f.terminfo = .noDatabase
        term = try line(TerminalChecks.lines(f), "TERM")
        #expect(term.verdict == .fail && term.text.contains("ncurses-base"))
    }

    @Test func noColoursAndNoColorAreExplained() throws {
        var f = Self.goodTerminal
        f.term = "vt100"
        f.terminfo = .known(colors: -1)
        let plain = try line(TerminalChecks.lines(f), "colours")
        #expect(plain.verdict == .warn && plain.text.contains("bold, reverse and underlined"))
        f.noColor = true
        let chosen = try line(TerminalChecks.lines(f), "colours")
        #expect(chosen.verdict == .ok && chosen.text.contains("NO_COLOR"))
    }

    /// The ASCII fallback and why: a C locale, and a locale named but not installed (a common jump-host surprise).
    @Test func aLocaleThatIsNotUTF8SaysWhyGlyphsAreASCII() throws {
        var f = Self.goodTerminal
        f.localeVariable = nil
        f.codeset = "ANSI_X3.4-1968"
        var locale = try line(TerminalChecks.lines(f), "locale")
        #expect(locale.verdict == .warn && locale.text.contains("LANG, LC_CTYPE and LC_ALL are unset"))
        #expect(locale.text.contains("ASCII glyphs") && locale.text.contains("LANG=C.UTF-8"))
        f.localeVariable = .init(name: "LC_ALL", value: "en_US.UTF-8")
        f.localeLoads = false
        locale = try line(TerminalChecks.lines(f), "locale")
        #expect(locale.verdict == .warn && locale.text.contains("LC_ALL=en_US.UTF-8 names a locale not installed"))
    }

    @Test func sizeAndMissingTerminalsAreWarnings() throws {
        var f = Self.goodTerminal
        f.size = (20, 6)
        #expect(try line(TerminalChecks.lines(f), "size").text.contains("below the dashboard's minimum of 30x8"))
        f.size = (70, 20)
        #expect(try line(TerminalChecks.lines(f), "size").verdict == .warn)
        f.size = nil
        #expect(try line(TerminalChecks.lines(f), "size").verdict == .warn)
        f.stdinIsTerminal = false
        let tty = try line(TerminalChecks.lines(f), "terminal")
        #expect(tty.verdict == .warn && tty.text.contains("ssh -t HOST clustertui"))
    }

    @Test func clockSkewBeyondFiveSecondsIsAWarningWithItsDirection() {
        #expect(ClusterFindings.clock(skew: 0.4).verdict == .ok)
        #expect(ClusterFindings.clock(skew: -4.2).verdict == .ok)
        let behind = ClusterFindings.clock(skew: 182)
        #expect(behind.verdict == .warn && behind.text.contains("3 minutes 2 seconds behind the server's"), "\(behind.text)")
        #expect(ClusterFindings.clock(skew: -10).text.contains("10 seconds ahead of the server's"))
    }

    @Test func versionSkewAmongLiveNodesIsAWarning() {
        var s = NodeSummary()
        s.versions = [VersionCount(version: "1.4.0", count: 5), VersionCount(version: "1.5.0", count: 1)]
        let skew = ClusterFindings.versions(s)
        #expect(skew.verdict == .warn && skew.text.contains("1.4.0 on 5, 1.5.0 on 1"))
        s.versions = [VersionCount(version: "1.4.0", count: 6)]
        #expect(ClusterFindings.versions(s) == .ok("versions", "every live node runs 1.4.0"))
    }

    @Test func nodeCountsNameEveryHealth() {
        var s = NodeSummary()
        s.online = 5; s.late = 1; s.draining = 1; s.offline = 1; s.ghosts = 2; s.total = 10
        #expect(ClusterFindings.nodes(s).text == "8 nodes: 5 online, 1 late, 1 draining, 1 offline; 2 ghost records (offline > 24 h)")
    }

    /// Lines quote the environment and servers: controls are made visible, and the length is bounded.
    @Test func renderedLinesAreInertAndBounded() {
        let hostile = DoctorLine.fail("api", "boom \u{1b}]0;PWNED\u{7}" + String(repeating: "x", count: 2000))
        #expect(!hostile.rendered.contains("\u{1b}") && hostile.rendered.contains("␛]0;PWNED"))
        #expect(hostile.rendered.count == DoctorLine.maxLength)
        #expect(DoctorLine.ok("tls", "fine").rendered == "ok    tls        fine")
    }

    /// Seen against a plain-HTTP serve over https://: "TLS failure: unknownError([])" alone said nothing to do.
    @Test func anOpaqueTLSFailureSaysWhatToTry() throws {
        let target = ResolvedTarget(
            label: "x", contextName: nil, url: try #require(URL(string: "https://127.0.0.1:9")), caFile: nil, insecure: false,
            tokenFile: "/t", tokenFileIsExplicit: false, pollInterval: nil, instancesInterval: nil)
        let opaque = ServerChecks.unreachable(ClusterError.tls("unknownError([])"), target: target)
        #expect(opaque.verdict == .fail && opaque.check == "tls")
        #expect(opaque.text.contains("use http://") && opaque.text.contains("--ca-file PEM"), "\(opaque.text)")
        let named = ServerChecks.unreachable(ClusterError.tls("https://127.0.0.1:9 did not answer TLS (is it plain http://?)"), target: target)
        #expect(named.text == "TLS failure: https://127.0.0.1:9 did not answer TLS (is it plain http://?)")
        let refused = ServerChecks.unreachable(ClusterError.connectionRefused("https://127.0.0.1:9"), target: target)
        #expect(refused.check == "server" && refused.text.hasSuffix("is the core running, and on this port?"))
    }
}

/// Issue 24: doctor says whether `y`/`Y` copy, and outside tmux that the terminal decides.
@Suite struct ClipboardCheckTests {
    @Test func offUnlessTheConfigSaysOsc52() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-clip-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/config.toml"
        #expect(ClipboardCheck.line(configPath: path, environment: [:]).text.hasPrefix("off"))
        try "clipboard = \"osc52\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let on = ClipboardCheck.line(configPath: path, environment: [:])
        #expect(on.verdict == .ok && on.text.hasPrefix("osc52"))
    }
}
