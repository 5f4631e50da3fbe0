import Testing
import ClusterGrid

/// One word-wrap for the help and the forms' two-line errors: breaks at
/// spaces, cuts a word longer than a line, and with a limit leaves the
/// rest of the text as it is on the last line (the forms' copy rejoined
/// the rest with single spaces, splitting a cut URL).
@Suite struct WordWrapTests {
    /// Each case: the lines, never wider than asked, and the text kept whole but the spaces broken at.
    @Test func breaksAtSpacesCutsLongWordsAndKeepsTheRest() {
        #expect(WordWrap.lines("alpha beta gamma", width: 10) == ["alpha beta", "gamma"])
        #expect(WordWrap.lines("https://core.example:3000/api", width: 10) == ["https://co", "re.example", ":3000/api"])
        #expect(WordWrap.lines("one two  three four", width: 7, limit: 2) == ["one two", "three four"])
        #expect(WordWrap.lines("a cut-url-with-no-spaces here", width: 6, limit: 2) == ["a", "cut-url-with-no-spaces here"])
        #expect(WordWrap.lines("", width: 5) == [""])
        #expect(WordWrap.lines("text", width: 0) == ["text"])
        #expect(WordWrap.lines("日本語", width: 2) == ["日", "本", "語"])
    }
}
