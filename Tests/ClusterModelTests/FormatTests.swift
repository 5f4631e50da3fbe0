import Foundation
import Testing
@testable import ClusterModel

/// Compact and long ages at every unit boundary.
@Suite struct AgeFormatTests {
    @Test func compactBoundaries() {
        let cases: [(TimeInterval?, String)] = [
            (nil, "—"), (.nan, "—"), (.infinity, "—"), (-3, "0s"), (0, "0s"), (0.99, "0s"), (59.9, "59s"),
            (60, "1m00s"), (65, "1m05s"), (3_599, "59m59s"), (3_600, "1h00m"), (3_900, "1h05m"), (86_399, "23h59m"),
            (86_400, "1d00h"), (100_800, "1d04h"), (8_639_999, "99d23h"), (8_640_000, "100d"), (31_536_000, "365d"),
        ]
        for (secs, text) in cases { #expect(AgeFormat.compact(secs) == text, "\(String(describing: secs))") }
    }

    @Test func compactIsAtMostSixCells() {
        for s in stride(from: 0.0, to: 9_000_000, by: 997) { #expect(AgeFormat.compact(s).count <= 6) }
    }

    @Test func long() {
        #expect(AgeFormat.long(nil) == "unknown")
        #expect(AgeFormat.long(1) == "1 second")
        #expect(AgeFormat.long(42) == "42 seconds")
        #expect(AgeFormat.long(60) == "1 minute")
        #expect(AgeFormat.long(303) == "5 minutes 3 seconds")
        #expect(AgeFormat.long(3_900) == "1 hour 5 minutes")
        #expect(AgeFormat.long(273_600) == "3 days 4 hours")
        #expect(AgeFormat.long(86_400) == "1 day")
    }
}

/// Server text is made visible and inert: C0, DEL, C1 (incl. one-byte CSI) and bidi controls.
@Suite struct TextSanitizerTests {
    @Test func escSequenceBecomesVisible() {
        #expect(TextSanitizer.visible("evil\u{1B}[2J") == "evil\u{241B}[2J")
        #expect(TextSanitizer.visible("\u{1B}]0;title\u{07}") == "␛]0;title␇")
        #expect(TextSanitizer.visible("a\tb\r\nc") == "a␉b␍␊c")
        #expect(TextSanitizer.visible("\u{0}") == "␀")
        #expect(TextSanitizer.visible("x\u{7F}") == "x␡")
    }

    /// The one-byte CSI U+009B would start an escape sequence on 8-bit terminals.
    @Test func c1ControlsAreEscaped() {
        #expect(TextSanitizer.visible("a\u{9B}31mb") == "a<U+009B>31mb")
        #expect(TextSanitizer.visible("\u{80}\u{9F}") == "<U+0080><U+009F>")
    }

    /// Bidi overrides can make "exe.png" read as "png.exe" (Trojan Source).
    @Test func bidiAndInvisibleControlsAreEscaped() {
        #expect(TextSanitizer.visible("host\u{202E}gnp.exe") == "host<U+202E>gnp.exe")
        for v: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200C, 0x200E, 0x200F,
                          0x2028, 0x2029, 0xFEFF, 0x061C] {
            let s = String(Character(Unicode.Scalar(v)!))
            #expect(TextSanitizer.visible(s) == TextSanitizer.escape(v))
            #expect(!TextSanitizer.isClean(s))
        }
    }

    @Test func emojiAndCJKUntouched() {
        for s in ["名前 サンドボックス", "🚀", "👩‍💻", "🇩🇪", "héllo wörld", "Ωmega", "한국어"] {
            #expect(TextSanitizer.visible(s) == s)
            #expect(TextSanitizer.isClean(s))
        }
    }

    @Test func printableASCIIIsClean() {
        let s = "node-a https://x:3000/p?q=1 ~!@#$%^&*()"
        #expect(TextSanitizer.isClean(s))
        #expect(TextSanitizer.visible(s) == s)
        #expect(TextSanitizer.isClean(""))
        #expect(!TextSanitizer.isClean("a\u{1B}"))
    }

    @Test func hostileFixtureIsMadeInert() throws {
        let o = try Fixture.decode(Overview.self, "overview-hostile")
        for n in o.nodes {
            for field in [n.name, n.url ?? "", n.hostname ?? ""] {
                let v = TextSanitizer.visible(field)
                #expect(TextSanitizer.isClean(v))
                #expect(!v.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
        }
    }
}
