public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A cell's `headers` attribute must list only ids of other cells in the same table, or screen readers announce
/// wrong or no headers for it (WCAG 1.3.1; axe-core `td-headers-attr`; ACT a25f45 "Headers attribute specified
/// on a cell refers to cells in the same table element").
///
/// Applies to every `<td>`/`<th>` of a `<table>` whose role is `table`/`grid`/`treegrid` (a presentational table
/// is out of scope) that is not hidden, when the cell has a non-blank `headers` attribute. Fails when an id
/// matches no element, an element that is not a cell of this same table, or the cell itself.
public struct TDHeadersAttrRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.td-headers-attr"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for (table, model) in Tables.models(in: page) where page.snapshot.nodes[table].name == "table" {
            for cell in model.cells where cell.hasHeadersAttribute && !page.hidden(cell.element).isHidden {
                var problems: [String] = []
                for id in Tables.headerIDs(of: cell.element, in: page) {
                    guard let target = page.snapshot.index(ofID: id) else {
                        problems.append("\"\(id)\" matches no element")
                        continue
                    }
                    if target == cell.element {
                        problems.append("\"\(id)\" is the cell itself")
                    } else if model.cellByElement[target] == nil {
                        problems.append(
                            "\"\(id)\" is a <\(page.snapshot.nodes[target].name)>, not a cell of this table"
                        )
                    }
                }
                observations.append(
                    problems.isEmpty
                        ? StructureObservation.element(
                            Self.id,
                            .passed,
                            page: page,
                            index: cell.element,
                            url: url,
                            "Every id in headers refers to another cell of the same table"
                        )
                        : StructureObservation.element(
                            Self.id,
                            .failed,
                            page: page,
                            index: cell.element,
                            url: url,
                            "The cell's headers attribute is wrong: " + problems.prefix(3).joined(separator: "; ")
                        )
                )
            }
        }
        return observations
    }
}
