import Testing
import ClusterGrid

/// Drawing into `Screen`: width, truncation, sanitizing, wide graphemes, clipping.
@Suite struct GridTests {
    /// A screen of `width × height` with `text` put at (x, y).
    private func screen(_ width: Int, _ height: Int = 1, put text: String, x: Int = 0, y: Int = 0, maxWidth: Int? = nil) -> (Screen, Int) {
        var s = Screen(width: width, height: height)
        let n = s.put(text, x: x, y: y, maxWidth: maxWidth)
        return (s, n)
    }

    @Test func asciiFitsAndReportsColumns() {
        let (s, n) = screen(10, put: "hello", x: 2)
        #expect(n == 5)
        #expect(s.lines() == ["  hello"])
        #expect(s[x: 2, y: 0].char == "h")
    }

    /// Text wider than maxWidth is cut by columns and ends in the ellipsis.
    @Test func asciiTruncatesWithEllipsis() {
        let (s, n) = screen(20, put: "kubernetes-node-01", maxWidth: 8)
        #expect(n == 8)
        #expect(s.lines() == ["kuberne…"])
        #expect(DisplayWidth.truncate("kubernetes", to: 5) == "kube…")
        #expect(DisplayWidth.truncate("kube", to: 5) == "kube")
        #expect(DisplayWidth.truncate("kube", to: 0) == "")
    }

    /// Without maxWidth the room is the right edge: text running off it is truncated too.
    @Test func defaultRoomIsRightEdge() {
        let (s, n) = screen(6, put: "abcdefgh", x: 1)
        #expect(n == 5)
        #expect(s.lines() == [" abcd…"])
    }

    @Test func cjkTakesTwoColumns() {
        let (s, n) = screen(10, put: "漢字ab")
        #expect(n == 6)
        #expect(DisplayWidth.of("漢字ab") == 6)
        #expect(s[0, 0].width == 2 && s[1, 0].width == 0 && s[2, 0].width == 2)
        #expect(s.lines() == ["漢字ab"])
    }

    /// A wide grapheme that does not fit before the ellipsis leaves a pad space, never half a glyph.
    @Test func cjkTruncatesByDisplayWidth() {
        let (s, n) = screen(10, put: "漢字漢字", maxWidth: 4)
        #expect(n == 4)
        #expect(s.lines() == ["漢 …"])
        #expect(DisplayWidth.truncate("漢字漢字", to: 5) == "漢字…")
        #expect(DisplayWidth.truncate("漢字漢字", to: 4) == "漢…")
    }

    /// A wide grapheme whose right half would fall off the screen becomes a space.
    @Test func wideCharAtLastColumnBecomesSpace() {
        let (s, n) = screen(5, put: "abcd漢", maxWidth: 6)
        #expect(n == 6)
        #expect(s.lines() == ["abcd"])
        #expect(s[4, 0].char == " " && s[4, 0].width == 1)
    }

    /// Overwriting half of a wide grapheme blanks the other half (no orphan trailer reaches curses).
    @Test func overwritingHalfAWideCharBlanksTheOtherHalf() {
        var s = Screen(width: 6, height: 1)
        s.put("漢字", x: 0, y: 0)
        s.put("x", x: 1, y: 0)
        #expect(s.lines() == [" x字"])
        s.put("y", x: 2, y: 0)
        #expect(s.lines() == [" xy"])
        #expect(s[3, 0].width == 1)
    }

    @Test func emojiWidths() {
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("❤️") == 2)  // text-default heart + VS16
        #expect(DisplayWidth.of("❤") == 1)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)  // ZWJ family is one grapheme
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)  // skin-tone modifier joins the base
        let (s, n) = screen(10, put: "🚀ok")
        #expect(n == 4)
        #expect(s.lines() == ["🚀ok"])
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("a\u{20DD}") == 1)
        #expect(DisplayWidth.of("\u{FE0F}") == 0)
        let (s, n) = screen(10, put: "Cafe\u{301}!")
        #expect(n == 5)
        #expect(s[3, 0].char == "e\u{301}")
        #expect(s.lines() == ["Café!"])
    }

    /// Server text is shown, never obeyed: ESC, the one-byte CSI 0x9B, DEL and bidi overrides are made visible.
    @Test func controlSequencesAreMadeVisible() {
        let (s, _) = screen(40, put: "a\u{1B}[2Jb")
        #expect(s.lines() == ["a␛[2Jb"])
        let (c1, _) = screen(40, put: "x\u{9B}31my")
        #expect(c1.lines() == ["x<U+009B>31my"])
        let (bidi, _) = screen(40, put: "ab\u{202E}cd\u{7F}")
        #expect(bidi.lines() == ["ab<U+202E>cd␡"])
        let all = (0..<40).flatMap { x in [bidi[x, 0].char] }
        #expect(!all.contains { $0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }

    /// A newline in server text must not break the row layout.
    @Test func newlineStaysOnItsRow() {
        let (s, n) = screen(10, 2, put: "a\nb")
        #expect(n == 3)
        #expect(s.lines() == ["a␊b", ""])
    }

    @Test func boxDrawing() {
        var s = Screen(width: 12, height: 4)
        s.box(x: 0, y: 0, width: 12, height: 4, style: .role(.border), title: "Nodes")
        s.put("n1", x: 1, y: 1)
        #expect(s.lines() == [
            "┌ Nodes ───┐",
            "│n1        │",
            "│          │",
            "└──────────┘",
        ])
        #expect(s[2, 0].style.role == .title)
    }

    @Test func boxDrawingASCIIAndLongTitle() {
        var s = Screen(width: 8, height: 3)
        s.asciiOnly = true
        s.box(x: 0, y: 0, width: 8, height: 3, style: .plain, title: "Instances")
        #expect(s.lines() == [
            "+ Inst~+",
            "|      |",
            "+------+",
        ])
    }

    @Test func clippingAtEveryEdge() {
        var s = Screen(width: 4, height: 2)
        #expect(s.put("abcdef", x: -2, y: 0, maxWidth: 10) == 6)
        #expect(s.put("zz", x: 3, y: 5) == 0)
        #expect(s.put("zz", x: 9, y: 1) == 0)
        #expect(s.put("漢字", x: -1, y: 1, maxWidth: 4) == 4)
        #expect(s.lines() == ["cdef", " 字"])
        s.box(x: -1, y: -1, width: 10, height: 10)
        s.fill(x: 2, y: 1, width: 100, height: 100, char: "#", style: .plain)
        s.fill(x: 0, y: 0, width: -3, height: 2, char: "!", style: .plain)
        // The fill starts on the trailer of 字: its leading half is blanked too.
        #expect(s.lines() == ["cdef", "  ##"])
    }

    @Test func zeroSizedScreensNeverCrash() {
        for (w, h) in [(0, 0), (1, 1), (0, 5), (5, 0), (-3, -3)] {
            var s = Screen(width: w, height: h)
            s.put("漢字🚀\u{1B}[0m", x: 0, y: 0)
            s.put("x", x: -1, y: 0, maxWidth: 0)
            s.put("x", x: 0, y: 0, maxWidth: -5)
            s.box(x: 0, y: 0, width: w, height: h, title: "t")
            s.fill(x: 0, y: 0, width: w, height: h, style: .plain)
            s.restyle(x: 0, y: 0, width: w, style: .role(.selection))
            _ = s[x: 3, y: 3]
            #expect(s.lines().count == max(0, h))
        }
        var one = Screen(width: 1, height: 1)
        #expect(one.put("漢", x: 0, y: 0) == 1)
        #expect(one.lines() == ["…"])
        #expect(one.put("漢", x: 0, y: 0, maxWidth: 2) == 2)
        #expect(one.lines() == [""])
    }

    /// `lines()` is what snapshot tests compare: trailing spaces trimmed, trailers skipped, styles ignored.
    @Test func linesFixture() {
        var s = Screen(width: 24, height: 4)
        s.fill(x: 0, y: 0, width: 24, height: 1, style: .role(.header))
        s.put("NAME", x: 0, y: 0, style: .role(.columnHeader))
        s.put("STATUS", x: 12, y: 0, style: .role(.columnHeader))
        s.put("node-東京-1", x: 0, y: 1, maxWidth: 11)
        s.put("online", x: 12, y: 1, style: .role(.ok))
        s.put("node-with-a-long-name", x: 0, y: 2, maxWidth: 11)
        s.put("offline", x: 12, y: 2, style: .role(.offline))
        s.restyle(x: 0, y: 1, width: 24, style: .role(.selection))
        let expected = """
            NAME        STATUS
            node-東京-1 online
            node-with-… offline

            """
        #expect(s.text() == expected)
        #expect(s[14, 1].style.role == .selection && s[14, 1].char == "l")
    }
}
