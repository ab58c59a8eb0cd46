import Crypto
import NIOHTTP1

/// Small pieces the SSO demo sites share: random values, base64url, HTML escaping, cookies.
enum SSOSupport {
    /// `count` bytes from the system's cryptographic random source.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// Base64url without padding (RFC 4648 §5), as OAuth uses for `state`, `nonce` and PKCE values.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var text = Base64.encode(bytes)
        while text.hasSuffix("=") {
            text.removeLast()
        }
        return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
    }

    /// A fresh 256-bit random value in base64url: 43 characters.
    static func freshToken() -> String {
        base64URL(randomBytes(32))
    }

    /// The PKCE S256 challenge of `verifier`: base64url(SHA-256(ASCII(verifier))) (RFC 7636 §4.2).
    static func s256Challenge(of verifier: String) -> String {
        base64URL(Array(SHA256.hash(data: Array(verifier.utf8))))
    }

    /// `text` with the five HTML-significant characters escaped, safe in element content and quoted attributes.
    static func escapeHTML(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// The value of the cookie `name` from the request's `Cookie` headers, if sent.
    static func cookie(_ name: String, in headers: HTTPHeaders) -> String? {
        for header in headers[canonicalForm: "Cookie"] {
            for part in header.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if pair[0].trimmingSpaces == name {
                    return pair.count == 2 ? String(pair[1].trimmingSpaces) : ""
                }
            }
        }
        return nil
    }

    /// Whether `value` may go into a `Location` header as is: printable ASCII without spaces or control characters
    /// (a decoded `%0D%0A` must never split the response).
    static func isHeaderSafe(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// A minimal HTML page (lang, title, one `<main>`), the shape every SSO demo page shares.
    static func html(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(title)</title>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}

extension Substring {
    /// The substring without leading and trailing spaces.
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return result
    }
}
