import HeaderAnalysis
import Testing

/// Set-Cookie parsing (RFC 6265bis §5.6) and flags (edge cases 28, 29).
@Suite struct CookieTests {
    @Test func parsesNameValueAndAttributes() throws {
        let cookie = try #require(
            SetCookie(
                " SID = a=b ; domain=.Example.COM; Path=/app; secure; HTTPONLY; SameSite=lax; Max-Age=60; Partitioned"
            )
        )
        #expect(cookie.name == "SID")
        #expect(cookie.value == "a=b")
        #expect(cookie.domain == "example.com")
        #expect(cookie.path == "/app")
        #expect(cookie.secure && cookie.httpOnly && cookie.persistent && cookie.partitioned)
        #expect(cookie.sameSite == .lax)
    }

    @Test func lastAttributeWinsAndBadPathIgnored() throws {
        let cookie = try #require(SetCookie("a=1; SameSite=Strict; SameSite=None; Path=relative; Domain="))
        #expect(cookie.sameSite == SetCookie.SameSite.none)
        #expect(cookie.path == nil)
        #expect(cookie.domain == nil)
        let nameless = try #require(SetCookie("justvalue"))
        #expect(nameless.name.isEmpty && nameless.value == "justvalue")
    }

    @Test(arguments: ["", "=", " ; Secure", "a=b\u{0}c", "a=b\nSet-Cookie: x=y", String(repeating: "x", count: 4097)])
    func ignoredLines(line: String) {
        #expect(SetCookie(line) == nil)
        #expect(
            CookieAnalysis(line: line, requestHost: "a.example", isHTTPS: true).problems.map(\.kind)
                == [.cookieMalformed]
        )
    }

    @Test func commaIsPartOfTheValueNeverASeparator() throws {
        let cookie = try #require(SetCookie("a=1, b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT"))
        #expect(cookie.name == "a")
        #expect(cookie.value == "1, b=2")
        #expect(cookie.persistent)
    }

    @Test(arguments: [
        ("session=x; Secure; HttpOnly; SameSite=Lax", true, [HeaderProblemKind]()),
        ("session=x; HttpOnly; SameSite=Lax", true, [.cookieMissingSecure]),
        ("session=x; HttpOnly; SameSite=Lax", false, []),
        ("theme=x; SameSite=None", false, [.cookieSameSiteNoneWithoutSecure]),
        ("JSESSIONID=x; Secure; SameSite=Strict", true, [.cookieMissingHttpOnly]),
        ("connect.sid=x; Secure; SameSite=Strict", true, [.cookieMissingHttpOnly]),
        ("consider=x; Secure; SameSite=Strict", true, []),
        ("theme=x; Secure", true, [.cookieSameSiteMissing]),
        ("theme=x; Secure; SameSite=yes", true, [.cookieSameSiteInvalid]),
        ("theme=x; Secure; SameSite", true, [.cookieSameSiteInvalid]),
        ("__Host-id=x; Secure; HttpOnly; Path=/; SameSite=Lax", true, []),
        (
            "__Host-id=x; Secure; HttpOnly; Path=/; Domain=a.example; SameSite=Lax", true,
            [.cookieHostPrefixViolation, .cookieDomainTooBroad]
        ),
        ("__HOST-id=x; Secure; HttpOnly; Path=/app; SameSite=Lax", true, [.cookieHostPrefixViolation]),
        ("__Secure-id=x; HttpOnly; SameSite=Lax", true, [.cookieMissingSecure, .cookieSecurePrefixViolation]),
        ("__Secure-id=x; Secure; HttpOnly; SameSite=Lax", false, [.cookieSecurePrefixViolation]),
        ("theme=x; Secure; SameSite=Lax; Domain=example.com", true, [.cookieDomainTooBroad]),
        ("theme=x; Secure; SameSite=Lax; Domain=www.a.example", true, []),
        ("theme=x; Secure; SameSite=Lax; Domain=other.example", true, [.cookieDomainMismatch]),
        ("theme=x; Secure; SameSite=Lax; Domain=ww.a.example", true, [.cookieDomainMismatch]),
    ])
    func flags(line: String, isHTTPS: Bool, expected: [HeaderProblemKind]) {
        let host = line.contains("example.com") ? "www.example.com" : "www.a.example"
        #expect(CookieAnalysis(line: line, requestHost: host, isHTTPS: isHTTPS).problems.map(\.kind) == expected)
    }
}
