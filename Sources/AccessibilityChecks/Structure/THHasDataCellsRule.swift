public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A table header cell must head at least one cell, or it announces nothing useful and suggests the table
/// structure is broken (WCAG 1.3.1; axe-core `th-has-data-cells`; ACT d0f69e "Table header cell has assigned
/// cells").
///
/// Applies to the header cells (`<th>` without a `cell`/`gridcell` role, role `columnheader`/`rowheader`) of a
/// table, grid or treegrid that are not hidden. A header passes when a cell of the same table lists it in
/// `headers`, or when the HTML header-assignment algorithm gives it to a cell: for a column header the first
/// cell below it (in each of its columns) that has no `headers` attribute is scanned upward; likewise rightward
/// for a row header. Unlike axe-core, no layout-table heuristic is applied (ACT judges every table).
public struct THHasDataCellsRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.th-has-data-cells"
    /// How many cells a search walks past before giving up (needs review).
    static let walkLimit = 2_000

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for (table, model) in Tables.models(in: page) {
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
            var referenced: Set<Int> = []
            for cell in model.cells where cell.hasHeadersAttribute {
                for id in Tables.headerIDs(of: cell.element, in: page) {
                    if let target = page.snapshot.index(ofID: id), target != cell.element { referenced.insert(target) }
                }
            }
            for index in model.cells.indices where model.cells[index].isHeader {
                let header = model.cells[index]
                guard !page.hidden(header.element).isHidden else { continue }
                let role = header.isRowHeader ? "rowheader" : "columnheader"
                var assigned: Bool? = referenced.contains(header.element)
                if assigned == false { assigned = hasAssignedCell(index, model: model) }
                switch assigned {
                case true?:
                    observations.append(
                        StructureObservation.element(
                            Self.id,
                            .passed,
                            page: page,
                            index: header.element,
                            url: url,
                            "The header cell (role \(role)) heads at least one cell"
                        )
                    )
                case false?:
                    let name = StructureText.visibleText(of: header.element, in: page).text
                    observations.append(
                        StructureObservation.element(
                            Self.id,
                            .failed,
                            page: page,
                            index: header.element,
                            url: url,
                            "The header cell \"\(name)\" (role \(role)) is assigned to no cell of its table"
                        )
                    )
                case nil:
                    observations.append(
                        StructureObservation.element(
                            Self.id,
                            .needsReview,
                            page: page,
                            index: header.element,
                            url: url,
                            "The table is too large to assign its header cells statically"
                        )
                    )
                }
            }
        }
        return observations
    }

    /// Whether some cell gets `header` through the scanning algorithm; nil when the search was cut short.
    private func hasAssignedCell(_ header: Int, model: TableModel) -> Bool? {
        let cell = model.cells[header]
        if cell.isColumnHeader {
            for x in cell.x..<(cell.x + cell.width) {
                switch search(header, model: model, fixed: x, from: cell.y + cell.height, vertical: true) {
                case true?: return true
                case nil: return nil
                case false?: continue
                }
            }
        }
        if cell.isRowHeader {
            for y in cell.y..<(cell.y + cell.height) {
                switch search(header, model: model, fixed: y, from: cell.x + cell.width, vertical: false) {
                case true?: return true
                case nil: return nil
                case false?: continue
                }
            }
        }
        return false
    }

    /// Walks from `start` along one column (vertical) or row to the first cell without a `headers` attribute
    /// and checks whether its scan back reaches `header`.
    private func search(_ header: Int, model: TableModel, fixed: Int, from start: Int, vertical: Bool) -> Bool? {
        let limit = vertical ? model.height : model.width
        var position = start
        var walked = 0
        while position < limit {
            walked += 1
            if walked > Self.walkLimit { return nil }
            let x = vertical ? fixed : position
            let y = vertical ? position : fixed
            position += 1
            guard let candidate = model.cell(atX: x, y: y), candidate != header,
                !model.cells[candidate].hasHeadersAttribute
            else { continue }
            let origin = model.cells[candidate]
            // The scan only has to get back to the header: no further.
            let target = model.cells[header]
            var budget = max(vertical ? origin.y - target.y : origin.x - target.x, 1)
            let found = model.scan(
                from: candidate,
                x: vertical ? x : origin.x,
                y: vertical ? origin.y : y,
                dx: vertical ? 0 : -1,
                dy: vertical ? -1 : 0,
                budget: &budget
            )
            return found.contains(header)
        }
        return false
    }
}
