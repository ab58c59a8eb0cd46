import PortcullisHTML

/// Implicit roles (HTML-AAM / ARIA in HTML) and the roles assistive technology gets, for every element in one
/// document-order pass: context-dependent mappings (`header` in a sectioning element, `td` in a grid, `li` in a
/// list) read facts already computed for the ancestors.
@usableFromInline
struct RoleResolver {
    /// Per element: the implicit role, nil when the element has none.
    @usableFromInline var implicitRoles: [String?] = []
    /// Per element: the role exposed (explicit when valid and not overridden, else implicit).
    @usableFromInline var roles: [String?] = []

    // Tag and role classes are `switch`es, not `Set`s: comparing short strings is much cheaper than hashing
    // them, and these run for every element.
    private static func isSectioning(_ name: String) -> Bool {
        switch name {
        case "article", "aside", "main", "nav", "section": true
        default: false
        }
    }

    private static func isSectioningRole(_ role: String) -> Bool {
        switch role {
        case "article", "complementary", "main", "navigation", "region": true
        default: false
        }
    }

    private static func isTablePart(_ name: String) -> Bool {
        switch name {
        case "thead", "tbody", "tfoot", "tr", "td", "th": true
        default: false
        }
    }

    private static func isListContainer(_ name: String?) -> Bool {
        switch name {
        case "ul", "ol", "menu": true
        default: false
        }
    }
    private static let simple: [String: String] = [
        "address": "group", "article": "article", "blockquote": "blockquote",
        "button": "button", "caption": "caption", "code": "code", "datalist": "listbox", "dd": "definition",
        "del": "deletion", "details": "group", "dfn": "term", "dialog": "dialog", "dt": "term", "em": "emphasis",
        "fieldset": "group", "figure": "figure", "h1": "heading", "h2": "heading", "h3": "heading",
        "h4": "heading", "h5": "heading", "h6": "heading", "hgroup": "group", "hr": "separator", "html": "document",
        "ins": "insertion", "main": "main", "math": "math", "menu": "list", "meter": "meter", "nav": "navigation",
        "ol": "list", "optgroup": "group", "option": "option", "output": "status", "p": "paragraph",
        "progress": "progressbar", "search": "search", "strong": "strong", "sub": "subscript",
        "sup": "superscript", "svg": "graphics-document", "table": "table", "tbody": "rowgroup",
        "textarea": "textbox", "tfoot": "rowgroup", "thead": "rowgroup", "time": "time", "tr": "row", "ul": "list",
        "b": "generic", "bdi": "generic", "bdo": "generic", "body": "generic", "data": "generic", "div": "generic",
        "i": "generic", "pre": "generic", "q": "generic", "samp": "generic", "small": "generic", "span": "generic",
        "u": "generic", "s": "generic",
    ]

    init(_ snapshot: DocumentSnapshot, focusable: [Bool], subtreeHasText: [Bool]) {
        let count = snapshot.nodes.count
        implicitRoles.reserveCapacity(count)
        roles.reserveCapacity(count)
        var inSectioning: [Bool] = []
        var scopedToSectioningContent: [Bool] = []
        var nearestTable: [Int?] = []
        inSectioning.reserveCapacity(count)
        scopedToSectioningContent.reserveCapacity(count)
        nearestTable.reserveCapacity(count)
        for (index, node) in snapshot.nodes.enumerated() {
            let parent = node.parent
            var sectioned = false
            var scoped = false
            if let parent {
                let parentName = snapshot.nodes[parent].name
                let parentIsSectioning =
                    Self.isSectioning(parentName) || roles[parent].map(Self.isSectioningRole) == true
                sectioned = inSectioning[parent] || parentIsSectioning
                let parentIsMain = parentName == "main" || roles[parent] == "main"
                scoped = parentIsMain ? false : parentIsSectioning || scopedToSectioningContent[parent]
            }
            inSectioning.append(sectioned)
            scopedToSectioningContent.append(scoped)
            let table = node.name == "table" ? index : parent.flatMap { nearestTable[$0] }
            nearestTable.append(table)
            let context = Context(
                index: index,
                node: node,
                parentName: parent.map { snapshot.nodes[$0].name },
                inSectioning: sectioned,
                scopedToSectioningContent: scoped,
                tableRole: table.flatMap { $0 == index ? nil : roles[$0] },
                parentRole: parent.flatMap { roles[$0] }
            )
            let implicit = Self.implicitRole(context, snapshot, subtreeHasText)
            implicitRoles.append(implicit)
            roles.append(Self.resolve(implicit: implicit, context: context, focusable: focusable[index]))
        }
    }

    /// What an element's implicit role depends on (the snapshot itself is passed alongside, not copied in).
    private struct Context {
        let index: Int
        let node: DocumentSnapshot.Node
        let parentName: String?
        let inSectioning: Bool
        /// Whether the nearest sectioning ancestor (`main` included) is sectioning content other than `main`.
        let scopedToSectioningContent: Bool
        let tableRole: String?
        let parentRole: String?
    }

    private static func implicitRole(
        _ context: Context,
        _ snapshot: borrowing DocumentSnapshot,
        _ subtreeHasText: borrowing [Bool]
    ) -> String? {
        let node = context.node
        switch node.name {
        case "a": return node.hasAttribute("href") ? "link" : "generic"
        case "area": return node.hasAttribute("href") ? "link" : nil
        case "header": return context.inSectioning ? "generic" : "banner"
        case "footer": return context.inSectioning ? "generic" : "contentinfo"
        case "section": return hasAuthorName(context, snapshot, subtreeHasText) ? "region" : "generic"
        case "aside":
            // HTML-AAM: complementary when scoped to body or main, or named; generic inside other sectioning content.
            return !context.scopedToSectioningContent || hasAuthorName(context, snapshot, subtreeHasText)
                ? "complementary" : "generic"
        case "form": return hasAuthorName(context, snapshot, subtreeHasText) ? "form" : nil
        case "img":
            if let alt = node.attribute("alt"), alt.isEmpty { return "presentation" }
            return "img"
        case "input": return inputRole(node)
        case "select":
            let size = node.attribute("size").flatMap(RenderingFacts.parseInteger) ?? 0
            return node.hasAttribute("multiple") || size > 1 ? "listbox" : "combobox"
        case "li":
            guard Self.isListContainer(context.parentName) else { return "generic" }
            return "listitem"
        case "td":
            guard let tableRole = context.tableRole else { return nil }
            return tableRole == "grid" || tableRole == "treegrid" ? "gridcell" : "cell"
        case "th":
            guard context.tableRole != nil else { return nil }
            return headerRole(context, snapshot)
        default: return simple[node.name]
        }
    }

    private static func inputRole(_ node: DocumentSnapshot.Node) -> String? {
        let type = node.attribute("type")?.trimmingHTMLWhitespace().lowercased() ?? "text"
        let list = node.hasAttribute("list")
        switch type {
        case "button", "image", "reset", "submit": return "button"
        case "checkbox": return "checkbox"
        case "radio": return "radio"
        case "range": return "slider"
        case "number": return "spinbutton"
        case "search": return list ? "combobox" : "searchbox"
        case "email", "tel", "text", "url": return list ? "combobox" : "textbox"
        case "hidden", "password", "color", "date", "datetime-local", "month", "time", "week", "file": return nil
        default: return list ? "combobox" : "textbox"
        }
    }

    /// `th`: `scope` first, else its place: in `thead` or a row of headers → column header; first in a row with
    /// data cells → row header.
    private static func headerRole(_ context: Context, _ snapshot: borrowing DocumentSnapshot) -> String {
        let node = context.node
        switch node.attribute("scope")?.trimmingHTMLWhitespace().lowercased() {
        case "row", "rowgroup": return "rowheader"
        case "col", "colgroup": return "columnheader"
        default: break
        }
        guard let row = node.parent, snapshot.nodes[row].name == "tr" else { return "columnheader" }
        if let group = snapshot.nodes[row].parent, snapshot.nodes[group].name == "thead" {
            return "columnheader"
        }
        let cells = snapshot.nodes[row].elementChildren.filter {
            let name = snapshot.nodes[$0].name
            return name == "td" || name == "th"
        }
        if cells.allSatisfy({ snapshot.nodes[$0].name == "th" }) { return "columnheader" }
        return cells.first == context.index ? "rowheader" : "columnheader"
    }

    /// A quick, role-free test for an author-given name (section → region, form → form): non-blank `aria-label`
    /// or `title`, or `aria-labelledby` pointing at an element with text or an `aria-label`.
    private static func hasAuthorName(
        _ context: Context,
        _ snapshot: borrowing DocumentSnapshot,
        _ subtreeHasText: borrowing [Bool]
    ) -> Bool {
        let node = context.node
        if let label = node.attribute("aria-label"), !label.trimmingHTMLWhitespace().isEmpty { return true }
        if let title = node.attribute("title"), !title.trimmingHTMLWhitespace().isEmpty { return true }
        guard let references = node.attribute("aria-labelledby") else { return false }
        for id in references.split(whereSeparator: \.isWhitespace) {
            guard let target = snapshot.index(ofID: String(id)) else { continue }
            if subtreeHasText[target] { return true }
            if let label = snapshot.nodes[target].attribute("aria-label"),
                !label.trimmingHTMLWhitespace().isEmpty
            {
                return true
            }
        }
        return false
    }

    /// The exposed role: the first usable explicit token, `none`/`presentation` (explicit, implicit or inherited
    /// from a presentational table or list) ignored when the element is focusable or has a global ARIA attribute.
    private static func resolve(implicit: String?, context: Context, focusable: Bool) -> String? {
        let node = context.node
        let explicit = node.attribute("role").flatMap {
            $0.lowercased().split(whereSeparator: \.isWhitespace).lazy.map(String.init)
                .first(where: RoleVocabulary.isUsableRole)
        }
        var role = explicit ?? implicit
        if explicit == nil, inheritsPresentation(context) { role = "none" }
        if RoleVocabulary.isPresentational(role), focusable || hasGlobalARIA(node) {
            role = implicit.flatMap { RoleVocabulary.isPresentational($0) ? nil : $0 }
            if role == nil, node.name == "img" { role = "img" }
        }
        return role
    }

    /// Table parts whose table is presentational, list items whose list is.
    private static func inheritsPresentation(_ context: Context) -> Bool {
        let name = context.node.name
        if isTablePart(name) { return RoleVocabulary.isPresentational(context.tableRole) }
        if name == "li", isListContainer(context.parentName) {
            return RoleVocabulary.isPresentational(context.parentRole)
        }
        return false
    }

    private static func hasGlobalARIA(_ node: DocumentSnapshot.Node) -> Bool {
        node.attributes.contains { $0.name.hasPrefix("aria-") && RoleVocabulary.isGlobalForConflictResolution($0.name) }
    }
}
