import A11yModel
import Foundation
import PortcullisCore
import PortcullisHTML

/// How every accessibility rule reports: an element observation carries the element's path (also the key, so the
/// same element of a shared layout on many pages aggregates into one finding) and, unless it passed, a bounded
/// snippet; a page observation has an empty key so every page's aggregates into one.
enum A11yObservation {
    /// An observation about the element at `index`; `keySuffix` distinguishes several observations of one rule
    /// on the same element. The summary is only built when needed: a pass on a page that does not record passes
    /// (a scan, where passes never become findings) costs no string work at all.
    static func element(
        _ rule: RuleID,
        _ outcome: Observation.Outcome,
        page: A11yPage,
        index: Int,
        url: URL,
        summary: @autoclosure () -> String,
        keySuffix: String? = nil
    ) -> Observation {
        if outcome == .passed, !page.recordsPasses {
            return Observation(ruleID: rule, outcome: .passed, url: url, evidence: Evidence(summary: ""), key: "")
        }
        let path = page.snapshot.path(index)
        return Observation(
            ruleID: rule,
            outcome: outcome,
            url: url,
            elementPath: path,
            // Passes never become findings: serialising markup for every passing element would dominate the cost.
            evidence: Evidence(
                summary: summary(),
                snippet: outcome == .passed ? nil : page.snapshot.outerHTML(index, maxLength: 300)
            ),
            key: keySuffix.map { "\(path) \($0)" } ?? path
        )
    }

    /// An observation about the whole page.
    static func page(_ rule: RuleID, _ outcome: Observation.Outcome, url: URL, _ summary: String) -> Observation {
        Observation(ruleID: rule, outcome: outcome, url: url, evidence: Evidence(summary: summary), key: "")
    }
}
