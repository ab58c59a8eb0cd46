import PortcullisHTML

/// The roles ARIA in HTML allows per element, for the elements that restrict them (nil: any role).
enum AriaAllowedRoleTable {
    private static func set(_ text: String) -> Set<String> { Set(text.split(separator: " ").map(String.init)) }

    private static let noRole: Set<String> = set(
        "base col colgroup datalist head html link map meta noscript param picture script slot source style template "
            + "title track"
    )
    private static let linkRoles = set(
        "button checkbox menuitem menuitemcheckbox menuitemradio option radio switch tab treeitem doc-backlink "
            + "doc-biblioref doc-glossref doc-noteref"
    )
    private static let buttonRoles = set(
        "checkbox combobox gridcell link menuitem menuitemcheckbox menuitemradio option radio separator slider switch "
            + "tab treeitem"
    )
    private static let imageRoles = set(
        "button checkbox link menuitem menuitemcheckbox menuitemradio meter option progressbar radio scrollbar "
            + "separator slider switch tab treeitem doc-cover none presentation"
    )
    private static let presentational = set("none presentation")
    private static let headingRoles = set("none presentation tab doc-subtitle")
    private static let listRoles = set(
        "directory group listbox menu menubar none presentation radiogroup tablist toolbar tree"
    )
    private static let listItemRoles = set(
        "menuitem menuitemcheckbox menuitemradio option none presentation radio separator tab treeitem doc-biblioentry "
            + "doc-endnote"
    )
    private static let navRoles = set("doc-index doc-pagelist doc-toc menu menubar none presentation tablist")

    /// The allowed roles for `node`, nil when any role is allowed.
    static func allowedRoles(for node: DocumentSnapshot.Node) -> Set<String>? {
        if noRole.contains(node.name) { return [] }
        switch node.name {
        case "a", "area": return node.hasAttribute("href") ? (node.name == "a" ? linkRoles : []) : nil
        case "button": return buttonRoles
        case "img":
            if node.attribute("alt") == "" { return presentational }
            return node.hasAttribute("alt") ? imageRoles : nil
        case "h1", "h2", "h3", "h4", "h5", "h6": return headingRoles
        case "ul", "ol", "menu": return listRoles
        case "li": return listItemRoles
        case "nav": return navRoles
        case "input": return inputRoles(node)
        case "select":
            return node.hasAttribute("multiple") || (Int(node.attribute("size") ?? "") ?? 0) > 1 ? [] : set("menu")
        case "textarea", "option", "optgroup", "progress", "meter", "datalist", "main", "legend", "label", "dialog":
            return node.name == "dialog" ? set("alertdialog") : []
        default: return nil
        }
    }

    private static func inputRoles(_ node: DocumentSnapshot.Node) -> Set<String> {
        switch node.attribute("type")?.lowercased() ?? "text" {
        case "checkbox": return set("button menuitemcheckbox option switch")
        case "radio": return set("menuitemradio")
        case "button", "submit", "reset", "image":
            return set(
                "checkbox combobox gridcell link menuitem menuitemcheckbox menuitemradio option radio slider "
                    + "switch tab treeitem"
            )
        case "text", "search", "tel", "url", "email", "":
            return node.hasAttribute("list") ? [] : set("combobox searchbox spinbutton")
        default: return []
        }
    }
}
