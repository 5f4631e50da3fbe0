import ClusterGrid
import ClusterModel
import Foundation

/// The formats a table is exported in (issue 24).
package enum ExportFormat: String, CaseIterable, Sendable {
    case csv, md, json, txt

    /// The next one, for Tab in the export form.
    package var next: ExportFormat { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
}

/// A table as the focused pane shows it (filter and sort applied), in the
/// CLI's words: made on the UI thread from values the state holds (the
/// instance rows are indices into the list, copy-on-write), turned into text
/// off it (`rendered`), so an export of 100,000 rows does not stall a key.
package struct TableSource: Sendable {
    package enum Rows: Sendable {
        case nodes([NodeCell])
        case instances([Instance], rows: [Int], risk: RiskContext?, assignments: [EntityKey: Assignment] = [:])
        case events([ClusterEvent])
    }
    package var pane: Pane
    package var rows: Rows
    /// The operator's column choices (`o`): a column turned on is written
    /// (UPDATED BY, shown on screen, was missing from the file), one turned
    /// off is not; the rest are the CLI's `-o wide` columns.
    package var choices = ColumnChoices()

    /// The columns written for `pane`, of `all`.
    private func exported<Row, SortKey>(_ all: [TableColumn<Row, SortKey>]) -> [TableColumn<Row, SortKey>] {
        all.filter { column in
            switch choices.visibility(pane, column.name) {
            case .on: return true
            case .off: return column.spec.identifying
            case .auto: return column.isShown(wide: true)
            }
        }
    }

    /// Column titles and cell texts, every cell visible text.
    package func table() -> (titles: [String], rows: [[String]]) {
        switch rows {
        case .nodes(let cells):
            let columns = exported(NodeColumns.all)
            return (columns.map(\.spec.title), cells.map { cell in columns.map { TextSanitizer.visible($0.cliText(cell)) } })
        case .instances(let list, let order, let risk, let assignments):
            let columns = exported(InstanceColumns.all)
            return (columns.map(\.spec.title), order.map { index in
                let instance = list[index]
                let cell = InstanceCell(instance: instance, risk: risk?.risk(of: instance) ?? .none,
                                        nodeHealth: risk?.health(ofNode: instance.nodeName), glyphs: .ascii,
                                        updatedBy: instance.explicit ? assignments[instance.key]?.updatedBy : nil)
                return columns.map { TextSanitizer.visible($0.cliText(cell)) }
            })
        case .events(let events):
            return (["TIME", "SEVERITY", "SUBJECT", "MESSAGE"], events.map { event in
                [WireDate.format(event.time), "\(event.severity)", TextSanitizer.visible(event.subject),
                 TextSanitizer.visible(event.message)]
            })
        }
    }

    /// The table in `format`.
    package func rendered(_ format: ExportFormat) -> String {
        let (titles, rows) = table()
        return TableText.render(titles: titles, rows: rows, format: format)
    }
}

/// A table's text in each export format.
package enum TableText {
    package static func render(titles: [String], rows: [[String]], format: ExportFormat) -> String {
        switch format {
        case .csv: return ([titles] + rows).map { $0.map(csv).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .md:
            let cells = ([titles] + rows).map { row in
                "| " + row.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") }
                    .joined(separator: " | ") + " |"
            }
            return ([cells[0], "|" + String(repeating: "---|", count: titles.count)] + cells.dropFirst()).joined(separator: "\n") + "\n"
        case .json:
            let objects = rows.map { Dictionary(zip(titles, $0), uniquingKeysWith: { a, _ in a }) }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
            return JSONControlEscaping.escape(String(decoding: data, as: UTF8.self)) + "\n"
        case .txt:
            var widths = titles.map(DisplayWidth.of)
            for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
            return ([titles] + rows).map { row in
                row.enumerated().map { i, cell in
                    i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - DisplayWidth.of(cell) + 2)
                }.joined()
            }.joined(separator: "\n") + "\n"
        }
    }

    /// One CSV field: quoted when it holds a comma, a quote or a line break
    /// (RFC 4180); a server's text that a spreadsheet would run as a formula
    /// (`=`, `+`, `-`, `@` first) is kept as text with a leading `'`.
    static func csv(_ field: String) -> String {
        var field = field
        if let first = field.first, "=+-@".contains(first), Double(field) == nil { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The export form (`w` the focused table, `W` the whole screen): a file
/// name, and for a table its format (Tab).
package struct ExportForm: Sendable, Equatable {
    /// What is written: the focused pane's table, or the screen as text.
    package enum Target: Sendable, Equatable { case table(Pane), screen }
    package var target: Target
    package var format: ExportFormat = .csv
    package var path: String
    package var error: String?

    package init(target: Target, path: String) { self.target = target; self.path = path }
}

extension AppState {
    /// The focused pane's table as shown, for an export.
    package func tableSource(_ pane: Pane) -> TableSource {
        var source: TableSource
        switch pane {
        case .nodes:
            let thresholds = self.thresholds
            source = TableSource(pane: pane, rows: .nodes(derived.nodes.map { nodeCell($0, glyphs: .ascii, thresholds: thresholds) }))
        case .instances:
            source = TableSource(pane: pane, rows: .instances(snapshot?.instances ?? [], rows: derived.instanceRows, risk: derived.risk,
                                                             assignments: snapshot?.assignmentsByKey ?? [:]))
        case .events:
            source = TableSource(pane: pane, rows: .events(events))
        }
        source.choices = columns
        return source
    }
}
