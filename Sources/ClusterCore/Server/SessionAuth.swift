import Foundation

/// Dashboard sessions: random tokens kept server side (the `token` cookie),
/// the admin login with its failure rate limit, and the optional static token.
///
/// Server-side tokens rather than signed JWTs: nothing outside this process
/// needs to verify them, and they need no key management. Several `serve`
/// processes share a token only through `--token-file`.
final class SessionAuth: Sendable {
    /// The result of one login attempt.
    enum LoginOutcome: Equatable {
        case success(token: String)
        case rejected
        case rateLimited(retryAfter: Int)
    }

    static let adminUserId = "u_admin"
    static let tokenUserId = "u_token"

    let options: ServerOptions
    let clock: any ClusterClock
    private let sessions = LockedBox<[String: String]>([:])
    private let failures = LockedBox<[Date]>([])

    init(options: ServerOptions, clock: any ClusterClock) { self.options = options; self.clock = clock }

    /// The user id a cookie value belongs to, or nil.
    func user(forToken token: String?) -> String? {
        guard let token, !token.isEmpty else { return nil }
        if let fixed = options.staticToken, Self.constantTimeEquals(fixed, token) { return Self.tokenUserId }
        return sessions.withLock { $0[token] }
    }

    /// Checks the credentials; after `loginFailureLimit` failures within
    /// `loginWindow` every attempt is refused until the oldest one ages out.
    func login(email: String, password: String) -> LoginOutcome {
        let now = clock.now()
        let window = options.loginWindow
        let limited: Int? = failures.withLock { list in
            list.removeAll { now.timeIntervalSince($0) >= window }
            guard list.count >= options.loginFailureLimit, let oldest = list.first else { return nil }
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
        if let limited { return .rateLimited(retryAfter: limited) }
        guard let expected = options.adminPassword,
              email.trimmingCharacters(in: .whitespaces).lowercased() == options.adminEmail.lowercased(),
              Self.constantTimeEquals(expected, password)
        else {
            failures.withLock { $0.append(now) }
            return .rejected
        }
        let token = Self.randomToken()
        sessions.withLock { $0[token] = Self.adminUserId }
        return .success(token: token)
    }

    /// 32 random bytes as hex: safe in a cookie, never logged.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
