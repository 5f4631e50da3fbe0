import ClusterGrid

/// A centred, bordered box drawn over the main screen, with its inside
/// cleared: the frame every overlay (help, details, forms) is drawn in.
package struct ModalFrame {
    package var x: Int
    package var y: Int
    package var width: Int
    package var height: Int

    /// A frame of at most `width`×`height`, shrunk to fit the screen with a margin.
    package init(screen: Screen, width: Int, height: Int) {
        self.width = ModalGeometry.width(width, screenWidth: screen.width)
        self.height = max(0, min(height, screen.height - 2))
        x = max(0, (screen.width - self.width) / 2)
        y = max(0, (screen.height - self.height) / 2)
    }

    package func draw(into screen: inout Screen, title: String) {
        screen.fill(x: x, y: y, width: width, height: height, style: TextStyle(role: .modal))
        screen.box(x: x, y: y, width: width, height: height, style: TextStyle(role: .border), title: title)
        // `--accessible`: a reader follows the cursor into the box (a list in it moves it to its selection).
        screen.cursor = ScreenPoint(x: innerX, y: innerY)
    }

    /// The inside, one column of padding within the border.
    package var innerX: Int { x + ModalGeometry.sideInset }
    package var innerY: Int { y + 1 }
    package var innerWidth: Int { ModalGeometry.innerWidth(frameWidth: width) }
    package var innerHeight: Int { max(0, height - 2) }

    /// Writes one line of the inside; rows past the frame are dropped.
    @discardableResult
    package func line(_ screen: inout Screen, _ row: Int, _ text: String, style: TextStyle = TextStyle(role: .modal), indent: Int = 0) -> Int {
        guard row >= 0, row < innerHeight, indent < innerWidth else { return 0 }
        return screen.put(text, x: innerX + indent, y: innerY + row, maxWidth: innerWidth - indent, style: style)
    }

    /// Writes `text` over up to `lines` rows, broken at spaces: an error
    /// names its cause first and its advice after, and both should be read.
    package func wrapped(_ screen: inout Screen, _ row: Int, _ text: String, lines: Int, style: TextStyle) {
        // The last row takes the rest as it is, cut at the frame.
        for (i, part) in WordWrap.lines(text, width: innerWidth, limit: lines).enumerated() {
            line(&screen, row + i, part, style: style)
        }
    }
}
