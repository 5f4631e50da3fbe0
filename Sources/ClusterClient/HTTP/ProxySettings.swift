import AsyncHTTPClient
import Foundation

/// Chooses an HTTP proxy from the environment, because AsyncHTTPClient does
/// not read `HTTPS_PROXY` / `HTTP_PROXY` itself.
///
/// `https://` targets use `HTTPS_PROXY` (or `https_proxy`), `http://` targets
/// `HTTP_PROXY` (or `http_proxy`). `NO_PROXY` (or `no_proxy`) is honoured:
/// `*`, exact hosts, and domain suffixes (`.corp` or `corp` matches
/// `a.corp`). Loopback targets (`localhost`, `127.0.0.1`, `::1`) never go
/// through a proxy, since a proxy cannot reach this machine's loopback.
public enum ProxySettings {
    public static func proxy(for url: URL, environment: [String: String]) -> HTTPClient.Configuration.Proxy? {
        guard let host = url.host?.lowercased(), !host.isEmpty else { return nil }
        if isLoopback(host) || bypassed(host: host, noProxy: value("NO_PROXY", environment)) { return nil }
        let name = url.scheme?.lowercased() == "https" ? "HTTPS_PROXY" : "HTTP_PROXY"
        guard let raw = value(name, environment), !raw.isEmpty else { return nil }
        // Accept `host:port` as well as `http://host:port/`.
        let withScheme = raw.contains("://") ? raw : "http://" + raw
        guard let proxyURL = URL(string: withScheme), let proxyHost = proxyURL.host, !proxyHost.isEmpty else {
            return nil
        }
        return .server(host: proxyHost, port: proxyURL.port ?? 80)
    }

    static func value(_ name: String, _ env: [String: String]) -> String? {
        env[name] ?? env[name.lowercased()]
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    static func bypassed(host: String, noProxy: String?) -> Bool {
        guard let noProxy else { return false }
        for entry in noProxy.split(separator: ",") {
            var e = entry.trimmingCharacters(in: .whitespaces).lowercased()
            if e.isEmpty { continue }
            if e == "*" { return true }
            // Drop a port (`host:8080`) unless the entry is a bare IPv6 address.
            if let colon = e.lastIndex(of: ":"), e.filter({ $0 == ":" }).count == 1 { e = String(e[..<colon]) }
            if e.hasPrefix("*.") { e.removeFirst() }
            if e.hasPrefix(".") {
                if host.hasSuffix(e) || host == String(e.dropFirst()) { return true }
            } else if host == e || host.hasSuffix("." + e) {
                return true
            }
        }
        return false
    }
}
