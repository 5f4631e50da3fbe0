import ClusterClient
import ClusterModel
import Foundation

/// The server checks of `clustertui doctor`, in the order a connection
/// fails: reachable (and how fast), TLS, clock, the Cluster API's overview
/// (auth, JSON), node counts, this node, versions, the instance list. The
/// first failure ends the run: what follows it could not be checked. Every
/// request is bounded by `--timeout`.
enum ServerChecks {
    static func run(_ target: ResolvedTarget, _ config: ClientConfiguration, login: String,
                    into report: inout DoctorReport) async {
        let client: ClusterHTTPClient
        do {
            client = try ClusterHTTPClient(config)
        } catch {
            report.add(.fail(target.caFile != nil ? "tls" : "client", ConfigChecks.describe(error)))
            return
        }
        await checks(client, target, login: login, into: &report)
        await client.shutdown()
    }

    private static func checks(_ client: ClusterHTTPClient, _ target: ResolvedTarget, login: String,
                               into report: inout DoctorReport) async {
        let base = client.configuration.baseURL.absoluteString
        let probe: ProbeReply
        do {
            probe = try await client.probe()
        } catch {
            report.add(unreachable(error, target: target))
            return
        }
        let status = probe.status == 200 ? "" : " (GET /api/health/live: HTTP \(probe.status))"
        report.add(.ok("server", "\(base) answers in \(milliseconds(probe.roundTrip))\(status)"))
        report.add(tls(target))
        report.add(clock(probe))

        let overview: Overview
        let now: Date
        let overviewDate: Date?
        var roundTrip: TimeInterval = 0
        do {
            let fetched = try await client.reader.overview(unlessUnchangedFrom: nil)
            guard let value = fetched.value else { throw ClusterError.malformed("overview: empty reply") }
            overview = value
            now = fetched.serverDate ?? Date()
            overviewDate = fetched.serverDate
            roundTrip = fetched.roundTrip ?? 0
            report.add(.ok("api", "GET /api/cluster/overview: JSON in \(milliseconds(fetched.roundTrip ?? 0)), "
                + bytes(fetched.byteCount)))
        } catch {
            report.add(apiFailure(error, path: "/api/cluster/overview", login: login))
            return
        }
        let snapshot = ClusterSnapshot(overview: overview, takenAt: now)
        let summary = snapshot.nodeSummary(now: now)
        report.add(ClusterFindings.nodes(summary))
        report.add(ClusterFindings.thisNode(overview, now: now))
        report.add(ClusterFindings.versions(summary))
        if let overviewDate { report.add(heartbeatClocks(overview, serverDate: overviewDate, roundTrip: roundTrip)) }

        do {
            let fetched = try await client.reader.instances(unlessUnchangedFrom: nil)
            guard let list = fetched.value else { throw ClusterError.malformed("instances: empty reply") }
            let full = ClusterSnapshot(overview: overview, instances: list.instances, instancesKnown: true, takenAt: now)
            let counts = full.instanceSummary(RiskContext(snapshot: full, now: now))
            report.add(ClusterFindings.instances(counts, roundTrip: fetched.roundTrip ?? 0, byteCount: fetched.byteCount))
        } catch {
            report.add(apiFailure(error, path: "/api/cluster/instances", login: login))
        }
    }

    /// Why the probe got no HTTP answer, and what to try.
    static func unreachable(_ error: Error, target: ResolvedTarget) -> DoctorLine {
        let text = ConfigChecks.describe(error)
        let https = target.url.scheme?.lowercased() == "https"
        switch error as? ClusterError {
        case .tls(let why)?:
            // The client names the usual causes; an opaque handshake error
            // (seen against plain HTTP: `unknownError([])`) gets them here.
            let named = why.contains("--ca-file") || why.contains("host name") || why.contains("http://?")
            return .fail("tls", named ? text : "\(text): the TLS handshake failed; if the core serves plain HTTP "
                + "use http://, if its certificate comes from a private CA pass --ca-file PEM")
        case .connectionRefused?:
            return .fail("server", "\(text): is the core running, and on this port?")
        case .dnsFailure?:
            return .fail("server", "\(text): check the host name in the URL (and /etc/resolv.conf)")
        case .timedOut?:
            return .fail("server", "\(text): a firewall dropping packets or the wrong address; "
                + "for a slow link raise --timeout")
        case .transport?:
            let hint = https ? "" : " (if the core serves TLS, the URL must start with https://)"
            return .fail("server", text + hint)
        default:
            return .fail("server", text)
        }
    }

    /// A failed Cluster API request: auth, not the core, a bad reply.
    static func apiFailure(_ error: Error, path: String, login: String) -> DoctorLine {
        let text = ConfigChecks.describe(error)
        switch error as? ClusterError {
        case .unauthorized(let message)?:
            return .fail("auth", "GET \(path) was refused (401: \(message)): the session is missing, wrong or "
                + "expired; run `\(login)` or set CLUSTERTUI_TOKEN")
        case .forbidden(let message)?:
            return .fail("auth", "GET \(path) was forbidden (403: \(message)): this user may not use the Cluster "
                + "API; log in as an admin (`\(login)`)")
        case .notJSON(let status, let excerpt)?:
            return .fail("api", "GET \(path) answered HTTP \(status) with a body that is not JSON (\(excerpt)): "
                + "a proxy or another service answers at this URL, not the cluster core; check the URL and any "
                + "path prefix")
        case .notFound?:
            return .fail("api", "\(text) (a path prefix missing from the URL?)")
        case .malformed?:
            return .fail("api", "\(text): the reply does not have the Cluster API's shape; is this a cluster core?")
        default:
            return .fail("api", text)
        }
    }

    /// TLS as configured: verified, not verified, or not used.
    static func tls(_ target: ResolvedTarget) -> DoctorLine {
        guard target.url.scheme?.lowercased() == "https" else {
            if isLoopback(target.url.host ?? "") {
                return .ok("tls", "plain http:// to this machine (loopback): nothing crosses the network")
            }
            return .warn("tls", "plain http://: the session token crosses the network unencrypted; "
                + "use https:// if the core offers it")
        }
        if target.insecure {
            return .warn("tls", "certificate NOT verified (--insecure, or insecure = true in the context): anyone "
                + "on the path can read the session token; trust the server's CA with --ca-file PEM instead")
        }
        let against = target.caFile.map { "against \($0)" } ?? "against the system's CA certificates"
        return .ok("tls", "certificate verified \(against)")
    }

    /// This machine's clock against the server's `Date` header.
    static func clock(_ probe: ProbeReply) -> DoctorLine {
        guard let serverDate = probe.serverDate else {
            return .warn("clock", "the server sent no Date header: clock skew unknown")
        }
        // The Date header has whole seconds: the server's clock was somewhere
        // in [date, date + 1 s) when it answered, halfway through the round trip.
        let skew = ClockSkew.midpoint(serverDate: serverDate, receivedAt: probe.receivedAt, roundTrip: probe.roundTrip)
        return ClusterFindings.clock(skew: skew)
    }

    /// The nodes' heartbeat clocks against the answering node's `Date`
    /// (issue 20): this machine's clock may agree with the server's while
    /// the nodes' do not, and every node would then read silent.
    static func heartbeatClocks(_ overview: Overview, serverDate: Date, roundTrip: TimeInterval = 0) -> DoctorLine {
        let problems = HeartbeatClocks.problems(
            overview.nodes, serverDate: serverDate, silentAfter: HeartbeatThresholds.standard.offlineAfter, roundTrip: roundTrip)
        guard let first = problems.first else {
            return .ok("node clocks", "online nodes' heartbeats agree with the server's Date")
        }
        return .warn("node clocks", problems.count > 1 ? first + "; " + problems[1] : first)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }

    static func milliseconds(_ seconds: TimeInterval) -> String {
        seconds < 10 ? "\(max(0, Int((seconds * 1000).rounded()))) ms" : String(format: "%.1f s", seconds)
    }

    static func bytes(_ count: Int) -> String {
        count < 1024 ? "\(count) bytes" : count < 1 << 20 ? "\(count >> 10) KB" : String(format: "%.1f MB", Double(count) / 1_048_576)
    }
}
