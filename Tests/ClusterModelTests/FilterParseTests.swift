import Foundation
import Testing
import ClusterModel

/// The filter language's parser: terms, quotes, negation and every error message.
@Suite struct FilterParseTests {
    func parse(_ s: String) throws -> FilterQuery { try FilterQuery.parse(s).get() }

    func error(_ s: String) -> FilterParseError? {
        if case .failure(let e) = FilterQuery.parse(s) { return e }
        return nil
    }

    @Test func termsFieldsAndNegation() throws {
        let q = try parse("  Research  node:Node-A -type:browser mode:STRICT is:Risk -\"two words\" ")
        #expect(q.terms == [
            FilterTerm(field: nil, value: "research"),
            FilterTerm(field: .node, value: "node-a"),
            FilterTerm(field: .type, value: "browser", negated: true),
            FilterTerm(field: .mode, value: "strict"),
            FilterTerm(field: .is, value: "risk"),
            FilterTerm(field: nil, value: "two words", negated: true),
        ])
        #expect(q.terms[4].flag == .risk)
    }

    @Test func emptyAndBlankAreEmpty() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("   \t ").isEmpty)
        #expect(try parse("\"\"").isEmpty)
    }

    @Test func quotedFieldValue() throws {
        #expect(try parse("node:\"a b\"").terms == [FilterTerm(field: .node, value: "a b")])
        #expect(try parse("NODE:x").terms == [FilterTerm(field: .node, value: "x")], "field names are case-insensitive")
    }

    /// An entity id like tenant1:brw_42 is free text, not an unknown field.
    @Test func colonWordsThatAreNotFields() throws {
        #expect(try parse("tenant1:brw_42").terms == [FilterTerm(field: nil, value: "tenant1:brw_42")])
        #expect(try parse(":x").terms == [FilterTerm(field: nil, value: ":x")])
        #expect(try parse("js-sandbox:1").terms == [FilterTerm(field: nil, value: "js-sandbox:1")])
        #expect(try parse("\"acme:brw\"").terms == [FilterTerm(field: nil, value: "acme:brw")], "quotes escape")
        #expect(try parse("https://Node-A").terms == [FilterTerm(field: nil, value: "https://node-a")], "a URL")
    }

    @Test func unknownField() {
        #expect(error("ok foo:x") == FilterParseError(
            message: "unknown field foo: (try type: node: tenant: mode: status: role: is: ctx:)", position: 3))
        #expect(error("-Bar:1")?.message.hasPrefix("unknown field Bar:") == true)
    }

    @Test func emptyValue() {
        #expect(error("node:") == FilterParseError(message: "empty value after node:", position: 0))
        #expect(error("x -type:\"\"") == FilterParseError(message: "empty value after type:", position: 3))
    }

    @Test func unknownFlag() {
        #expect(error("is:pinned") == FilterParseError(
            message: "unknown is:pinned (try is:explicit is:default is:risk is:this is:flapping)", position: 0))
    }

    @Test func unclosedQuote() {
        #expect(error("a \"open phrase") == FilterParseError(message: "unclosed quote", position: 2))
        #expect(error("node:\"x") == FilterParseError(message: "unclosed quote", position: 5))
    }

    @Test func loneDash() {
        #expect(error("a -")?.position == 2)
        #expect(error("- a")?.message == "nothing after - (write -term to exclude matches)")
    }

    @Test func hostileInputNeverTraps() {
        for s in ["\u{1B}[2J", "\"", "-\"", ":", "is:", "🚀:x", "名前:値", String(repeating: "-a ", count: 500), "\u{0}"] {
            _ = FilterQuery.parse(s)
        }
        #expect(error("\"") != nil)
    }

    @Test func errorDescriptionIsTheMessage() {
        #expect(error("foo:1")?.description == error("foo:1")?.message)
    }
}
