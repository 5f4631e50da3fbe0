import Foundation
import Testing
import ClusterModel

/// The fast instance-list decoder against `JSONDecoder`: it must either give
/// exactly `JSONDecoder`'s answer or step aside (`nil`), on the fixtures, on
/// odd bodies written by hand, on generated lists and on mutated bodies.
@Suite struct InstanceListDecoderTests {
    /// Byte-exact form of a list (String `==` would let NFC/NFD pass as equal).
    static func canonical(_ list: InstanceList) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(list)
    }

    static func fast(_ text: String) -> InstanceList? { fast(Data(text.utf8)) }
    static func fast(_ data: Data) -> InstanceList? { data.withUnsafeBytes { InstanceListDecoder.decodeIfPlain($0) } }

    /// The property every body must have: fast is nil, or equal to JSONDecoder's success.
    static func agrees(_ data: Data) throws -> Bool {
        guard let quick = fast(data) else { return true }
        guard let slow = try? JSONDecoder().decode(InstanceList.self, from: data) else { return false }
        return try canonical(quick) == canonical(slow)
    }

    @Test(arguments: ["instances-reference", "instances-hostile"])
    func fixturesTakeTheFastPathAndAgree(name: String) throws {
        let data = try Fixture.data(name)
        let quick = try #require(Self.fast(data), "the server's own shape must not need the slow path")
        #expect(try Self.canonical(quick) == Self.canonical(JSONDecoder().decode(InstanceList.self, from: data)))
    }

    @Test func defaultsMatchInstanceDecoding() throws {
        let body = #"{"instances":[{"entityType":"agent","entityId":"a:1"},"#
            + #"{"entityType":"ocr","entityId":"b","name":null,"nodeName":null,"mode":null,"explicit":null}]}"#
        let list = try #require(Self.fast(body))
        #expect(list.instances[0].name == "a:1")
        #expect(list.instances[0].nodeName == "")
        #expect(list.instances[0].mode == .preferred)
        #expect(list.instances[0].explicit == false)
        #expect(list.instances[1].name == "b")
        #expect(try Self.agrees(Data(body.utf8)))
    }

    @Test func escapesDecodeLikeJSONDecoder() throws {
        let body = #"{"instances":[{"entityType":"agent","entityId":"x\"y\\z\/","#
            + #""name":"tab\there\nnl \u00e9 \u00E9 \ud83d\ude80 \u0000 \b\f\r","subtitle":"caf\u0065\u0301"}]}"#
        let list = try #require(Self.fast(body))
        #expect(list.instances[0].entityId == #"x"y\z/"#)
        #expect(list.instances[0].name.unicodeScalars.contains("\u{1F680}"))
        #expect(try Self.agrees(Data(body.utf8)))
    }

    /// Bodies the fast path must hand to `JSONDecoder`: then `decode` gives
    /// `JSONDecoder`'s value or its error.
    @Test(arguments: [
        #"{"instances":[{"entityType":"agent","entityId":"a","name":7}]}"#,          // number where a string belongs
        #"{"instances":[{"entityType":"agent","entityId":"a","explicit":1}]}"#,      // number where a bool belongs
        #"{"instances":[{"entityType":"agent","entityId":"a","entityId":"b"}]}"#,    // duplicate key
        #"{"instances":[{"entity\u0054ype":"agent","entityId":"a"}]}"#,              // escaped key
        #"{"instances":[{"entityType":"agent","entityId":"\ud800"}]}"#,              // lone surrogate
        #"{"instances":[{"entityType":null,"entityId":"a"}]}"#,                      // null required field
        #"{"instances":[{"entityId":"a"}]}"#,                                        // missing required field
        #"{"instances":null}"#,
        #"{"other":[]}"#,
        #"{"instances":[]} x"#,                                                      // trailing bytes
        "\u{FEFF}{\"instances\":[]}",                                                // BOM
        #"{"instances":[{"entityType":"agent","entityId":"a","x":01}]}"#,            // leading zero
        #"{"instances":[{"entityType":"agent","entityId":"a","x":[1,]}]}"#,          // trailing comma
        #"{"instances":[{"entityType":"agent","entityId":"a"},]}"#,
        #"{"instances":[{"entityType":"agent","entityId":"a"}"#,                     // truncated
        #"[{"entityType":"agent","entityId":"a"}]"#,                                 // wrong top level
        "",
    ])
    func oddBodiesStepAside(body: String) throws {
        let data = Data(body.utf8)
        #expect(Self.fast(data) == nil)
        let viaDecoder = Result(catching: { try JSONDecoder().decode(InstanceList.self, from: data) })
        let viaFacade = Result(catching: { try InstanceListDecoder.decode(data) })
        switch (viaDecoder, viaFacade) {
        case (.success(let a), .success(let b)): #expect(try Self.canonical(a) == Self.canonical(b))
        case (.failure, .failure): break
        default: Issue.record("decode and JSONDecoder disagree on \(body)")
        }
    }

    @Test func invalidUTF8StepsAside() throws {
        var data = Data(#"{"instances":[{"entityType":"agent","entityId":"a"#.utf8)
        data.append(contentsOf: [0xC3, 0x28])  // a broken two-byte sequence
        data.append(contentsOf: Array(#""}]}"#.utf8))
        #expect(Self.fast(data) == nil)
        #expect(try Self.agrees(data))
    }

    @Test func unknownFieldsOfEveryKindAreSkipped() throws {
        let body = #"{"v":2,"instances":[{"n":-1.5e+3,"o":{"a":[true,false,null,{}],"b":"s"},"#
            + #""entityType":"agent","entityId":"a","e":[],"z":0}],"tail":{"k":[0.0]}}"#
        let list = try #require(Self.fast(body))
        #expect(list.instances.map(\.entityId) == ["a"])
        #expect(try Self.agrees(Data(body.utf8)))
    }

    /// Generated lists with awkward text, encoded by `JSONEncoder`, decode
    /// by the fast path to the very same list.
    @Test func generatedListsRoundTrip() throws {
        var rng = SeededRandom(seed: 0x5EED)
        let alphabet: [String] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1B}", "é", "e\u{301}",
                                  "名", "🚀", "\u{7F}", "\u{2028}", "&", "<", "'"]
        func text(_ n: Int) -> String { (0..<n).map { _ in alphabet[rng.next(alphabet.count)] }.joined() }
        for _ in 0..<300 {
            let list = InstanceList(instances: (0..<rng.next(6)).map { _ in
                Instance(entityType: EntityType(text(1 + rng.next(5))), entityId: text(1 + rng.next(20)),
                         name: text(rng.next(30)), subtitle: rng.next(3) == 0 ? nil : text(rng.next(10)),
                         tenantId: rng.next(2) == 0 ? nil : text(5), tenantSlug: text(4),
                         projectId: rng.next(2) == 0 ? nil : text(3), nodeName: text(rng.next(8)),
                         mode: AssignmentMode(text(rng.next(9))), explicit: rng.next(2) == 0)
            })
            for formatting: JSONEncoder.OutputFormatting in [[], [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]] {
                let e = JSONEncoder()
                e.outputFormatting = formatting
                let data = try e.encode(list)
                let quick = try #require(Self.fast(data), "\(String(decoding: data, as: UTF8.self))")
                #expect(try Self.canonical(quick) == Self.canonical(list))
            }
        }
    }

    /// Random damage to a valid body: whatever the fast path accepts,
    /// `JSONDecoder` accepts with the same value.
    @Test func mutatedBodiesNeverDisagree() throws {
        var rng = SeededRandom(seed: 42)
        let seed = Array(try Fixture.data("instances-hostile"))
        let significant: [UInt8] = Array(#"{}[],:"\ 0123456789-+.eEtrufalsn"#.utf8) + [0x80, 0xC3, 0xFF, 0x0A, 0x00]
        var accepted = 0
        for _ in 0..<5_000 {
            var body = seed
            for _ in 0..<(1 + rng.next(3)) {
                let at = rng.next(body.count)
                switch rng.next(3) {
                case 0: body[at] = significant[rng.next(significant.count)]
                case 1: body.remove(at: at)
                default: body.insert(significant[rng.next(significant.count)], at: at)
                }
            }
            let data = Data(body)
            if Self.fast(data) != nil { accepted += 1 }
            if try !Self.agrees(data) {
                let slow = Result(catching: { try JSONDecoder().decode(InstanceList.self, from: data) })
                let d = zip(seed, body).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
                Issue.record("disagree near \(d): \(String(decoding: body[max(0, d - 40)..<min(body.count, d + 40)], as: UTF8.self).debugDescription) — JSONDecoder: \(String(describing: slow).prefix(300).debugDescription)")
            }
        }
        #expect(accepted > 0, "some mutations (inside strings, whitespace) stay plain")
    }
}

/// A small deterministic generator (SplitMix64) so failures reproduce.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
