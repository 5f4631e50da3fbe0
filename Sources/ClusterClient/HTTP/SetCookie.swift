import AsyncHTTPClient
import Foundation

/// Finds one cookie's value in `Set-Cookie` header lines
/// (`token=abc; Path=/; HttpOnly`), parsed by AsyncHTTPClient's own
/// `HTTPClient.Cookie` (names and values trimmed, a quoted value unquoted,
/// attributes read and ignored here). An empty value (the server clearing
/// it) counts as absent.
enum SetCookie {
    static func value(named name: String, in headerLines: [String]) -> String? {
        for line in headerLines {
            guard let cookie = HTTPClient.Cookie(header: line, defaultDomain: "localhost"), cookie.name == name,
                  !cookie.value.isEmpty
            else { continue }
            return cookie.value
        }
        return nil
    }
}
