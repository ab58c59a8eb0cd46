import CSP
import CheckSupport
import Foundation
import HeaderAnalysis
import PortcullisCore
import PortcullisHTML

/// Grades an entry page's response the way Mozilla's HTTP Observatory does, from the same facts Portcullis
/// checks: headers, cookies, `<meta>` referrer and the CSP as the evaluator reads it.
struct ObservatoryGrading: Sendable {
    let evaluator: Evaluator

    /// The grade of `page`'s origin, or `nil` for pages the Observatory would not grade (not HTTPS HTML).
    func grade(_ page: Page) -> OriginGrade? {
        guard page.isHTTPS, page.exchange.isHTML, let origin = Origin(page.url) else { return nil }
        let headers = page.response.headers
        let policies = PolicyList.parse(
            headerValues: page.response.values(of: "Content-Security-Policy"),
            reportOnlyValues: page.response.values(of: "Content-Security-Policy-Report-Only"),
            metaValues: metaValues(page, httpEquiv: "content-security-policy")
        )
        let input = Observatory.Input(
            httpsHeaders: headers,
            setCookieLines: page.response.values(of: "Set-Cookie"),
            metaReferrer: metaValues(page, name: "referrer"),
            csp: facts(policies),
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

    /// What the Observatory's CSP test needs to know, read from the evaluator's findings on the enforced policies.
    private func facts(_ policies: PolicyList) -> ObservatoryCSPFacts {
        guard policies.hasEnforcedPolicy else {
            return ObservatoryCSPFacts(presence: policies.policies.isEmpty ? .notImplemented : .reportOnly)
        }
        let findings = evaluator.evaluate(policies)
        func has(_ type: CSPFindingType, in directives: Set<String>? = nil) -> Bool {
            findings.contains { $0.type == type && (directives?.contains($0.directive) ?? true) }
        }
        let active: Set<String> = ["script-src", "script-src-elem", "script-src-attr", "object-src", "default-src"]
        let styles = policies.enforced.allSatisfy { policy in
            policy.effectiveDirective(for: "style-src")?.tokens.contains("'unsafe-inline'") ?? true
        }
        return ObservatoryCSPFacts(
            presence: .implemented,
            unsafeScripts: has(.scriptUnsafeInline),
            unsafeEval: has(.scriptUnsafeEval),
            insecureSchemeActive: has(.plainURLSchemes, in: active) || has(.plainWildcard, in: active)
                || has(.sourceHTTP, in: active),
            insecureSchemePassive: has(.sourceHTTP) && !has(.sourceHTTP, in: active),
            unsafeStyles: styles,
            defaultSrcNone: policies.enforced.contains { $0["default-src"]?.allowsNothing == true },
            formActionRestricted: policies.enforced.contains { $0.has("form-action") }
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
