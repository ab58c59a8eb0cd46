import Foundation

/// Whether two answers of the authorization endpoint are "the same page", tolerating what changes on every
/// request (CSRF tokens, session codes, timestamps): a tampered request answered like the legitimate one has
/// not been refused (yet).
enum ResponseSimilarity {
    /// Bodies whose lengths differ more than this fraction are different pages.
    static let lengthTolerance = 0.25

    /// Whether `response` answers like `baseline`: same status, the same redirect path, or the same kind of page
    /// (content type, title, form field names, about the same length).
    static func sameAnswer(_ response: ProbeResponse, _ baseline: ProbeResponse) -> Bool {
        guard response.failure == nil, baseline.failure == nil, response.status == baseline.status else {
            return false
        }
        if response.isRedirect || baseline.isRedirect {
            guard let first = LocationTarget.resolve(response), let second = LocationTarget.resolve(baseline) else {
                return false
            }
            return LocationTarget.withoutQuery(first) == LocationTarget.withoutQuery(second)
        }
        guard mediaType(response) == mediaType(baseline) else { return false }
        let page = PageShape(response.text)
        let login = PageShape(baseline.text)
        guard page.title == login.title, page.fieldNames == login.fieldNames else { return false }
        let lengths = (Double(response.body.count), Double(baseline.body.count))
        let longest = max(lengths.0, lengths.1)
        return longest == 0 || abs(lengths.0 - lengths.1) / longest <= lengthTolerance
    }

    private static func mediaType(_ response: ProbeResponse) -> String {
        let value = response.header("Content-Type") ?? ""
        return value.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }
}

/// The parts of an HTML page that tell a login page from an error page.
struct PageShape: Equatable {
    /// The `<title>` text, trimmed.
    var title: String
    /// The `name` attributes of form fields.
    var fieldNames: Set<String>

    init(_ html: String) {
        title =
            Self.firstMatch(#"(?is)<title[^>]*>(.*?)</title>"#, in: html)?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        fieldNames = Self.allMatches(
            #"(?i)<(?:input|select|textarea|button)\b[^>]*?\bname\s*=\s*["']?([^"'\s>]+)"#,
            in: html
        )
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    private static func allMatches(_ pattern: String, in text: String) -> Set<String> {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        return Set(matches.compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
    }
}

/// Where a redirect leads, as text resolved against the request.
enum LocationTarget {
    /// The `Location` of `response` resolved against its request URL; nil without one.
    static func resolve(_ response: ProbeResponse) -> String? {
        guard let location = response.location?.trimmingCharacters(in: .whitespaces) else { return nil }
        if RedirectURIText(location) != nil { return location }
        guard let base = URL(string: response.requestURL), let url = URL(string: location, relativeTo: base) else {
            return location
        }
        return url.absoluteString
    }

    /// `text` without its query and fragment.
    static func withoutQuery(_ text: String) -> String {
        String(text.prefix { $0 != "?" && $0 != "#" })
    }

    /// Whether `text` (an absolute URI) is on `endpoint`'s origin: same scheme, host and port (a client on
    /// another port of the same host is another site).
    static func isOn(_ endpoint: URL, _ text: String) -> Bool {
        guard let target = RedirectURIText(text), let host = target.host,
            let own = RedirectURIText(endpoint.absoluteString), let endpointHost = own.host
        else { return false }
        return host == endpointHost && target.scheme.lowercased() == own.scheme.lowercased() && target.port == own.port
    }

    /// The parameters of `text`'s query and fragment (an authorization response may use either).
    static func responseParameters(_ text: String) -> [QueryParameter] {
        guard let parts = RedirectURIText(text) else { return [] }
        return RawQuery.parse(parts.query ?? "") + RawQuery.parse(parts.fragment ?? "")
    }
}
