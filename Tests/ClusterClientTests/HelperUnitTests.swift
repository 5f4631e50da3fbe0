@testable import ClusterClient
import ClusterModel
import Foundation
import Testing

/// Pure helpers: path encoding, HTTP dates, excerpts, proxies, cookies.
@Suite("Client helpers")
struct HelperUnitTests {
    @Test("path segments encode everything but RFC 3986 unreserved characters")
    func pathSegment() {
        #expect(PathSegment.encode("t1:a/b?c#d%e f") == "t1%3Aa%2Fb%3Fc%23d%25e%20f")
        #expect(PathSegment.encode("ü") == "%C3%BC")
        #expect(PathSegment.encode("🚀") == "%F0%9F%9A%80")
        #expect(PathSegment.encode("A-z_0.9~") == "A-z_0.9~")
        #expect(PathSegment.encode("..") == "%2E%2E")
    }

    @Test("RFC 1123 dates parse; junk does not")
    func httpDate() {
        #expect(HTTPDate.parse("Mon, 18 May 2026 10:00:05 GMT") == WireDate.parse("2026-05-18T10:00:05Z"))
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
        #expect(HTTPDate.parse("yesterday") == nil)
        #expect(HTTPDate.parse("Mon, 18 Foo 2026 10:00:05 GMT") == nil)
        #expect(HTTPDate.parse("Mon, 18 May 2026 25:00:05 GMT") == nil)
    }

    /// Issue 13: CLI error lines dropped control characters (`]0;PWNED boom`)
    /// while the tables showed them as `␛`: one visible rendering everywhere.
    @Test("excerpts are one short line with controls made visible")
    func excerpt() {
        let long = String(repeating: "x", count: 500)
        #expect(ReplyText.excerpt(Array(long.utf8)).count == 120)
        #expect(ReplyText.excerpt(Array("a\u{1b}[31mb\n\tc\u{202e}d".utf8)) == "a␛[31mb c<U+202E>d")
        #expect(ReplyText.oneLine("\u{1b}]0;PWNED\u{7} boom") == "␛]0;PWNED␇ boom")
        #expect(ReplyText.excerpt(Array("<p>Hello <b>there</b></p>".utf8)) == "Hello there")
    }

    @Test("proxy from the environment, bypassed for loopback and NO_PROXY")
    func proxy() throws {
        let remote = try #require(URL(string: "https://core.example.com:3000"))
        let env = ["HTTPS_PROXY": "http://proxy.corp:8080", "HTTP_PROXY": "proxy2:3128"]
        #expect(ProxySettings.proxy(for: remote, environment: env)?.host == "proxy.corp")
        #expect(ProxySettings.proxy(for: remote, environment: env)?.port == 8080)
        let plain = try #require(URL(string: "http://core.example.com"))
        #expect(ProxySettings.proxy(for: plain, environment: env)?.port == 3128)
        let local = try #require(URL(string: "http://127.0.0.1:3000"))
        #expect(ProxySettings.proxy(for: local, environment: env) == nil)
        let localhost = try #require(URL(string: "http://localhost:3000"))
        #expect(ProxySettings.proxy(for: localhost, environment: env) == nil)
        var bypass = env
        bypass["no_proxy"] = "foo, .example.com"
        #expect(ProxySettings.proxy(for: remote, environment: bypass) == nil)
        #expect(ProxySettings.proxy(for: remote, environment: [:]) == nil)
    }

    @Test("the token cookie is found among several Set-Cookie lines")
    func setCookie() {
        let lines = ["theme=dark; Path=/", "token=abc.def; Path=/; HttpOnly"]
        #expect(SetCookie.value(named: "token", in: lines) == "abc.def")
        #expect(SetCookie.value(named: "token", in: ["token=; Max-Age=0"]) == nil)
        #expect(SetCookie.value(named: "token", in: ["xtoken=1"]) == nil)
    }

    /// Issue 20: a quoted cookie value was saved cut; RFC 6265 §5.2 keeps the value as sent, quotes and `=` included.
    @Test func setCookieKeepsTheValueAsRFC6265Reads() {
        #expect(SetCookie.value(named: "token", in: [#"token="a.b=c"; Path=/"#]) == #""a.b=c""#)
        #expect(SetCookie.value(named: "token", in: ["token = a=b==  ;HttpOnly"]) == "a=b==")
        #expect(SetCookie.value(named: "token", in: ["token"]) == nil, "no = : ignored")
        #expect(SetCookie.value(named: "token", in: ["=x; token=y"]) == nil, "no name: ignored")
    }
}
