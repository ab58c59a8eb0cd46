public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an `<iframe>` without an accessible name (usually its `title`), which screen readers announce when
/// users move into the frame (WCAG 4.1.2; axe `frame-title`; ACT cae760).
///
/// As ACT: iframes taken out of the focus order (`tabindex` negative) or hidden from assistive technology are
/// inapplicable, and so are iframes marked `role="none"`/`"presentation"` (as ACT, although browsers may keep
/// the role of a focusable frame). (axe also checks `<frame>`, which HTML5 documents cannot contain; `<frame>` is included here.)
public struct FrameTitleRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.frame-title"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed, focusable frame.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        (page.snapshot.indices(named: "iframe") + page.snapshot.indices(named: "frame")).sorted().compactMap {
            index in
            if let tabindex = page.node(index).attribute("tabindex").flatMap({
                Int($0.trimmingHTMLWhitespace())
            }), tabindex < 0 {
                return nil
            }
            let explicit = page.explicitRoleTokens(of: index).first
            guard !NameRuleSupport.isPresentational(page.role(of: index)),
                !NameRuleSupport.isPresentational(explicit)
            else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Frame")
        }
    }
}
