import ClusterTestSupport
import Foundation
import Testing
import ClusterGrid
import ClusterState
import ClusterViews

/// Compares a rendered screen with a readable text fixture in `Fixtures/`
/// (read from the source tree). `RECORD_SNAPSHOTS=1` rewrites the fixture
/// instead; read the new file before committing it.
enum ScreenFixture {
    /// `normalise` rewrites the rendered text before the comparison (the
    /// help overlay's version becomes `{VERSION}`, so a bump is one line).
    static func check(_ name: String, _ state: AppState, sourceFile: String = #filePath,
                      normalise: (String) -> String = { $0 },
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = normalise(RootView.render(state).text() + "\n")
        let fixtures = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let file = fixtures.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "screen \(name) differs from its fixture:\n\(text)", sourceLocation: sourceLocation)
    }
}

/// Styled fixtures (issue 12), like ratatui's `Buffer::with_lines` with
/// styled spans: a fixture `NAME.styles.txt` holds one code per cell under
/// the text fixture's cells, so a test can lock colours, the selection and
/// dimming, not only the text. Codes: one letter per style role
/// (`StyledScreen.codes`), upper case when bold, `~` for any dimmed cell
/// (the data is stale), `.` for a plain normal cell.
enum StyledScreen {
    /// One letter per role; read the fixture with this legend at hand.
    static let codes: [StyleRole: Character] = [
        .normal: "n", .header: "h", .badge: "b", .title: "t", .border: "|", .selection: "s", .selectionInactive: "i",
        .columnHeader: "c", .dim: "d", .ok: "o", .late: "l", .stale: "q", .draining: "r", .offline: "x", .ghost: "g",
        .risk: "k", .warning: "w", .error: "e", .accent: "a", .keyHint: "y", .keyHintKey: "z", .notice: "v",
        .banner: "p", .input: "u", .modal: "m",
    ]

    /// The style map of `screen`: per row, one code per cell (a wide
    /// character's trailing cell repeats its code); `.` for a plain cell.
    static func map(_ screen: Screen) -> String {
        var rows: [String] = []
        for y in 0..<screen.height {
            var row = ""
            for x in 0..<screen.width {
                let style = screen[x, y].style
                if style == .plain { row.append("."); continue }
                var code = codes[style.role] ?? "?"
                if style.bold { code = Character(code.uppercased()) }
                if style.dim { code = "~" }
                row.append(code)
            }
            while row.last == "." { row.removeLast() }
            rows.append(row)
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// Compares the style map with `Fixtures/NAME.styles.txt` (`RECORD_SNAPSHOTS=1` rewrites it).
    static func check(_ name: String, _ state: AppState, sourceFile: String = #filePath,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let styles = map(RootView.render(state))
        let file = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name + ".styles.txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try styles.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(styles == expected, "styles of \(name) differ from their fixture:\n\(styles)", sourceLocation: sourceLocation)
    }
}
