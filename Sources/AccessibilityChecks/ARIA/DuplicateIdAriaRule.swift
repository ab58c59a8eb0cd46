public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element whose `id` is referenced by an ARIA id-reference attribute (`aria-labelledby`,
/// `aria-describedby`, `aria-controls`, `aria-owns`, …) or `<label for>` while another element has the same id:
/// the reference resolves to the first only, so names and relations come from the wrong element (WCAG 4.1.2; axe
/// `duplicate-id-aria`). One observation per referenced id that exists, on its first element.
public struct DuplicateIdAriaRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.duplicate-id-aria"

    private static let referencing = [
        "aria-activedescendant", "aria-controls", "aria-describedby", "aria-details", "aria-errormessage",
        "aria-flowto", "aria-labelledby", "aria-owns",
    ]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per distinct referenced id present in the page.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var referenced: [String] = []
        var seen: Set<String> = []
        let candidates = Set(ARIARuleSupport.ariaAttributed(page)).union(page.snapshot.indices(named: "label"))
        for index in candidates.sorted() {
            let node = page.node(index)
            var values = Self.referencing.compactMap { node.attribute($0) }
            if node.name == "label", let target = node.attribute("for") { values.append(target) }
            for value in values {
                for token in value.split(whereSeparator: \.isWhitespace) where seen.insert(String(token)).inserted {
                    referenced.append(String(token))
                }
            }
        }
        return referenced.compactMap { id in
            guard let holders = page.snapshot.byID[id], let first = holders.first else { return nil }
            let duplicated = holders.count > 1
            let shown = id.prefix(60)
            let summary =
                duplicated
                ? "The id \"\(shown)\" is referenced by ARIA or a label but \(holders.count) elements have it"
                : "The referenced id \"\(shown)\" is unique"
            return ARIARuleSupport.observation(
                Self.id,
                duplicated ? .failed : .passed,
                page: page,
                index: first,
                url: url,
                summary
            )
        }
    }
}
