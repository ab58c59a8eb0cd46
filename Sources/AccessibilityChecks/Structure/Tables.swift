import A11yModel
import PortcullisHTML

/// Finding the tables the table rules look at.
enum Tables {
    /// Every element whose role is `table`, `grid` or `treegrid` (`<table>` without an overriding role, or any
    /// element with the role) that is not certainly hidden, in document order.
    static func exposed(in page: A11yPage) -> [Int] {
        var candidates = Set(page.snapshot.indices(named: "table"))
        for index in page.snapshot.nodes.indices where page.snapshot.nodes[index].hasAttribute("role") {
            candidates.insert(index)
        }
        return candidates.sorted().filter {
            TableModel.tableRoles.contains(page.role(of: $0) ?? "") && !page.hidden($0).isHidden
        }
    }

    /// The ids listed in the `headers` attribute of the element at `index`.
    static func headerIDs(of index: Int, in page: A11yPage) -> [String] {
        (page.snapshot.nodes[index].attribute("headers") ?? "").split(whereSeparator: \.isWhitespace).map(
            String.init
        )
    }
}
