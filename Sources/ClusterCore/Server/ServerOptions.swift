import Foundation

/// How `clustertui serve` listens and whom it lets in.
public struct ServerOptions: Sendable {
    /// Address to bind; 127.0.0.1 unless told otherwise.
    public var host: String
    /// Port to bind; 0 picks a free one (read it from `ClusterServer.port`).
    public var port: Int
    /// The admin account `POST /api/auth/login` accepts; login always fails when the password is nil.
    public var adminEmail: String
    public var adminPassword: String?
    /// A token accepted as the `token` cookie without logging in (`--token-file`).
    public var staticToken: String?
    /// Failed logins allowed per `loginWindow` seconds before 429.
    public var loginFailureLimit: Int
    public var loginWindow: TimeInterval
    /// Stop on SIGINT/SIGTERM (the `serve` command); tests leave it off and call `stop()`.
    public var stopsOnSignals: Bool

    public init(
        host: String = "127.0.0.1", port: Int = 0, adminEmail: String = "admin@localhost", adminPassword: String? = nil,
        staticToken: String? = nil, loginFailureLimit: Int = 5, loginWindow: TimeInterval = 60, stopsOnSignals: Bool = false
    ) {
        self.host = host; self.port = port; self.adminEmail = adminEmail; self.adminPassword = adminPassword
        self.staticToken = staticToken; self.loginFailureLimit = loginFailureLimit; self.loginWindow = loginWindow
        self.stopsOnSignals = stopsOnSignals
    }
}
