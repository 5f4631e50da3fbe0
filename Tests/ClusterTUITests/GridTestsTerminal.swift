import Testing
import ClusterGrid
import ClusterTerminal

/// The parts of the terminal layer that need no terminal: key decoding,
/// the usability check, colour schemes, poll time-outs.
@Suite struct GridTestsTerminal {
    @Test func controlBytesDecodeToNamedKeys() {
        #expect(KeyDecoder.key(character: 0x03) == .ctrl("c"))
        #expect(KeyDecoder.key(character: 0x0C) == .ctrl("l"))
        #expect(KeyDecoder.key(character: 0x1A) == .ctrl("z"))
        #expect(KeyDecoder.key(character: 0x0D) == .enter)
        #expect(KeyDecoder.key(character: 0x09) == .tab)
        #expect(KeyDecoder.key(character: 0x1B) == .escape)
        #expect(KeyDecoder.key(character: 0x7F) == .backspace)
        #expect(KeyDecoder.key(character: 0x71) == .char("q"))
        #expect(KeyDecoder.key(character: 0x6F22) == .char("漢"))
        #expect(KeyDecoder.key(character: 0xD800) == .unknown(0xD800))
    }

    /// A dumb or unknown terminal gets one clear line instead of a garbled screen.
    @Test func unusableTerminalsAreRefused() throws {
        let dumb = try #require(Terminal.checkUsable(environment: ["TERM": "dumb"], requireTTY: false))
        #expect(dumb == "clustertui: terminal \"dumb\" cannot run the dashboard; use `clustertui get nodes` instead")
        #expect(Terminal.checkUsable(environment: [:], requireTTY: false)?.contains("TERM is not set") == true)
        let unknown = try #require(Terminal.checkUsable(environment: ["TERM": "no-such-term-\u{1B}x"], requireTTY: false))
        #expect(unknown.contains("no-such-term-␛x"))
        #expect(!unknown.contains("\u{1B}"))
        #expect(Terminal.checkUsable(environment: ["TERM": "xterm-256color"], requireTTY: false) == nil)
    }

    @Test func everyRoleHasAnEntryInEveryScheme() {
        for colors in [0, 8, 16, 256] {
            let scheme = ColorScheme.forColors(colors)
            #expect(scheme.entries.count == StyleRole.allCases.count)
            for entry in scheme.entries {
                #expect(entry.fg >= -1 && entry.fg < Int16(max(colors, 1)))
                #expect(entry.bg >= -1 && entry.bg < Int16(max(colors, 1)))
            }
        }
        let mono = ColorScheme.monochrome.entries[Int(StyleRole.selection.rawValue)]
        #expect(mono.reverse && mono.fg == -1)
    }

    @Test func pollTimeoutsRoundUp() {
        #expect(Terminal.milliseconds(nil) == -1)
        #expect(Terminal.milliseconds(0) == 0)
        #expect(Terminal.milliseconds(0.0001) == 1)
        #expect(Terminal.milliseconds(-5) == 0)
        #expect(Terminal.milliseconds(1e12) == Int32.max)
        #expect(Terminal.milliseconds(.infinity) == -1)
    }
}
