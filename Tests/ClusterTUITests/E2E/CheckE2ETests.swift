import ClusterTestSupport
import Foundation
import Testing

/// Issue 21: `clustertui check`, the real binary, answers as a monitoring
/// plugin: 0, 1, 2 or 3 with one line on stdout for healthy, warning,
/// critical and unreadable clusters.
@Suite(.blocking) struct CheckE2ETests {
    func check(_ args: [String], token: String? = "t0ken") async throws -> ChildProcess.Result {
        try await offPool { try CLIChild.run(["check"] + args, token: token) }
    }

    /// The demo core has instances at risk (WARNING) and nothing down; with that check off it is OK.
    @Test func aDemoCoreWarnsOfInstancesAtRiskAndIsOKWithoutThatCheck() async throws {
        let serve = try ServeProcess()
        defer { serve.stop() }
        let warned = try await check(["--url", serve.url.absoluteString], token: serve.token)
        #expect(warned.status == 1, "\(warned.stdout) \(warned.stderr)")
        #expect(warned.stdout.hasPrefix("CLUSTER WARNING - ") && warned.stdout.contains("instances at risk |"), "\(warned.stdout)")
        #expect(warned.stdout.contains("'instances_at_risk'=") && warned.stdout.split(separator: "\n").count == 1)
        // The demo's wobbling node may read late on a loaded machine: that check is off too.
        let ok = try await check(["--url", serve.url.absoluteString, "--warning-at-risk", "0", "--warning-late", "0"], token: serve.token)
        #expect(ok.status == 0 && ok.stdout.hasPrefix("CLUSTER OK - "), "\(ok.stdout)")
    }

    /// Online nodes whose heartbeats are months old are down: CRITICAL.
    @Test func silentNodesAreCritical() async throws {
        try await FaultServer.with(.normal) { url, _ in
            let result = try await check(["--url", url.absoluteString])
            #expect(result.status == 2, "\(result.stdout)")
            #expect(result.stdout.hasPrefix("CLUSTER CRITICAL - ") && result.stdout.contains("silent"), "\(result.stdout)")
        }
    }

    /// Unreachable, unauthorised or malformed: UNKNOWN on stdout, exit 3, one line.
    @Test func aClusterThatCannotBeReadIsUnknown() async throws {
        let refused = try await check(["--url", "http://127.0.0.1:1"])
        #expect(refused.status == 3 && refused.stdout.hasPrefix("CLUSTER UNKNOWN - connection refused"), "\(refused.stdout)")
        for fault in [Fault.unauthorized, .malformedJSON] {
            try await FaultServer.with(fault) { url, _ in
                let result = try await check(["--url", url.absoluteString])
                #expect(result.status == 3, "\(fault): \(result.stdout)")
                #expect(result.stdout.hasPrefix("CLUSTER UNKNOWN - ") && result.stdout.split(separator: "\n").count == 1,
                        "\(fault): \(result.stdout)")
            }
        }
    }

    /// Guards a verdict on a cluster that does not exist: with no URL and no config, check answered for the embedded demo (WARNING, exit 1).
    @Test func noClusterIsUnknown() async throws {
        let result = try await check([], token: nil)
        #expect(result.status == 3, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.hasPrefix("CLUSTER UNKNOWN - ") && result.stdout.contains("check needs a cluster"), "\(result.stdout)")
    }

    /// A bad threshold was ArgumentParser's usage error with exit 64, which a monitoring system reads as "out of bounds": now UNKNOWN, exit 3, one line.
    @Test func aBadThresholdIsUnknown() async throws {
        for args in [["--warning-late", "-1"], ["--warning-late=-1"], ["--critical-down", "many"], ["--no-such-flag"]] {
            let result = try await check(["--url", "http://127.0.0.1:1"] + args)
            #expect(result.status == 3, "\(args): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.hasPrefix("CLUSTER UNKNOWN - usage: ") && result.stdout.split(separator: "\n").count == 1,
                    "\(args): \(result.stdout)")
        }
        let help = try await check(["--help"])
        #expect(help.status == 0 && help.stdout.contains("OVERVIEW"), "--help is still help")
    }
}
