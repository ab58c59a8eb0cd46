import A11yModel
import Foundation
import PortcullisHTML

/// One table's grid per the HTML table model ("forming a table"): rows from `<tr>` (inside `<thead>`,
/// `<tbody>`, `<tfoot>` or, as libxml2 adds no implied `<tbody>`, directly in `<table>`), cells from `<td>`/`<th>`
/// with `colspan`/`rowspan` (0 extends to the end of the row group); or, for an element with an ARIA table role,
/// rows and cells from the `row` and `cell`/`gridcell`/`columnheader`/`rowheader` roles (one slot each).
///
/// Header cells are `<th>` (unless a `role` makes them `cell`/`gridcell`) or anything with role `columnheader` /
/// `rowheader`; their kind follows `scope`, the role, or the HTML auto rule (a column header when its rows hold no
/// data cell, else a row header when its columns hold none). ``scan(from:dx:dy:budget:)`` is the HTML "internal
/// algorithm for scanning and assigning header cells". The grid is capped at ``maxSlots`` slots.
struct TableModel {
    /// A cell: its element and place.
    struct Cell {
        let element: Int
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        /// Whether it is a header cell.
        let isHeader: Bool
        /// Whether it has a non-blank `headers` attribute (then no implicit assignment applies).
        let hasHeadersAttribute: Bool
        /// Explicit orientation (scope or role): "col", "row", or nil for auto.
        let scope: String?
        var isColumnHeader = false
        var isRowHeader = false
    }

    /// The most slots one table may have (bounded memory on hostile `colspan`/`rowspan`).
    static let maxSlots = 1_000_000
    private static let empty: Int32 = -1
    private static let overlapped: Int32 = -2

    /// The table element.
    let table: Int
    /// The cells in tree order.
    private(set) var cells: [Cell] = []
    /// The grid's width (columns) and height (rows).
    private(set) var width = 0
    private(set) var height = 0
    /// Whether the grid hit ``maxSlots`` (the model is incomplete).
    private(set) var truncated = false
    /// Cell index by element index.
    private(set) var cellByElement: [Int: Int] = [:]
    private var slots: [[Int32]] = []
    /// Per slot (row-major, `width` wide): the row of the nearest header cell above it in its column, and the
    /// column of the nearest header cell before it in its row; -1 when none. Lets a scan that has seen only
    /// data cells jump straight to the first header, so tall tables stay linear.
    private var headerAbove: [Int32] = []
    private var headerBefore: [Int32] = []

    /// The model of the element `table` (a `<table>` or an element with an ARIA table role).
    init(table: Int, page: A11yPage) {
        self.table = table
        if page.snapshot.nodes[table].name == "table" {
            buildHTML(page: page)
        } else {
            buildARIA(page: page)
        }
        classifyHeaders()
        indexHeaders()
    }

    /// The cell covering slot (x, y): nil when none or more than one cover it.
    func cell(atX x: Int, y: Int) -> Int? {
        guard y >= 0, y < slots.count, x >= 0, x < slots[y].count else { return nil }
        let value = slots[y][x]
        return value >= 0 ? Int(value) : nil
    }

    /// The header cells the HTML scanning algorithm assigns to `principal` in direction (dx, dy), spending one
    /// unit of `budget` per slot visited (stops when it reaches zero).
    func scan(from principal: Int, x startX: Int, y startY: Int, dx: Int, dy: Int, budget: inout Int) -> [Int] {
        var x = startX
        var y = startY
        var opaque: [Int] = []
        var inBlock = cells[principal].isHeader
        var block: [Int] = inBlock ? [principal] : []
        var result: [Int] = []
        while budget > 0 {
            if !inBlock, opaque.isEmpty, result.isEmpty, let jump = nearestHeader(x: x, y: y, dx: dx, dy: dy) {
                // Only data cells lie between here and the first header: skip them.
                if dx == 0 { y = jump - dy } else { x = jump - dx }
            }
            x += dx
            y += dy
            guard x >= 0, y >= 0, y < height, x < width else { break }
            budget -= 1
            guard let current = cell(atX: x, y: y) else { continue }
            let cell = cells[current]
            if cell.isHeader {
                inBlock = true
                block.append(current)
                var blocked = false
                if dx == 0 {
                    blocked =
                        !cell.isColumnHeader
                        || opaque.contains { cells[$0].x == cell.x && cells[$0].width == cell.width }
                } else {
                    blocked =
                        !cell.isRowHeader
                        || opaque.contains { cells[$0].y == cell.y && cells[$0].height == cell.height }
                }
                if !blocked, !result.contains(current) { result.append(current) }
            } else if inBlock {
                inBlock = false
                opaque += block
                block = []
            }
        }
        return result
    }

    /// The row (dy = -1) or column (dx = -1) of the nearest header beyond (x, y), -1 when none; nil when the
    /// index is not available.
    private func nearestHeader(x: Int, y: Int, dx: Int, dy: Int) -> Int? {
        guard x >= 0, y >= 0, x < width, y < height, !headerAbove.isEmpty else { return nil }
        if dx == 0, dy == -1 { return Int(headerAbove[y * width + x]) }
        if dx == -1, dy == 0 { return Int(headerBefore[y * width + x]) }
        return nil
    }

    private mutating func indexHeaders() {
        guard width > 0, height > 0, width * height <= 2 * Self.maxSlots else { return }
        headerAbove = [Int32](repeating: -1, count: width * height)
        headerBefore = [Int32](repeating: -1, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                if y > 0 {
                    let above = cell(atX: x, y: y - 1)
                    headerAbove[y * width + x] =
                        above.map { cells[$0].isHeader } == true ? Int32(y - 1) : headerAbove[(y - 1) * width + x]
                }
                if x > 0 {
                    let before = cell(atX: x - 1, y: y)
                    headerBefore[y * width + x] =
                        before.map { cells[$0].isHeader } == true ? Int32(x - 1) : headerBefore[y * width + x - 1]
                }
            }
        }
    }

    // MARK: - Building

    private mutating func buildHTML(page: A11yPage) {
        let nodes = page.snapshot.nodes
        var groups: [[Int]] = []
        var loose: [Int] = []
        for child in nodes[table].elementChildren {
            switch nodes[child].name {
            case "tr": loose.append(child)
            case "thead", "tbody", "tfoot":
                if !loose.isEmpty {
                    groups.append(loose)
                    loose = []
                }
                groups.append(nodes[child].elementChildren.filter { nodes[$0].name == "tr" })
            default: break
            }
        }
        if !loose.isEmpty { groups.append(loose) }
        for group in groups {
            let groupStart = height
            let groupEnd = groupStart + group.count
            for (offset, row) in group.enumerated() {
                let y = groupStart + offset
                ensureRows(y + 1)
                var x = 0
                for cellElement in nodes[row].elementChildren where ["td", "th"].contains(nodes[cellElement].name) {
                    while x < slots[y].count, slots[y][x] != Self.empty { x += 1 }
                    let node = nodes[cellElement]
                    let colspan = min(max(Self.integer(node.attribute("colspan")) ?? 1, 1), 1000)
                    var rowspan = min(max(Self.integer(node.attribute("rowspan")) ?? 1, 0), 65534)
                    if rowspan == 0 { rowspan = groupEnd - y }
                    rowspan = min(rowspan, groupEnd - y)
                    guard place(cellElement, x: x, y: y, width: colspan, height: rowspan, page: page) else { return }
                    x += colspan
                }
                height = max(height, y + 1)
            }
            height = max(height, groupEnd)
        }
    }

    private mutating func buildARIA(page: A11yPage) {
        let nodes = page.snapshot.nodes
        var rows: [Int] = []
        var stack: [Int] = nodes[table].elementChildren.reversed()
        while let next = stack.popLast() {
            let role = page.role(of: next)
            if role == "row" {
                rows.append(next)
            } else if !Self.tableRoles.contains(role ?? "") {
                stack.append(contentsOf: nodes[next].elementChildren.reversed())
            }
        }
        for (y, row) in rows.enumerated() {
            ensureRows(y + 1)
            height = y + 1
            var x = 0
            var stack: [Int] = nodes[row].elementChildren.reversed()
            while let next = stack.popLast() {
                let role = page.role(of: next) ?? ""
                if Self.cellRoles.contains(role) {
                    guard place(next, x: x, y: y, width: 1, height: 1, page: page) else { return }
                    x += 1
                } else if !Self.tableRoles.contains(role), role != "row" {
                    stack.append(contentsOf: nodes[next].elementChildren.reversed())
                }
            }
        }
    }

    static let tableRoles: Set<String> = ["table", "grid", "treegrid"]
    static let cellRoles: Set<String> = ["cell", "gridcell", "columnheader", "rowheader"]

    private mutating func ensureRows(_ count: Int) {
        while slots.count < count { slots.append([]) }
    }

    private mutating func place(_ element: Int, x: Int, y: Int, width: Int, height: Int, page: A11yPage) -> Bool {
        let needed = (y + height) * max(self.width, x + width)
        if needed > Self.maxSlots || (x + width) * (y + height) > Self.maxSlots {
            truncated = true
            return false
        }
        let node = page.snapshot.nodes[element]
        let explicit = page.explicitRoleTokens(of: element).first { Self.cellRoles.contains($0) }
        let isHeader: Bool
        var scope: String?
        switch explicit {
        case "columnheader":
            isHeader = true
            scope = "col"
        case "rowheader":
            isHeader = true
            scope = "row"
        case "cell", "gridcell": isHeader = false
        default:
            isHeader = node.name == "th"
            switch node.attribute("scope")?.lowercased().trimmingHTMLWhitespace() {
            case "col", "colgroup": scope = "col"
            case "row", "rowgroup": scope = "row"
            default: scope = nil
            }
        }
        let headers = node.attribute("headers")?.contains { !$0.isWhitespace } ?? false
        let index = cells.count
        cells.append(
            Cell(
                element: element,
                x: x,
                y: y,
                width: width,
                height: height,
                isHeader: isHeader,
                hasHeadersAttribute: headers,
                scope: scope
            )
        )
        cellByElement[element] = index
        ensureRows(y + height)
        self.width = max(self.width, x + width)
        for row in y..<(y + height) {
            if slots[row].count < x + width {
                slots[row].append(contentsOf: repeatElement(Self.empty, count: x + width - slots[row].count))
            }
            for column in x..<(x + width) {
                slots[row][column] = slots[row][column] == Self.empty ? Int32(index) : Self.overlapped
            }
        }
        return true
    }

    /// Decides each header's kind: explicit scope/role, else the HTML auto rule.
    private mutating func classifyHeaders() {
        var rowHasData = [Bool](repeating: false, count: height)
        var columnHasData = [Bool](repeating: false, count: width)
        for cell in cells where !cell.isHeader {
            for y in cell.y..<(cell.y + cell.height) { rowHasData[y] = true }
            for x in cell.x..<(cell.x + cell.width) { columnHasData[x] = true }
        }
        for index in cells.indices where cells[index].isHeader {
            let cell = cells[index]
            switch cell.scope {
            case "col": cells[index].isColumnHeader = true
            case "row": cells[index].isRowHeader = true
            default:
                let column = !(cell.y..<(cell.y + cell.height)).contains { rowHasData[$0] }
                cells[index].isColumnHeader = column
                cells[index].isRowHeader = !column && !(cell.x..<(cell.x + cell.width)).contains { columnHasData[$0] }
            }
        }
    }

    private static func integer(_ text: String?) -> Int? {
        guard let text else { return nil }
        let digits = text.trimmingHTMLWhitespace().prefix { $0.isNumber }
        return digits.isEmpty ? nil : Int(digits.prefix(9))
    }
}
