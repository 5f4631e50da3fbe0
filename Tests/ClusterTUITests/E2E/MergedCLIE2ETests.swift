import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 23's merged tables for scripts: `get nodes|instances -A` reads
/// every context at once and adds a CONTEXT column; `--filter ctx:` keeps
/// one; a context that did not answer is named on stderr (exit 1), never
/// shown as an empty cluster.
@Suite(.blocking, .serialized) struct MergedCLIE2ETests {
    @Test func everyContextsNodesWithAContextColumn() async throws {
        try await FleetCLIE2ETests.withFourContexts { home in
            let env = home.environment
            let all = try await offPool { try CLIChild.run(["get", "nodes", "-A", "--timeout", "3"], token: nil, environment: env) }
            #expect(all.status == 1, "two contexts did not answer: \(all.stderr)")
            let lines = all.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("CONTEXT") == true, "\(all.stdout)")
            #expect(lines.contains { $0.hasPrefix("alpha") && $0.contains("alpha-core") }, "\(all.stdout)")
            #expect(lines.contains { $0.hasPrefix("delta") && $0.contains("d-dead") && $0.contains("silent") }, "\(all.stdout)")
            #expect(all.stderr.contains("beta: unreachable") && all.stderr.contains("gamma: malformed reply"), "\(all.stderr)")
            #expect(!lines.contains { $0.hasPrefix("beta") || $0.hasPrefix("gamma") }, "no rows is not an empty cluster")

            let delta = try await offPool {
                try CLIChild.run(["get", "nodes", "-A", "--filter", "ctx:delta", "--timeout", "3"], token: nil, environment: env)
            }
            let rows = delta.stdout.split(separator: "\n").dropFirst()
            #expect(rows.count == 2 && rows.allSatisfy { $0.hasPrefix("delta") }, "\(delta.stdout)")

            let json = try await offPool { try CLIChild.run(["get", "instances", "-A", "-o", "json", "--timeout", "3"], token: nil, environment: env) }
            let contexts = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            // The two that did not answer are there with their errors (they were left out, as if not in the config).
            #expect(contexts.map { $0["context"] as? String } == ["alpha", "beta", "delta", "gamma"], "\(json.stdout.prefix(300))")
            #expect(((contexts.first?["instances"] as? [Any])?.count ?? 0) > 0, "the served demo's instances")
            let gamma = try #require(contexts.last)
            #expect((gamma["error"] as? String)?.hasPrefix("malformed reply") == true && gamma["instances"] == nil, "\(gamma)")
            #expect(!json.stderr.contains("malformed reply: malformed reply"), "the cause said once: \(json.stderr)")

            let refused = try await offPool { try CLIChild.run(["get", "nodes", "-A", "--context", "alpha"], token: nil, environment: env) }
            #expect(refused.status == 64 && refused.stderr.contains("no --url or --context"))
            // Review of issue 23: is:flapping with -A said nothing flaps anywhere (no context's history was read).
            let flapping = try await offPool { try CLIChild.run(["get", "nodes", "-A", "--filter", "is:flapping"], token: nil, environment: env) }
            #expect(flapping.status == 64 && flapping.stderr.contains("is:flapping reads one cluster's recorded history"), "\(flapping.stderr)")
        }
    }
}
