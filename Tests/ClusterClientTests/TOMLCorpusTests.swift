import ClusterClient
import ClusterModel
import Foundation
import Testing

/// The config reader against a reference parser (issue 19: the TOML subset
/// accepted `1__0`, `007` and `.5`, and was checked against nothing). The
/// corpus and the expected answers were written once by Python's tomllib
/// (scripts/dev/toml-corpus.py); the test needs only the files.
@Suite struct TOMLCorpusTests {
    /// One case of the manifest.
    struct Case: Decodable, Sendable, CustomStringConvertible {
        var file: String
        var valid: Bool
        var subset: Bool
        var entries: [Expected]?
        var description: String { file }
    }

    /// One leaf value as tomllib read it (a string array is one leaf).
    struct Expected: Decodable, Sendable, Equatable {
        var key: [String]
        var value: [String: ValueJSON]
    }

    /// A value of the manifest: a string, a number or a boolean.
    enum ValueJSON: Decodable, Sendable, Equatable {
        case string(String), number(Double), bool(Bool), strings([String])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) } else if let d = try? c.decode(Double.self) { self = .number(d) } else if
                let a = try? c.decode([String].self) { self = .strings(a) } else {
                self = .string(try c.decode(String.self))
            }
        }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("TOMLCorpus")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
              let cases = try? JSONDecoder().decode([Case].self, from: data) else { return [] }
        return cases
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.cases.count >= 50)
        #expect(Self.cases.contains { !$0.valid } && Self.cases.contains { $0.valid && !$0.subset })
    }

    /// Valid TOML inside the subset reads as tomllib reads it; valid TOML outside
    /// it is refused as "not supported"; invalid TOML is refused.
    @Test(arguments: cases)
    func readsAsTheReferenceParserDoes(_ testCase: Case) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(testCase.file), encoding: .utf8)
        switch (testCase.valid, testCase.subset) {
        case (true, true):
            let tables = try TOMLSubset.parse(text)
            var leaves: [Expected] = []
            for table in tables {
                for (key, entry) in table.entries {
                    let value: [String: ValueJSON] = switch entry.value {
                    case .string(let s): ["string": .string(s)]
                    case .bool(let b): ["bool": .bool(b)]
                    case .number(let d): ["number": .number(d)]
                    case .strings(let a): ["strings": .strings(a)]
                    }
                    leaves.append(Expected(key: table.path + [key], value: value))
                }
            }
            let sorted = leaves.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            let expected = (testCase.entries ?? []).sorted { $0.key.lexicographicallyPrecedes($1.key) }
            #expect(sorted == expected, "\(testCase.file)")
        case (true, false):
            #expect(throws: TOMLSubset.ParseError.self, "\(testCase.file) is outside the subset") { try TOMLSubset.parse(text) }
            do { _ = try TOMLSubset.parse(text) } catch { #expect(error.message.contains("not supported"), "\(testCase.file): \(error)") }
        case (false, _):
            #expect(throws: TOMLSubset.ParseError.self, "\(testCase.file) is not TOML") { try TOMLSubset.parse(text) }
        }
    }

    /// README's config example is a file the reader accepts, with what it says.
    @Test func readmesExampleIsAValidConfig() throws {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("../../../README.md").standardized, encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```toml\n").dropFirst().first?.components(separatedBy: "```").first)
        let config = try ClusterConfig.parse(block)
        #expect(config.currentContext == "prod")
        #expect(Set(config.contexts.keys) == ["prod", "eu west"])
        #expect(config.contexts["prod"]?.pollInterval == 2)
        // Issue 21: its [alerts] example reads as it says.
        let eu = config.alerting(for: "eu west"), prod = config.alerting(for: "prod")
        #expect(eu.notify == .osc9 && eu.onAlert.count == 3 && eu.rules.hold(.instancesAtRisk) == 30)
        #expect(eu.rules.disabled == [.versionSkew] && prod.onAlert.isEmpty && prod.notify == .osc9)
    }
}
