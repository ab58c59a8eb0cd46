public import CheckSupport
import Foundation
public import HeaderAnalysis
public import PortcullisCore
import PortcullisHTML

/// Runs every header analyser of `HeaderAnalysis` on a response and reports each problem as the rule
/// `headers.<problem-kind>`: HSTS details, X-Frame-Options values, Referrer-Policy, Permissions-Policy,
/// COOP/COEP/CORP, deprecated and version-leaking headers, cacheable session cookies and every cookie flag.
///
/// Missing HSTS, missing anti-framing and nosniff have their own checks; this one does not repeat them.
/// Headers that only matter for documents (framing, referrer) are judged on HTML responses only.
public struct SecurityHeadersCheck: PageCheck {
    /// Problem kinds not reported here: other checks of this family report the first four, and X-Frame-Options
    /// next to `frame-ancestors` is the recommended belt-and-braces set-up for old browsers, not a problem.
    static let reportedElsewhere: Set<HeaderProblemKind> = [
        .hstsMissing, .xfoMissing, .nosniffMissing, .nosniffInvalid, .xfoIgnoredByFrameAncestors,
    ]

    public init() {}

    /// The rule reporting `kind`.
    public static func rule(for kind: HeaderProblemKind) -> RuleID { RuleID("headers.\(kind.rawValue)") }

    public var rules: [RuleID] {
        HeaderProblemKind.allCases.filter { !Self.reportedElsewhere.contains($0) }.map(Self.rule(for:))
    }

    public func check(_ page: Page) -> [Observation] {
        guard page.isServed else { return [] }
        let headers = page.response.headers
        var problems: [(HeaderProblem, key: String)] = []
        func add(_ found: [HeaderProblem], key: String = "") { problems += found.map { ($0, key) } }

        add(StrictTransportSecurity(headers: headers, isHTTPS: page.isHTTPS).problems)
        if page.exchange.isHTML {
            add(FrameOptions(headers: headers, enforcedFrameAncestors: page.headerPolicyHasFrameAncestors).problems)
            add(ReferrerPolicy(headers: headers, metaValues: page.metaReferrerValues).problems)
        }
        add(PermissionsPolicy(headers: headers).problems)
        add(CrossOriginOpenerPolicy(headers: headers).problems)
        add(CrossOriginEmbedderPolicy(headers: headers).problems)
        add(CrossOriginResourcePolicy(headers: headers).problems)
        add(DeprecatedHeaders(headers: headers).problems)
        add(InformationLeaks(headers: headers).problems)
        add(SessionCacheControl(headers: headers).problems)
        let host = page.url.host(percentEncoded: false)?.lowercased() ?? ""
        for line in page.response.values(of: "Set-Cookie") {
            let name = SetCookie(line)?.name ?? ""
            add(CookieAnalysis(line: line, requestHost: host, isHTTPS: page.isHTTPS).problems, key: "cookie \(name)")
        }
        return problems.filter { !Self.reportedElsewhere.contains($0.0.kind) }.map { problem, key in
            .failed(
                Self.rule(for: problem.kind),
                at: page.url,
                problem.detail,
                snippet: problem.detail,
                key: key
            )
        }
    }
}

extension Page {
    /// Whether an enforced header policy (never `<meta>`, never Report-Only) has `frame-ancestors`, which makes
    /// browsers ignore X-Frame-Options (CSP3 §6.4.2).
    var headerPolicyHasFrameAncestors: Bool {
        response.values(of: "Content-Security-Policy").flatMap { $0.split(separator: ",") }.contains { policy in
            policy.split(separator: ";").contains { directive in
                directive.trimmingCharacters(in: .whitespaces).lowercased().split(separator: " ").first
                    == "frame-ancestors"
            }
        }
    }

    /// The contents of `<meta name="referrer">` elements, which set the document's referrer policy too.
    var metaReferrerValues: [String] {
        guard let document else { return [] }
        return document.elements(named: "meta").filter { $0.attribute("name")?.lowercased() == "referrer" }
            .compactMap { $0.attribute("content") }
    }
}
