public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a positive `tabindex`: it moves the element ahead of the document's focus order, so keyboard and screen
/// reader users meet controls out of their visual and reading order (best practice; axe `tabindex`).
///
/// The value is parsed as HTML's "rules for parsing integers" (leading whitespace, optional sign, digits).
public struct TabindexRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.tabindex"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in page.snapshot.indices(withAttribute: "tabindex") {
            guard let value = page.node(index).attribute("tabindex"), let number = Self.integer(value) else { continue }
            if number > 0 {
                observations.append(
                    A11yObservation.element(
                        Self.id,
                        .failed,
                        page: page,
                        index: index,
                        url: url,
                        summary: "tabindex=\(number) puts <\(page.node(index).name)> ahead of the natural focus order"
                    )
                )
            } else {
                observations.append(
                    A11yObservation.element(
                        Self.id,
                        .passed,
                        page: page,
                        index: index,
                        url: url,
                        summary: "tabindex ≤ 0"
                    )
                )
            }
        }
        return observations
    }

    /// HTML's rules for parsing integers; nil when the value is not one.
    static func integer(_ value: String) -> Int? {
        let trimmed = value.trimmingASCIIWhitespace
        var digits = Substring(trimmed)
        var sign = 1
        if let first = digits.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        let number = digits.prefix { $0.isASCII && $0.isNumber }
        guard !number.isEmpty else { return nil }
        return (Int(number.prefix(9)) ?? 0) * sign
    }
}
