import Foundation
import Testing
@testable import ClusterTUI

/// Compares a rendered screen with a readable text fixture in `Fixtures/`
/// (read from the source tree). `RECORD_SNAPSHOTS=1` rewrites the fixture
/// instead; read the new file before committing it.
enum ScreenFixture {
    static func check(_ name: String, _ state: AppState, sourceFile: String = #filePath,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = RootView.render(state).text() + "\n"
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
