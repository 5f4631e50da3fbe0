import ClusterGrid
import ClusterModel
import Foundation

/// How a custom action's run ended (issue 24), as the loop reports it.
package struct ActionResult: Sendable, Equatable {
    package var name: String
    package var subject: String
    package var mode: CustomAction.Mode
    /// The exit status; nil when it did not start (`problem` says why) or was killed by a signal.
    package var status: Int32?
    /// Why it did not start or how it ended abnormally ("stopped after 600 s", "signal 9").
    package var problem: String?
    /// Its stdout and stderr together (background only), at most `ActionResult.outputLimit` bytes, as text.
    package var output: String
    /// The output was longer and was cut.
    package var truncated = false
    /// False when it never ran (not found, no pipe, too many running): `problem` says why.
    package var started = true

    /// The most output kept from one background run.
    package static let outputLimit = 64 * 1024

    package init(name: String, subject: String, mode: CustomAction.Mode, status: Int32?, problem: String? = nil, output: String = "") {
        self.name = name; self.subject = subject; self.mode = mode; self.status = status; self.problem = problem; self.output = output
    }

    /// One line: `exit 0`, `exit 2`, `did not start: …`.
    package var outcome: String {
        if let status { return "exit \(status)" }
        return problem ?? "ended without a status"
    }

    package var succeeded: Bool { status == 0 }
}

/// The output pane of a background action's run (`O` opens the last one).
package struct ActionOutputView: Sendable, Equatable {
    package var result: ActionResult
    /// The first row shown, counted in `rows`.
    package var scroll = 0
    /// The output as lines, every control character made visible (made once, not per frame).
    package let lines: [String]
    /// `lines` wrapped to `rowsWidth` columns: a long line is read whole, not cut at the frame.
    package private(set) var rows: [String]
    package private(set) var rowsWidth = 0
    /// The row each line begins at in `rows` (empty while unwrapped): the
    /// top row's line is looked up here, not found by wrapping again.
    private var lineStarts: [Int] = []

    package init(result: ActionResult) {
        self.result = result
        lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.visible(String($0)) }
        rows = lines
    }

    /// The width the output pane's frame asks for: the screen less 4, at least 60.
    package static func frameWidth(screenWidth: Int) -> Int { max(60, screenWidth - 4) }

    /// The columns the output pane's text gets on a screen this wide.
    package static func textWidth(screenWidth: Int) -> Int {
        ModalGeometry.innerWidth(frameWidth: ModalGeometry.width(frameWidth(screenWidth: screenWidth), screenWidth: screenWidth))
    }

    /// Wraps the lines again when the width changed, keeping the top row's line in view.
    package mutating func fit(screenWidth: Int) {
        let width = Self.textWidth(screenWidth: screenWidth)
        guard width != rowsWidth, width > 0 else { return }
        let topLine = lineOfRow(scroll)
        var wrapped: [String] = []
        var starts: [Int] = []
        starts.reserveCapacity(lines.count)
        for line in lines {
            starts.append(wrapped.count)
            wrapped += Self.fits(line, width) ? [line] : WordWrap.lines(line, width: width)
        }
        rows = wrapped
        rowsWidth = width
        lineStarts = starts
        scroll = starts.indices.contains(topLine) ? starts[topLine] : 0
    }

    /// The source line the row `row` belongs to.
    private func lineOfRow(_ row: Int) -> Int {
        guard !lineStarts.isEmpty else { return min(row, max(0, lines.count - 1)) }
        return lineStarts.lastIndex { $0 <= row } ?? 0
    }

    /// A line short enough in bytes fits without measuring its characters.
    private static func fits(_ line: String, _ width: Int) -> Bool {
        line.utf8.count <= width || DisplayWidth.of(line) <= width
    }
}

/// A custom action asked to confirm first (`confirm = true`): `y` runs it.
package struct ActionConfirm: Sendable, Equatable {
    package var invocation: ActionInvocation
    package init(invocation: ActionInvocation) { self.invocation = invocation }
}
