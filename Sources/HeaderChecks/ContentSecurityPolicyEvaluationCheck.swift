public import CSP
public import CheckSupport
import Foundation
public import PortcullisCore

/// Evaluates every enforced Content-Security-Policy of an HTML response (header lines, comma-joined members and
/// `<meta http-equiv>` policies) the way browsers enforce them together, and reports each weakness csp-evaluator
/// knows as the rule `csp.<finding-type>`, strict-CSP advice included.
///
/// A response without an enforced policy is the business of ``ContentSecurityPolicyPresenceCheck``.
public struct ContentSecurityPolicyEvaluationCheck: PageCheck {
    let evaluator: Evaluator

    /// Creates the check with the allowlist-bypass host lists (`Rules/csp-allowlists/`).
    public init(bypassLists: CSPBypassLists) {
        self.evaluator = Evaluator(bypassLists: bypassLists)
    }

    /// The rule for a finding type; `nil` for `IGNORED` (csp-evaluator's note that a source has no effect).
    public static func rule(for type: CSPFindingType) -> RuleID? {
        guard type != .ignored else { return nil }
        return RuleID("csp." + type.rawValue.lowercased().replacingOccurrences(of: "_", with: "-"))
    }

    /// `'self'` in script-src: csp-evaluator reports it as an allowlist bypass but only MEDIUM_MAYBE (it matters
    /// when the origin hosts JSONP, AngularJS or uploads), so it is its own rule with its own severity.
    public static let selfAllowlistRule: RuleID = "csp.script-self-allowlist"

    /// The rule for one finding: by type, except `'self'` flagged as an allowlist bypass.
    static func rule(for finding: CSPFinding) -> RuleID? {
        if finding.type == .scriptAllowlistBypass, finding.value == "'self'" { return selfAllowlistRule }
        return rule(for: finding.type)
    }

    /// Parser notes that change what a policy does, each its own rule: a duplicate directive (only the first counts,
    /// CSP3 §2.2.1), a directive `<meta>` cannot carry (CSP3 §3.3), a non-ASCII token (skipped), a policy cut at the
    /// parser's limits. Empty tokens (`;;`) change nothing and are not reported.
    static let noteRules: [ParseNote.Kind: RuleID] = [
        .duplicateDirective: "csp.duplicate-directive",
        .ignoredInMeta: "csp.meta-directive-ignored",
        .nonASCIIToken: "csp.non-ascii-token",
        .truncated: "csp.policy-too-large",
    ]

    public var rules: [RuleID] {
        CSPFindingType.allCases.compactMap(Self.rule(for:)) + [Self.selfAllowlistRule] + Self.noteRules.values.sorted()
    }

    public func check(_ page: Page) -> [Observation] {
        guard page.isServed, page.exchange.isHTML else { return [] }
        let policies = PolicyList.parse(
            headerValues: page.response.values(of: "Content-Security-Policy"),
            reportOnlyValues: page.response.values(of: "Content-Security-Policy-Report-Only"),
            metaValues: page.metaPolicies
        )
        let notes = policies.policies.flatMap { policy in
            policy.notes.compactMap { note -> Observation? in
                guard let rule = Self.noteRules[note.kind] else { return nil }
                return .failed(
                    rule,
                    at: page.url,
                    "\(policy.source == .meta ? "<meta> policy" : "Policy"): \(note.kind.rawValue) \(note.detail)",
                    snippet: note.detail,
                    key: "\(policy.disposition.rawValue) \(note.detail)"
                )
            }
        }
        guard policies.hasEnforcedPolicy else { return notes }
        return notes
            + evaluator.evaluate(policies, checks: .withStrictCSP).compactMap { finding in
                guard let rule = Self.rule(for: finding), finding.severity != .none else { return nil }
                let where_ = [finding.directive, finding.value ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
                return .failed(
                    rule,
                    at: page.url,
                    finding.description,
                    snippet: where_.isEmpty ? nil : where_,
                    key: "\(finding.directive) \(finding.value ?? "")"
                )
            }
    }
}
