import ClusterModel
import Foundation
import Testing
@testable import ClusterApp
@testable import ClusterState

/// Issue 24: the focused table written as shown (filter and sort applied),
/// in each format, and the form that asks for the file.
@Suite struct ExportTests {
    @Test func eachFormatQuotesWhatItMust() {
        let titles = ["NAME", "NOTE"]
        let rows = [["a,b", "say \"hi\""], ["c|d", "plain"]]
        #expect(TableText.render(titles: titles, rows: rows, format: .csv)
                == "NAME,NOTE\r\n\"a,b\",\"say \"\"hi\"\"\"\r\nc|d,plain\r\n")
        #expect(TableText.render(titles: titles, rows: rows, format: .md).contains("| c\\|d | plain |"))
        let json = TableText.render(titles: titles, rows: rows, format: .json)
        let objects = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]]
        #expect(objects?.first?["NAME"] == "a,b" && objects?.count == 2)
        #expect(TableText.render(titles: titles, rows: rows, format: .txt).hasPrefix("NAME  NOTE"))
    }

    @Test func wWritesTheFilteredTableInTheChosenFormat() throws {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("/"))
        for c in "node:node-b" { TestCluster.press(&state, .char(c)) }
        TestCluster.press(&state, .enter, .char("w"), .tab)
        guard case .export(let form)? = state.topOverlay else { Issue.record("no form"); return }
        #expect(form.format == .md && form.path.hasSuffix(".md") && form.path.hasPrefix("clustertui-instances-"))
        let effects = TestCluster.press(&state, .enter)
        guard case .exportTable(let job)? = effects.first else { Issue.record("no export: \(effects)"); return }
        #expect(state.topOverlay == nil)
        let text = job.source.rendered(.txt)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 + state.derived.instanceRows.count, "\(text)")
        #expect(lines.dropFirst().allSatisfy { $0.contains("node-b") }, "\(text)")
    }

    /// UPDATED BY, turned on with `o` and shown, was missing from the written table; a column turned off was still written.
    @Test func theOperatorsColumnChoicesAreWritten() throws {
        var state = TestCluster.loadedState()
        var choices = ColumnChoices()
        choices.set(.instances, "updated-by", .on)
        choices.set(.instances, "subtitle", .off)
        choices.set(.instances, "name", .off)  // identifying: never off
        state.columnsByCluster[state.config.clusterURL] = choices
        let table = state.tableSource(.instances).table()
        #expect(table.titles.contains("UPDATED BY") && !table.titles.contains("SUBTITLE") && table.titles.contains("NAME"), "\(table.titles)")
        let by = table.titles.firstIndex(of: "UPDATED BY")!
        let explicit = state.snapshot!.overview.assignments.compactMap(\.updatedBy)
        try #require(!explicit.isEmpty, "the test cluster's bindings say who set them")
        #expect(table.rows.contains { explicit.contains($0[by]) }, "\(table.rows)")
        #expect(TableSource(pane: .instances, rows: state.tableSource(.instances).rows).table().titles.contains("SUBTITLE"), "no choices: -o wide's")
    }

    @Test func wOnTheScreenAsksForAFileAndEscCancels() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("W"))
        guard case .export(let form)? = state.topOverlay else { Issue.record("no form"); return }
        #expect(form.target == .screen && form.path.hasSuffix(".txt"))
        #expect(TestCluster.press(&state, .tab).isEmpty, "no format for a screen")
        #expect(TestCluster.press(&state, .enter).first == .dumpScreen(form.path))
        TestCluster.press(&state, .char("W"), .escape)
        #expect(state.topOverlay == nil)
    }

    /// Guards a server's text running as a spreadsheet formula, and a backslash breaking a Markdown column.
    @Test func csvKeepsFormulasAsTextAndMarkdownEscapesBackslashes() {
        #expect(TableText.csv("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(TableText.csv("-5") == "-5" && TableText.csv("@here") == "'@here")
        #expect(TableText.render(titles: ["A"], rows: [["a\\|b"]], format: .md).contains("| a\\\\\\|b |"))
    }

    /// Guards a taken file name losing what was typed (the form closed before the write refused).
    @Test func anExistingFileKeepsTheFormAndSaysWhy() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-exists-\(UUID().uuidString).csv").path
        FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("w"), .ctrl("u"))
        for c in path { TestCluster.press(&state, .char(c)) }
        #expect(TestCluster.press(&state, .enter).isEmpty)
        guard case .export(let form)? = state.topOverlay else { Issue.record("the form closed"); return }
        #expect(form.path == path && form.error?.contains("exists") == true)
    }

    /// Guards two surprises of `w`: a directory was refused as "it exists already", and `~/` went to the password database's home, not $HOME's.
    @Test func aDirectoryIsSaidAsOneAndTildeIsHome() throws {
        let directory = FileManager.default.temporaryDirectory.path
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("w"), .ctrl("u"))
        TestCluster.type(&state, directory)
        #expect(TestCluster.press(&state, .enter).isEmpty)
        guard case .export(let form)? = state.topOverlay else { Issue.record("the form closed"); return }
        #expect(form.error?.hasPrefix("is a directory") == true, "\(String(describing: form.error))")
        #expect(UserPath.expand(" ~/out.csv", home: "/tmp/h") == "/tmp/h/out.csv")
        #expect(UserPath.expand("~", home: "/tmp/h") == "/tmp/h")
        #expect(UserPath.expand("a~/b", home: "/tmp/h") == "a~/b")
    }
}
