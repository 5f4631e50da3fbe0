import Foundation

/// The expiry a session token carries, when it is a JWT (the product's
/// `token` cookie is one): the `exp` claim of its payload. The signature is
/// not checked and nothing is trusted: this is advice for `clustertui
/// doctor`; the server's 401 is what decides.
public enum TokenExpiry {
    /// The `exp` claim of a `header.payload.signature` token, or nil for
    /// any other token (opaque, malformed, no or non-numeric `exp`).
    public static func expiry(ofJWT token: String) -> Date? {
        guard token.utf8.count <= 16 * 1024 else { return nil }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = base64URLDecode(parts[1]),
              let claims = try? JSONDecoder().decode(Claims.self, from: payload), let seconds = claims.exp,
              seconds.isFinite, seconds > 0, seconds < 1e11
        else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// The one claim read; any other shape of `exp` fails decoding (nil).
    private struct Claims: Decodable { var exp: Double? }

    /// base64url without padding (RFC 7515) to bytes.
    static func base64URLDecode(_ text: Substring) -> Data? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !s.isEmpty, s.count % 4 != 1 else { return nil }
        s += String(repeating: "=", count: (4 - s.count % 4) % 4)
        return Data(base64Encoded: s)
    }
}
