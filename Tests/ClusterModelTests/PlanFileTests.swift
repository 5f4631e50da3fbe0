import Foundation
import Testing
import ClusterModel

/// The plan file `apply` reads and the shell script `W` writes (issue 10).
struct PlanFileTests {
    static let plan = MovePlan(
        id: "20260518-100000-00ab", kind: .evacuate, summary: "evacuate node-d to node-b", createdAt: t0, context: "prod",
        url: "https://core:3000",
        items: [
            PlanItem(key: EntityKey(.agent, "t1:it's $(rm -rf /)"), name: "evil\nrm -rf /", from: .explicit(node: "node-d", mode: .strict),
                     fromNode: "node-d", to: .explicit(node: "node-b", mode: .strict), riskAfter: Risk.none),
            PlanItem(key: EntityKey(.browser, "t1:brw"), name: "brw", from: .explicit(node: "node-d", mode: .preferred),
                     fromNode: "node-d", to: .followsDefault),
        ],
        unchanged: 3, warnings: ["all 2 moves go to node-b"])

    @Test func jsonRoundTrips() throws {
        let decoded = try PlanCodec.decode(PlanCodec.encode(Self.plan))
        #expect(decoded.items.map(\.key) == Self.plan.items.map(\.key))
        #expect(decoded.items.map(\.from) == Self.plan.items.map(\.from))
        #expect(decoded.items.map(\.to) == Self.plan.items.map(\.to))
        #expect(decoded.id == Self.plan.id && decoded.kind == .evacuate && decoded.url == Self.plan.url && decoded.createdAt == t0)
    }

    func problem(_ json: String) -> String {
        do {
            _ = try PlanCodec.decode(Data(json.utf8))
            return "no error"
        } catch {
            return error.description
        }
    }

    static let valid = #"{"id":"x","kind":"rebind","createdAt":"2026-05-18T10:00:00.000Z","items":[ITEM]}"#
    func with(_ item: String) -> String { Self.valid.replacingOccurrences(of: "ITEM", with: item) }

    /// Issue 10: a malformed plan names the problem (line, field) and nothing is sent.
    @Test func malformedFilesNameTheirProblem() {
        #expect(problem("{\n  \"id\": \"x\",\n  oops\n}").contains("line 3"))
        #expect(problem("[]").contains("one JSON object"))
        #expect(problem(#"{"kind":"rebind","createdAt":"2026-05-18T10:00:00Z","items":[]}"#) == "id: missing")
        #expect(problem(#"{"id":"x","kind":"nuke","createdAt":"2026-05-18T10:00:00Z","items":[]}"#).contains("kind"))
        #expect(problem(with(#"{"entityType":"agent","entityId":"a","from":{"default":true}}"#)) == "items[0].to: missing")
        #expect(problem(with(#"{"entityType":"agent","entityId":"a","from":{"default":true},"to":{"node":"n","mode":"loose"}}"#))
            .contains("items[0].to.mode"))
        #expect(problem(with(#"{"entityType":"Agent!","entityId":"a","from":{"default":true},"to":{"default":true}}"#))
            .contains("items[0].entityType"))
        let twice = #"{"entityType":"agent","entityId":"a","from":{"default":true},"to":{"node":"n","mode":"strict"}}"#
        #expect(problem(with(twice + "," + twice)).contains("appears twice"))
        #expect(problem(with(twice)) == "no error")
    }

    /// Server text in a script is quoted or commented out, never run.
    @Test func scriptQuotesIdsAndKeepsNamesInComments() {
        let script = PlanScript.render(Self.plan, connection: ["--context", "prod"])
        let lines = script.split(separator: "\n").map(String.init)
        let commands = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(commands == [
            "set -e",
            #"clustertui assign --node=node-b --mode=strict --context prod -- agent 't1:it'\''s $(rm -rf /)'"#,
            "clustertui unassign --context prod -- browser t1:brw",
        ])
        // The newline in the name is shown, not a line of its own.
        #expect(!lines.contains("rm -rf /"))
        #expect(lines.contains { $0.hasPrefix("# warning: all 2 moves") })
    }

    /// A protected context's script lines lacked `--confirm-context`, so none could run without a terminal.
    @Test func aProtectedContextsScriptCarriesItsName() {
        let script = PlanScript.render(Self.plan, connection: ["--context", "prod"], confirmContext: "prod")
        let commands = script.split(separator: "\n").filter { $0.hasPrefix("clustertui ") }
        #expect(commands.count == 2 && commands.allSatisfy { $0.contains("--context prod --confirm-context prod --") }, "\(script)")
        #expect(script.contains("# prod is protected"))
        #expect(!PlanScript.render(Self.plan, connection: ["--context", "prod"]).contains("confirm-context"))
    }

    /// Issue 20: a node name with escape sequences went raw into `--node '…'`
    /// (`cat plan.sh` set the window title), and `--help` broke the script.
    @Test func scriptNeverCarriesAControlCharacterAndOptionValuesStayValues() {
        let key = EntityKey(.agent, "t1:a")
        let evil = PlanItem(key: key, name: "a", from: .followsDefault, fromNode: "n", to: .explicit(node: "x\u{1B}]0;pwned\u{07}", mode: .strict))
        let help = PlanItem(key: EntityKey(.agent, "t1:b"), name: "b", from: .followsDefault, fromNode: "n", to: .explicit(node: "--help", mode: .strict))
        let plan = MovePlan(id: "p\u{9B}1", kind: .rebind, summary: "s", createdAt: Date(), items: [evil, help])
        let script = PlanScript.render(plan, connection: [])
        #expect(!script.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        let commands = script.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(commands == ["set -e", "false", "clustertui assign --node=--help --mode=strict -- agent t1:b"])
    }
}
