public import PortcullisCore

/// Response headers that reveal server software with a version number (`Server: Apache/2.4.1`,
/// `X-Powered-By: PHP/8.1.2`, `X-AspNet-Version: 4.0.30319`…). Product names without versions are not reported.
public struct InformationLeaks: Sendable, Hashable {
    /// Headers whose values name software, lowercased (from the OWASP Secure Headers "headers to remove" list).
    public static let softwareHeaders = [
        "server", "x-powered-by", "x-aspnet-version", "x-aspnetmvc-version", "x-generator", "x-generated-by",
        "x-runtime", "x-version", "x-cf-powered-by", "powered-by", "x-cms", "x-framework", "x-joomla-version",
        "x-drupal-cache", "x-varnish-version", "x-mod-pagespeed", "x-page-speed", "x-php-version", "x-owa-version",
        "x-redirect-by", "x-litespeed-version", "liferay-portal", "x-cocoon-version",
    ]

    /// The leaking fields (name and value as sent).
    public var leaks: [HeaderField]
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Analyses the response headers.
    public init(headers: [HeaderField]) {
        leaks = headers.filter { Self.softwareHeaders.contains($0.name.lowercased()) && Self.hasVersion($0.value) }
        problems = leaks.map {
            HeaderProblem(
                .informationLeak,
                "\($0.name) reveals a software version: "
                    + HeaderProblem.excerpt($0.value)
            )
        }
    }

    /// True when `value` holds a version-like number: a digit run followed by `.digit`, or a digit right after
    /// `/` or `v` (`nginx/1`, `v8`), or a header that is just digits (`X-AspNet-Version: 4`).
    public static func hasVersion(_ value: String) -> Bool {
        let bytes = Array(value.utf8.prefix(4096))
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if !bytes.isEmpty && bytes.allSatisfy({ isDigit($0) || $0 == 0x2E }) { return true }
        for index in bytes.indices where isDigit(bytes[index]) {
            if index + 2 < bytes.count && bytes[index + 1] == 0x2E && isDigit(bytes[index + 2]) { return true }
            if index > 0 && (bytes[index - 1] == 0x2F || bytes[index - 1] == 0x76 || bytes[index - 1] == 0x56) {
                return true
            }
        }
        return false
    }
}
