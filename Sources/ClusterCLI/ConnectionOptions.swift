import ArgumentParser
import ClusterClient
import ClusterModel
import Foundation

/// The options every command that talks to a core shares: where
/// (`--url` or `--context`), with which token file and TLS trust, and how
/// long to wait. There is deliberately no `--token`: a token on the command
/// line leaks through `ps` and shell history.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("url"), help: ArgumentHelp("Base URL of the cluster core, e.g. https://core:3000.", valueName: "URL"))
    var url: String?

    @Option(name: .customLong("context"), help: ArgumentHelp("A context from the config file ($XDG_CONFIG_HOME/clustertui/config.toml, by default ~/.config/clustertui/config.toml).", valueName: "NAME"))
    var context: String?

    @Option(name: .customLong("token-file"), help: ArgumentHelp("File holding the session token (CLUSTERTUI_TOKEN wins over it).", valueName: "PATH"))
    var tokenFile: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("PEM file of CA certificates to trust instead of the system roots.", valueName: "PATH"))
    var caFile: String?

    @Flag(name: .customLong("insecure"), help: "Do not verify TLS certificates (dangerous: the token can be stolen).")
    var insecure = false

    @Option(name: .customLong("timeout"), help: ArgumentHelp("Seconds allowed for each request (default 10).", valueName: "SECONDS"))
    var timeout: Double?

    @Option(name: .customLong("max-body"), help: ArgumentHelp("Largest reply accepted, in MB (default 256).", valueName: "MB"))
    var maxBodyMB: Int?

    func validate() throws {
        if let maxBodyMB, !(1...4096).contains(maxBodyMB) {
            throw ValidationError("--max-body must be 1…4096 MB")
        }
        if let timeout, !(timeout > 0 && timeout <= 3600) {
            throw ValidationError("--timeout must be a number of seconds between 0 and 3600")
        }
    }
}

/// Where a command ends up connecting after flags, environment and config
/// file were combined; `nil` from `resolve()` means the embedded demo core.
struct ResolvedTarget: Sendable {
    /// Context name, or the URL when no context was used.
    var label: String
    var contextName: String?
    var url: URL
    var caFile: String?
    var insecure: Bool
    /// The token file to read (explicit ones must exist) and where `login` writes.
    var tokenFile: String
    /// True when the file was named by a flag or the context (so it must be readable).
    var tokenFileIsExplicit: Bool
    /// True when the context names its own token file (and no flag does):
    /// `CLUSTERTUI_TOKEN` is then not sent to it (issue 23).
    var tokenFileFromContext = false
    /// The context says `protected = true` (issue 23).
    var isProtected = false
    var pollInterval: Double?
    var instancesInterval: Double?
    /// The config file's alert settings for this target, when `resolve` read
    /// the file (a context); `nil` with `--url` alone, which does not read it.
    var alerting: AlertSettings?
}

extension ConnectionOptions {
    /// The default token file, used when neither a flag nor the context names one.
    static var defaultTokenFile: String { ClusterConfig.configDirectory + "/token" }

    /// Combines flags and the config file.
    ///
    /// Precedence: `--context NAME` selects a context (its url, token-file,
    /// ca-file, insecure, intervals), and flags given alongside override its
    /// fields, but for `--url`: one naming another server is refused
    /// (`refuseAnotherServer`). `--url` without `--context` ignores the config's
    /// current-context entirely, so a context's token is never sent to a
    /// different server by surprise. With neither flag, `current-context`
    /// applies; with no current-context either, the result is `nil`: the
    /// embedded demo core.
    func resolve(configPath: String = ClusterConfig.defaultPath) throws -> ResolvedTarget? {
        var ctx: ContextConfig?
        var file: ClusterConfig?
        if let name = context {
            let config = try ClusterConfig.load(path: configPath)
            file = config
            guard let found = config.contexts[name] else {
                let known = config.contexts.keys.sorted().joined(separator: ", ")
                throw ClusterError.usage("no context \"\(name)\" in \(configPath)" + (known.isEmpty ? "" : " (known: \(known))"))
            }
            ctx = found
            try Self.refuseAnotherServer(url, for: found)
        } else if url == nil {
            let config = try ClusterConfig.load(path: configPath)
            file = config
            if let current = config.currentContext { ctx = config.contexts[current] }
        }
        guard let rawURL = url ?? ctx?.url else {
            if let ctx { throw ClusterError.usage("context \"\(ctx.name)\" has no url; add url = \"https://…\" or pass --url") }
            if tokenFile != nil || caFile != nil || insecure {
                throw ClusterError.usage("--token-file, --ca-file and --insecure need --url or --context")
            }
            return nil
        }
        guard let parsed = URL(string: rawURL), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", parsed.host?.isEmpty == false
        else {
            throw ClusterError.usage("not an http(s) URL: \(TextSanitizer.visible(rawURL))")
        }
        if let port = parsed.port, !(1...65535).contains(port) {
            throw ClusterError.usage("the URL's port must be 1…65535: \(TextSanitizer.excerpt(rawURL, limit: 80))")
        }
        let explicitTokenFile = tokenFile ?? ctx?.tokenFile
        return ResolvedTarget(
            label: ctx?.name ?? rawURL, contextName: ctx?.name, url: parsed,
            caFile: caFile ?? ctx?.caFile, insecure: insecure || (ctx?.insecure ?? false),
            tokenFile: explicitTokenFile ?? Self.defaultTokenFile, tokenFileIsExplicit: explicitTokenFile != nil,
            tokenFileFromContext: tokenFile == nil && ctx?.tokenFile != nil, isProtected: ctx?.isProtected ?? false,
            pollInterval: ctx?.pollInterval, instancesInterval: ctx?.instancesInterval,
            alerting: file?.alerting(for: ctx?.name))
    }

    /// `--context NAME --url URL` naming another server than the context's
    /// is refused: the context's token would go to `URL` (found by a new
    /// user's run: a 401 "the token sent came from token file …" of another
    /// cluster). The same server written another way (case, default port,
    /// trailing `/`) is fine.
    static func refuseAnotherServer(_ url: String?, for context: ContextConfig) throws {
        func server(_ s: String) -> String {
            guard let c = URLComponents(string: s), let scheme = c.scheme?.lowercased(), let host = c.host?.lowercased() else { return s }
            let port = c.port ?? (scheme == "https" ? 443 : 80)
            var path = c.path
            while path.hasSuffix("/") { path.removeLast() }
            return "\(scheme)://\(host):\(port)\(path)"
        }
        guard let url, let own = context.url, server(url) != server(own) else { return }
        throw ClusterError.usage("--url \(TextSanitizer.excerpt(url, limit: 80)) is not context \(context.name)'s url "
            + "(\(TextSanitizer.excerpt(own, limit: 80))): give --url or --context, not both, so that its token is never sent to another server")
    }

    /// The session token: `CLUSTERTUI_TOKEN`, else the token file (an
    /// explicit one must be readable; the default one is optional). A
    /// context with a token file of its own never gets the environment's
    /// token (issue 23: one set for production was sent to every context).
    static func token(for target: ResolvedTarget, environment: [String: String]) throws -> String? {
        try tokenWithSource(for: target, environment: environment)?.token
    }

    /// The token and where it came from (`CLUSTERTUI_TOKEN` or `token file PATH`), said with a 401.
    static func tokenWithSource(for target: ResolvedTarget, environment: [String: String]) throws -> (token: String, source: String)? {
        if !target.tokenFileFromContext,
           let env = environment["CLUSTERTUI_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines), !env.isEmpty {
            return (env, "CLUSTERTUI_TOKEN")
        }
        let source = "token file " + TextSanitizer.excerpt(target.tokenFile, limit: 120)
        if target.tokenFileIsExplicit { return (try TokenStore.read(target.tokenFile), source) }
        guard FileManager.default.fileExists(atPath: TokenStore.expandTilde(target.tokenFile)) else { return nil }
        return (try TokenStore.read(target.tokenFile), source)
    }

    /// The client settings for `target`; `withToken: false` for `login`.
    func clientConfiguration(
        for target: ResolvedTarget, withToken: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ClientConfiguration {
        let token = withToken ? try Self.tokenWithSource(for: target, environment: environment) : nil
        let requestTimeout = timeout ?? 10
        var config = ClientConfiguration(
            baseURL: target.url, token: token?.token, caFile: target.caFile.map(TokenStore.expandTilde),
            insecure: target.insecure, connectTimeout: min(3, requestTimeout), requestTimeout: requestTimeout,
            bodyLimit: (maxBodyMB ?? 256) << 20)
        config.tokenSource = token?.source
        return config
    }

    /// Prints the `--insecure` warning to stderr.
    static func warnIfInsecure(_ target: ResolvedTarget) {
        guard target.insecure else { return }
        StandardError.line(
            "clustertui: WARNING: TLS certificate verification is OFF (--insecure): anyone on the network path "
                + "can read your session token and forge the replies you see.")
    }
}
