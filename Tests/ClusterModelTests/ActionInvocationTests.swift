import Foundation
import Testing
import ClusterModel

/// Issue 24: custom actions' arguments — placeholders fill whole
/// arguments from an allow-list, values are checked for their field, and a
/// hostile name is passed as exactly one argument, never interpreted.
@Suite struct ActionInvocationTests {
    let ssh = CustomAction(name: "ssh", key: "S", scope: .node, argv: ["ssh", "--", "{hostname}"], mode: .foreground)
    let show = CustomAction(name: "show", scope: .node, argv: ["/bin/echo", "{name}", "{url}", "fixed text"])

    /// A name full of shell syntax, quotes, spaces and escapes becomes one argument, byte for byte.
    @Test func hostileNameIsOneArgumentVerbatim() throws {
        let name = "$(touch /tmp/pwned) `id` \"q\" 'x' ; rm -rf ~ \u{1B}[31mred\u{1B}[0m"
        let invocation = try ActionInvocation.prepare(show, subject: "node x", values: [.name: name, .url: "https://a.example:3000"]).get()
        #expect(invocation.argv == ["/bin/echo", name, "https://a.example:3000", "fixed text"])
    }

    /// A value starting with "-" would be read as an option: refused with a line naming the field.
    @Test func leadingDashIsRefused() {
        let result = ActionInvocation.prepare(ssh, subject: "node x", values: [.hostname: "-oProxyCommand=sh"])
        guard case .failure(let refusal) = result else { Issue.record("ran with an option for a host"); return }
        #expect(refusal.message.contains("{hostname}") && refusal.message.contains("option"), "\(refusal.message)")
    }

    /// A dash joined by a combining mark is still a dash to the program; "+" opens commands in less and vim.
    @Test func leadingDashIsJudgedByBytes() {
        #expect(ActionField.name.problem(with: "-\u{301}oProxyCommand=x") != nil)
        #expect(ActionField.name.problem(with: "+!id") != nil)
        #expect(ActionField.name.problem(with: "a-b") == nil)
    }

    /// Placeholder-looking typos are refused, not passed on literally.
    @Test func placeholderTyposAreFound() {
        #expect(ActionField.problem(in: "{host-name}", scope: .node)?.contains("unknown placeholder") == true)
        #expect(ActionField.problem(in: "{entity_id}", scope: .instance)?.contains("unknown placeholder") == true)
        #expect(ActionField.problem(in: "{ hostname }", scope: .node)?.contains("unknown placeholder") == true)
    }

    /// A hostname must look like one; a URL must be http(s); a missing field is said.
    @Test func valuesAreCheckedForTheirField() {
        #expect(ActionField.hostname.problem(with: "db-1.internal") == nil)
        #expect(ActionField.hostname.problem(with: "[fe80::1%eth0]") == nil)
        #expect(ActionField.hostname.problem(with: "a b") != nil)
        #expect(ActionField.hostname.problem(with: "x;id") != nil)
        #expect(ActionField.url.problem(with: "https://n.example:3000/x") == nil)
        #expect(ActionField.url.problem(with: "file:///etc/passwd") != nil)
        #expect(ActionField.url.problem(with: "https://a.example/\u{1B}[2J") != nil)
        #expect(ActionField.name.problem(with: "") != nil)
        guard case .failure(let missing) = ActionInvocation.prepare(ssh, subject: "node x", values: [:]) else {
            Issue.record("ran without a hostname"); return
        }
        #expect(missing.message == "ssh: node x has no hostname")
    }

    /// Placeholders must be whole items, known, and offered by the scope.
    @Test func argvProblemsAreFound() {
        #expect(ActionField.problem(in: "{hostname}", scope: .node) == nil)
        #expect(ActionField.problem(in: "user@{hostname}", scope: .node)?.contains("whole argument") == true)
        #expect(ActionField.problem(in: "{hostnme}", scope: .node)?.contains("unknown placeholder") == true)
        #expect(ActionField.problem(in: "{entityId}", scope: .node)?.contains("not offered") == true)
        #expect(ActionField.problem(in: "{\"json\": 1}", scope: .node) == nil, "other braces are literal text")
        #expect(ActionField.problem(in: "{context}", scope: .marked) == nil)
    }
}
