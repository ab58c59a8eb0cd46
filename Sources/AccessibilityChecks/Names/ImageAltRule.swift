public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an `<img>` exposed as an image without an accessible name (WCAG 1.1.1; axe `image-alt`; ACT 23a2a8).
///
/// An image marked decorative (`alt=""`, or `role="none"`/`"presentation"` that conflict resolution keeps) passes;
/// `<img>` with another explicit widget role is left to that role's rule. `alt=" "` is not decorative (the name
/// is empty but the role stays `img`), so it fails, as in axe-core and ACT. Images hidden from assistive
/// technology are inapplicable.
///
/// The key is the element path plus the image source, so the same logo in a shared layout is one finding.
public struct ImageAltRule: A11yRule {
    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [AccessibilityRules.imageAlt] }

    /// One observation per exposed `<img>`.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "img").compactMap { index in
            let role = page.role(of: index)
            guard role == nil || role == "img" || NameRuleSupport.isPresentational(role) else { return nil }
            guard !page.hidden(index).isHidden else { return nil }
            let source = page.node(index).attribute("src") ?? ""
            if NameRuleSupport.isPresentational(role) {
                return A11yObservation.element(
                    AccessibilityRules.imageAlt,
                    .passed,
                    page: page,
                    index: index,
                    url: url,
                    summary: "Image is marked decorative (role \(role ?? "none")) and hidden from assistive technology",
                    keySuffix: source
                )
            }
            return NameRuleSupport.requireName(
                AccessibilityRules.imageAlt,
                page: page,
                index: index,
                url: url,
                what: "Image",
                keySuffix: source
            )
        }
    }
}
