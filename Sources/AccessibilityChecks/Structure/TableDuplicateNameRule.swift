public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A table's `<caption>` and `summary` should differ: screen readers read both, so the same text twice is noise
/// (best practice; axe-core `table-duplicate-name`; no ACT rule).
///
/// Applies to `<table>` elements that are not hidden and have both a non-blank `summary` and a `<caption>` with
/// text; fails when the two are equal ignoring case and whitespace.
public struct TableDuplicateNameRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.table-duplicate-name"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let nodes = page.snapshot.nodes
        return page.snapshot.indices(named: "table").compactMap { table -> Observation? in
            guard !page.hidden(table).isHidden,
                let summary = nodes[table].attribute("summary").map(StructureText.normalised), !summary.isEmpty,
                let caption = nodes[table].elementChildren.first(where: { nodes[$0].name == "caption" })
            else { return nil }
            let text = StructureText.visibleText(of: caption, in: page).text
            guard !text.isEmpty else { return nil }
            if text.lowercased() == summary.lowercased() {
                return StructureObservation.element(
                    Self.id,
                    .failed,
                    page: page,
                    index: table,
                    url: url,
                    "The table's caption and summary are both \"\(text)\"; the summary should add information"
                )
            }
            return StructureObservation.element(
                Self.id,
                .passed,
                page: page,
                index: table,
                url: url,
                "The table's caption and summary differ"
            )
        }
    }
}
