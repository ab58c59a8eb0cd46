public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a native form field with more than one visible `<label>` (WCAG 3.3.2; axe `form-field-multiple-labels`):
/// assistive technologies announce only one of them, or join them inconsistently.
///
/// Labels count when they point at the field's id with `for`, or wrap it without a `for` of their own. Labels
/// hidden from everyone do not count; a second label that only a stylesheet might hide makes it needs review.
public struct FormFieldMultipleLabelsRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.form-field-multiple-labels"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed native form field with at least one label.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let labels = page.snapshot.indices(named: "label")
        guard !labels.isEmpty else { return [] }
        var byFor: [String: [Int]] = [:]
        for label in labels {
            if let target = page.node(label).attribute("for") { byFor[target, default: []].append(label) }
        }
        return FormFields.all(page).compactMap { index in
            guard !page.hidden(index).isHidden else { return nil }
            var associated: [Int] = []
            if let id = page.node(index).attribute("id"), page.snapshot.index(ofID: id) == index {
                associated += byFor[id] ?? []
            }
            if let wrapping = wrappingLabel(page, index), page.node(wrapping).attribute("for") == nil {
                associated.append(wrapping)
            }
            guard !associated.isEmpty else { return nil }
            let states = associated.map { page.hidden($0) }
            let shown = states.filter { $0 == .exposed }.count
            let maybe = states.filter { if case .uncertain = $0 { return true } else { return false } }.count
            let role = NameRuleSupport.roleLabel(page, index)
            if shown > 1 {
                return A11yObservation.element(
                    Self.id,
                    .failed,
                    page: page,
                    index: index,
                    url: url,
                    summary: "Form field (role \(role)) has \(shown) visible labels; screen readers announce only one"
                )
            }
            if shown + maybe > 1 {
                return A11yObservation.element(
                    Self.id,
                    .needsReview,
                    page: page,
                    index: index,
                    url: url,
                    summary:
                        "Form field (role \(role)) has \(shown + maybe) labels, some of which a stylesheet may hide"
                )
            }
            return A11yObservation.element(
                Self.id,
                .passed,
                page: page,
                index: index,
                url: url,
                summary: "Form field (role \(role)) has one visible label"
            )
        }
    }

    /// The nearest `<label>` ancestor (bounded climb).
    private func wrappingLabel(_ page: A11yPage, _ index: Int) -> Int? {
        page.nearestAncestor(of: index, within: 64) { page.node($0).name == "label" }
    }
}
