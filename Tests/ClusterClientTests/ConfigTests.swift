import ClusterClient
import ClusterModel
import Foundation
import Testing

/// The config file's TOML subset: what it accepts and how it says no.
@Suite("Config file")
struct ConfigTests {
    @Test("contexts, current-context, comments, both string kinds, numbers and booleans")
    func parsesFullExample() throws {
        let text = """
            # clustertui config
            current-context = "prod"   # the default

            [contexts.prod]
            url = "https://core.example:3000"
            token-file = '~/.config/clustertui/prod.token'
            ca-file = "/etc/ssl/corp \\"ca\\".pem"
            insecure = false
            poll-interval = 10
            instances-interval = 1_20.5

            [contexts."eu west"]
            url = "http://10.0.0.1:3000"
            insecure = true
            """
        let config = try ClusterConfig.parse(text)
        #expect(config.currentContext == "prod")
        let prod = try #require(config.contexts["prod"])
        #expect(prod.url == "https://core.example:3000")
        #expect(prod.tokenFile == "~/.config/clustertui/prod.token")
        #expect(prod.caFile == #"/etc/ssl/corp "ca".pem"#)
        #expect(prod.insecure == false)
        #expect(prod.pollInterval == 10)
        #expect(prod.instancesInterval == 120.5)
        #expect(config.contexts["eu west"]?.insecure == true)
    }

    @Test("errors name the line", arguments: [
        ("url = \"x\"", 1, "unknown top-level key"),
        ("[contexts.a]\nurl = https://x", 2, "not a string"),
        ("[contexts.a]\ninsecure = \"yes\"", 2, "true or false"),
        ("[contexts.a]\npoll-interval = 0", 2, "between 1 and 86400"),
        ("[contexts.a]\nurl = \"x\"\nurl = \"y\"", 3, "set twice"),
        ("[contexts.a]\nurl = \"unterminated", 2, "unterminated"),
        ("\n\n[context.a]", 3, "unknown table"),
        ("[contexts.a]\ntags = [1, 2]", 2, "arrays of anything but quoted strings are not supported"),
        ("[contexts.a]\ntags = [\"a\"]", 2, "unknown key \"tags\""),
        ("[contexts.a]\nurl = \"x\" trailing", 2, "unexpected text"),
        ("[contexts.a]\nurl: \"x\"", 2, "expected `=`"),
        ("[contexts.a]\nproxy = \"x\"", 2, "unknown key \"proxy\""),
    ])
    func lineNumberedErrors(text: String, line: Int, fragment: String) {
        do {
            _ = try ClusterConfig.parse(text, source: "cfg.toml")
            Issue.record("accepted: \(text)")
        } catch let e as ClusterError {
            #expect(e.exitCode == .usage)
            // One form for every config error: `file:LINE: …` (syntax errors said `file: line LINE: …`).
            #expect(e.description.contains("cfg.toml:\(line): "), "\(e)")
            #expect(e.description.contains(fragment), "\(e)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Issue 23: `fleet = true` starts on the fleet screen; `protected` is a context's boolean.
    @Test("fleet and protected")
    func fleetAndProtected() throws {
        let config = try ClusterConfig.parse("fleet = true\n[contexts.prod]\nurl = \"https://p\"\nprotected = true\n[contexts.dev]\nurl = \"https://d\"")
        #expect(config.startOnFleet && config.contexts["prod"]?.isProtected == true && config.contexts["dev"]?.isProtected == false)
        #expect(throws: ClusterError.self) { try ClusterConfig.parse("fleet = \"yes\"") }
        #expect(throws: ClusterError.self) { try ClusterConfig.parse("[contexts.a]\nprotected = 1") }
    }

    @Test("current-context must name a defined context")
    func currentContextMustExist() {
        #expect(throws: ClusterError.self) { try ClusterConfig.parse("current-context = \"nope\"") }
    }

    @Test("a missing file is an empty config; a present file is loaded")
    func loadFromDisk() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config.toml").path
        #expect(try ClusterConfig.load(path: path) == ClusterConfig())
        try "current-context = \"a\"\r\n[contexts.a]\r\nurl = \"http://h:1\"\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ClusterConfig.load(path: path).contexts["a"]?.url == "http://h:1")
    }

    @Test("default path ends in clustertui/config.toml")
    func defaultPath() {
        #expect(ClusterConfig.defaultPath.hasSuffix("/clustertui/config.toml"))
    }
}

/// Issue 13: unbounded text. A 64 MB config value came back as a 134 MB stderr line.
@Suite struct ConfigBoundsTests {
    /// Error messages quote at most ~120 characters of a value.
    @Test func errorsQuoteABoundedExcerpt() {
        let key = String(repeating: "k", count: 5_000)
        let text = "[contexts.a]\nurl = \"http://x\"\n\(key) = \"v\"\n"
        do {
            _ = try ClusterConfig.parse(text)
            Issue.record("an unknown key must fail")
        } catch {
            let message = String(describing: error)
            #expect(message.count < 400, "bounded: \(message.count) characters")
            #expect(message.contains("kkk…"))
        }
    }

    /// A config file larger than 1 MB is refused before it is read.
    @Test func aHugeConfigFileIsRefused() throws {
        let path = NSTemporaryDirectory() + "/ctui-huge-\(getpid()).toml"
        defer { unlink(path) }
        try Data(repeating: UInt8(ascii: "#"), count: ClusterConfig.maxFileSize + 1).write(to: URL(fileURLWithPath: path))
        #expect(throws: ClusterError.usage("config file \(path) is \(ClusterConfig.maxFileSize + 1) bytes; the limit is \(ClusterConfig.maxFileSize) (1 MB)")) {
            try ClusterConfig.load(path: path)
        }
    }
}
