import A11yModel
import PortcullisHTML

/// Finding the tables the table rules look at.
enum Tables {
    /// Every element whose role is `table`, `grid` or `treegrid` (`<table>` without an overriding role, or any
    /// element with the role) that is not certainly hidden, in document order, with its table model: built once
    /// per page and shared by the table rules.
    static func models(in page: A11yPage) -> [(table: Int, model: TableModel)] {
        page.derived(ExposedTableModels.self) { page in
            ExposedTableModels(tables: exposed(in: page).map { ($0, TableModel(table: $0, page: page)) })
        }.tables
    }

    /// The exposed tables, in document order.
    private static func exposed(in page: A11yPage) -> [Int] {
        let candidates = Set(page.snapshot.indices(named: "table")).union(page.snapshot.indices(withAttribute: "role"))
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

/// The page's exposed tables with their models, shared by the table rules through ``A11yPage/derived(_:_:)``.
private struct ExposedTableModels {
    let tables: [(table: Int, model: TableModel)]
}
