import CSP
import CheckSupport
import Foundation
public import HeaderAnalysis
import PortcullisCore
import PortcullisHTML

/// Grades an entry page's response the way Mozilla's HTTP Observatory does, from the same facts Portcullis
/// checks: headers, cookies, `<meta>` referrer and the CSP as CSP3 reads it. Public so the CSP facts
/// mapping can be checked against the Observatory's own vectors.
public struct ObservatoryGrading: Sendable {
    public init() {}

    /// The grade of `page`'s origin, or `nil` for pages the Observatory would not grade (not HTTPS HTML).
    func grade(_ page: Page) -> OriginGrade? {
        guard page.isHTTPS, page.exchange.isHTML, let origin = Origin(page.url) else { return nil }
        let headers = page.response.headers
        let headerValues = page.response.values(of: "Content-Security-Policy")
        let policies = PolicyList.parse(
            headerValues: headerValues,
            reportOnlyValues: page.response.values(of: "Content-Security-Policy-Report-Only"),
            metaValues: metaValues(page, httpEquiv: "content-security-policy")
        )
        let input = Observatory.Input(
            httpsHeaders: headers,
            setCookieLines: page.response.values(of: "Set-Cookie"),
            metaReferrer: metaValues(page, name: "referrer"),
            csp: Self.cspFacts(policies, headerDelivered: !headerValues.isEmpty),
            enforcedFrameAncestors: policies.enforced.contains { $0.source == .header && $0.has("frame-ancestors") }
        )
        let grade = Observatory.grade(input)
        return OriginGrade(
            origin: origin.description,
            url: page.url.absoluteString,
            score: grade.score,
            grade: grade.grade,
            results: grade.results.map(\.rawValue)
        )
    }

    /// What the Observatory's CSP test needs to know about a response with these `Content-Security-Policy`,
    /// `Content-Security-Policy-Report-Only` and `<meta http-equiv>` values: each enforced policy as CSP3 reads it
    /// (`ObservatoryPolicyFacts`), a weakness counting only if every enforced policy has it (CSP3 §8.1).
    public static func cspFacts(
        headerValues: [String],
        reportOnlyValues: [String],
        metaValues: [String]
    ) -> ObservatoryCSPFacts {
        let policies = PolicyList.parse(
            headerValues: headerValues,
            reportOnlyValues: reportOnlyValues,
            metaValues: metaValues
        )
        return cspFacts(policies, headerDelivered: !headerValues.isEmpty)
    }

    /// The facts of already-parsed policies. `headerDelivered` says whether a `Content-Security-Policy` field was
    /// sent at all: a field whose policies have no directives is reported as invalid rather than missing.
    static func cspFacts(_ policies: PolicyList, headerDelivered: Bool) -> ObservatoryCSPFacts {
        let enforced = policies.enforced
        guard !enforced.isEmpty else {
            if headerDelivered { return ObservatoryCSPFacts(presence: .invalid) }
            return ObservatoryCSPFacts(presence: policies.policies.isEmpty ? .notImplemented : .reportOnly)
        }
        // A load must pass every enforced policy (CSP3 §8.1), so a weakness counts only if all of them have it,
        // while one policy with `default-src 'none'` blocks every fetch that falls back to it.
        let each = enforced.map(ObservatoryPolicyFacts.init)
        func all(_ flag: KeyPath<ObservatoryPolicyFacts, Bool>) -> Bool { each.allSatisfy { $0[keyPath: flag] } }
        return ObservatoryCSPFacts(
            presence: .implemented,
            unsafeScripts: all(\.unsafeScripts),
            unsafeEval: all(\.unsafeEval),
            insecureSchemeActive: all(\.insecureSchemeActive),
            insecureSchemePassive: all(\.insecureSchemePassive),
            unsafeStyles: all(\.unsafeStyles),
            defaultSrcNone: each.contains { $0.defaultSrcNone }
        )
    }

    private func metaValues(_ page: Page, httpEquiv: String? = nil, name: String? = nil) -> [String] {
        guard let document = page.document else { return [] }
        return document.elements(named: "meta").filter { element in
            if let httpEquiv { return element.attribute("http-equiv")?.lowercased() == httpEquiv }
            return element.attribute("name")?.lowercased() == name
        }.compactMap { $0.attribute("content") }
    }
}
