public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// In a large data table every non-empty data cell needs a header, or screen-reader users lose track of what a
/// value means (WCAG 1.3.1; axe-core `td-has-header`, a static approximation; no ACT rule).
///
/// Applies to `<table>` elements with role `table`/`grid`/`treegrid`, not hidden, of at least 3 × 3 slots,
/// that look like data tables from markup alone: an explicit table role, or a `<th>`, `<thead>`, `<caption>`,
/// `summary`, `headers` or `scope`. Deviation: axe-core also uses rendered borders and colours to guess a data
/// table; without those signals a table is treated as a layout table (inapplicable). A data cell with text
/// passes when its `headers` names an existing element or the HTML scanning algorithm finds a header above it
/// or before it in its row. One observation per table.
public struct TDHasHeaderRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.td-has-header"
    /// The slots the scans may visit per table before giving up (needs review).
    static let scanBudget = 4_000_000

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for (table, model) in Tables.models(in: page) where page.snapshot.nodes[table].name == "table" {
            if model.truncated {
                observations.append(
                    StructureObservation.element(
                        Self.id,
                        .needsReview,
                        page: page,
                        index: table,
                        url: url,
                        "The table's colspan/rowspan make a grid too large to assign header cells statically"
                    )
                )
                continue
            }
            guard model.width >= 3, model.height >= 3, looksLikeDataTable(table, model: model, page: page) else {
                continue
            }
            observations.append(observe(table, model: model, page: page, url: url))
        }
        return observations
    }

    private func observe(_ table: Int, model: TableModel, page: A11yPage, url: URL) -> Observation {
        var budget = Self.scanBudget
        var missing: [Int] = []
        for index in model.cells.indices where !model.cells[index].isHeader {
            let cell = model.cells[index]
            if page.hidden(cell.element).isHidden { continue }
            if StructureText.visibleText(of: cell.element, in: page).text.isEmpty { continue }
            if cell.hasHeadersAttribute {
                let ids = Tables.headerIDs(of: cell.element, in: page)
                if ids.contains(where: { page.snapshot.index(ofID: $0) != nil }) { continue }
                missing.append(cell.element)
                continue
            }
            if hasHeader(index, model: model, budget: &budget) { continue }
            if budget <= 0 {
                return StructureObservation.element(
                    Self.id,
                    .needsReview,
                    page: page,
                    index: table,
                    url: url,
                    "The table is too large to assign its header cells statically"
                )
            }
            missing.append(cell.element)
        }
        if missing.isEmpty {
            return StructureObservation.element(
                Self.id,
                .passed,
                page: page,
                index: table,
                url: url,
                "Every non-empty data cell has a header"
            )
        }
        let first = page.snapshot.path(missing[0])
        return StructureObservation.element(
            Self.id,
            .failed,
            page: page,
            index: table,
            url: url,
            "\(missing.count) non-empty data cell(s) of this \(model.width)×\(model.height) table have no header "
                + "cell (first: \(first))"
        )
    }

    private func hasHeader(_ index: Int, model: TableModel, budget: inout Int) -> Bool {
        let cell = model.cells[index]
        for y in cell.y..<(cell.y + cell.height) {
            if !model.scan(from: index, x: cell.x, y: y, dx: -1, dy: 0, budget: &budget).isEmpty { return true }
        }
        for x in cell.x..<(cell.x + cell.width) {
            if !model.scan(from: index, x: x, y: cell.y, dx: 0, dy: -1, budget: &budget).isEmpty { return true }
        }
        return false
    }

    private func looksLikeDataTable(_ table: Int, model: TableModel, page: A11yPage) -> Bool {
        let node = page.snapshot.nodes[table]
        if !page.explicitRoleTokens(of: table).isEmpty || node.hasAttribute("summary") { return true }
        if model.cells.contains(where: { $0.isHeader || $0.hasHeadersAttribute || $0.scope != nil }) { return true }
        return node.elementChildren.contains { ["thead", "caption"].contains(page.snapshot.nodes[$0].name) }
    }
}
