public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// The `scope` attribute belongs on `<th>` only and takes `row`, `col`, `rowgroup` or `colgroup`; anything else
/// gives screen readers wrong header associations (best practice; axe-core `scope-attr-valid`; no ACT rule).
///
/// Applies to `<td>` and `<th>` with a `scope` attribute that are not hidden: `<td scope>` fails (obsolete in
/// HTML5), a `<th>` passes when the value (case-insensitive, trimmed) is one of the four keywords.
public struct ScopeAttrValidRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.scope-attr-valid"
    private static let values: Set<String> = ["row", "col", "rowgroup", "colgroup"]

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let nodes = page.snapshot.nodes
        let cells = (page.snapshot.indices(named: "td") + page.snapshot.indices(named: "th")).sorted()
        return cells.compactMap { index -> Observation? in
            guard let scope = nodes[index].attribute("scope"), !page.hidden(index).isHidden else { return nil }
            if nodes[index].name == "td" {
                return StructureObservation.element(
                    Self.id,
                    .failed,
                    page: page,
                    index: index,
                    url: url,
                    "scope=\"\(scope)\" is on a <td>; only <th> header cells may carry scope"
                )
            }
            let value = scope.trimmingHTMLWhitespace().lowercased()
            if Self.values.contains(value) {
                return StructureObservation.element(
                    Self.id,
                    .passed,
                    page: page,
                    index: index,
                    url: url,
                    "The scope value is valid"
                )
            }
            return StructureObservation.element(
                Self.id,
                .failed,
                page: page,
                index: index,
                url: url,
                "scope=\"\(scope)\" is not one of row, col, rowgroup, colgroup"
            )
        }
    }
}
