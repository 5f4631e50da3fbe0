import Foundation
import Testing

/// ARCHITECTURE.md is the module map of record (issue 19): these tests fail
/// when `Package.swift`'s first-party dependencies and its table disagree,
/// or when a folder of `Sources/` is not in the table.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    static func read(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    /// `| \`Target\` | job | \`A\`, \`B\` |` rows: target → the dependencies it lists.
    static func documented() throws -> [String: Set<String>] {
        var table: [String: Set<String>] = [:]
        for line in try read("ARCHITECTURE.md").split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, let name = cells[1].split(separator: "`").first else { continue }
            let deps = cells[3].split(separator: ",").compactMap { cell -> String? in
                cell.split(separator: "`").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
            }
            table[String(name)] = Set(deps.filter { $0 != "—" })
        }
        return table
    }

    /// Every non-test target of Package.swift with its first-party (quoted, plain) dependencies.
    static func declared() throws -> [String: Set<String>] {
        let text = try read("Package.swift")
        var targets: [String: Set<String>] = [:]
        let starts = text.ranges(of: /\.(?:target|executableTarget|systemLibrary)\(\s*name: "(\w+)"/)
        for (i, range) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1].lowerBound : text.endIndex
            let block = String(text[range.lowerBound..<end])
            guard let name = block.firstMatch(of: /name: "(\w+)"/)?.1 else { continue }
            var deps = Set<String>()
            if let list = block.firstMatch(of: /dependencies: \[([^\]]*)\]/)?.1 {
                // External packages are `.product(name:package:)`: only plain quoted names are first-party targets.
                let firstParty = String(list).replacing(/\.product\([^)]*\)/, with: "")
                for match in firstParty.matches(of: /"(\w+)"/) { deps.insert(String(match.1)) }
            }
            targets[String(name)] = deps
        }
        return targets
    }

    /// Issue 19: folders did not stop App from using Views types or Terminal a CLI type; the table is the contract.
    @Test func packageDependenciesMatchTheTable() throws {
        let documented = try Self.documented()
        let declared = try Self.declared()
        #expect(!declared.isEmpty && declared["ClusterViews"] != nil, "Package.swift was read")
        for (target, deps) in declared.sorted(by: { $0.key < $1.key }) {
            guard let listed = documented[target] else { Issue.record("\(target) is not in ARCHITECTURE.md's table"); continue }
            #expect(deps == listed, "\(target): Package.swift has \(deps.sorted()), ARCHITECTURE.md lists \(listed.sorted())")
        }
    }

    /// A view that could call a flow, or an app that could reach the CLI or curses, breaks the layering.
    @Test func theArrowsPointDown() throws {
        let declared = try Self.declared()
        #expect(declared["ClusterViews"]?.contains("ClusterApp") == false, "views must not see the flows")
        for lower in ["ClusterState", "ClusterApp", "ClusterViews"] {
            let deps = declared[lower] ?? []
            #expect(deps.isDisjoint(with: ["ClusterCLI", "ClusterRuntime", "ClusterTerminal", "CNcurses", "ClusterClient", "ClusterCore"]),
                    "\(lower) reaches up or out: \(deps.sorted())")
        }
        #expect(declared["ClusterWrites"] == ["ClusterModel"], "the write engine knows no terminal and no HTTP client")
    }

    /// ClusterGrid and ClusterTerminal imported ClusterModel without depending on it: a clean build raced and failed to find the module.
    @Test func everyImportIsADeclaredDependency() throws {
        let declared = try Self.declared()
        let sources = Self.root.appendingPathComponent("Sources")
        for (target, deps) in declared.sorted(by: { $0.key < $1.key }) {
            let folder = sources.appendingPathComponent(target)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    guard let module = line.firstMatch(of: /^(?:@\w+ )*import (?:(?:struct|enum|class|func|protocol|typealias|var|let) )?(\w+)/)?.1
                    else { continue }
                    let name = String(module)
                    #expect(declared[name] == nil || name == target || deps.contains(name),
                            "Sources/\(target)/\(file) imports \(name), which Package.swift does not give \(target)")
                }
            }
        }
    }

    @Test func everySourceFolderIsInTheTable() throws {
        let documented = try Self.documented()
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources").path)
        for folder in folders.sorted() where !folder.hasPrefix(".") {
            #expect(documented[folder] != nil, "Sources/\(folder) is not in ARCHITECTURE.md")
        }
    }
}
