import ClusterClient
import Foundation
import Testing

/// Issue 15: doctor reads a JWT session's `exp` claim; any other token has
/// no expiry it could read, and nothing in it is trusted.
@Suite("Token expiry")
struct TokenExpiryTests {
    /// `header.payload.signature` with `payload` base64url-encoded without padding.
    static func jwt(_ payload: String) -> String {
        let encoded = Data(payload.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "eyJhbGciOiJIUzI1NiJ9.\(encoded).c2lnbmF0dXJl"
    }

    @Test func aJWTsExpClaimIsItsExpiry() {
        #expect(TokenExpiry.expiry(ofJWT: Self.jwt(#"{"sub":"u_1","exp":1780000000}"#)) == Date(timeIntervalSince1970: 1_780_000_000))
        // base64url: the payload's '?' and '>' encode to '_' and '-' characters.
        #expect(TokenExpiry.expiry(ofJWT: Self.jwt(#"{"n":"??>>","exp":1780000001.5}"#)) == Date(timeIntervalSince1970: 1_780_000_001.5))
    }

    @Test func tokensWithoutAReadableExpHaveNone() {
        #expect(TokenExpiry.expiry(ofJWT: String(repeating: "ab", count: 32)) == nil, "an opaque token")
        #expect(TokenExpiry.expiry(ofJWT: Self.jwt(#"{"sub":"u_1"}"#)) == nil, "no exp")
        #expect(TokenExpiry.expiry(ofJWT: Self.jwt(#"{"exp":"tomorrow"}"#)) == nil, "exp a string")
        #expect(TokenExpiry.expiry(ofJWT: Self.jwt(#"{"exp":true}"#)) == nil, "exp a boolean")
        #expect(TokenExpiry.expiry(ofJWT: Self.jwt(#"{"exp":-5}"#)) == nil, "exp before 1970")
        #expect(TokenExpiry.expiry(ofJWT: Self.jwt("[1,2]")) == nil, "payload not an object")
        #expect(TokenExpiry.expiry(ofJWT: "a.%%%.c") == nil, "payload not base64url")
        #expect(TokenExpiry.expiry(ofJWT: "a.b") == nil, "two segments")
    }
}
