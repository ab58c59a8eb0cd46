/// The WAI-ARIA 1.2 role table, with DPUB-ARIA 1.1 `doc-*` and Graphics-ARIA `graphics-*` roles, and the ARIA 1.3
/// roles axe-core already accepts (`comment`, `mark`, `suggestion`) so current markup is not called invalid.
///
/// Each entry lists the role's own characteristics; supported attributes are completed with everything inherited
/// through the superclass chain (and the required ones) when the table is built, so lookups stay flat.
enum ARIARoleTable {
    /// One table row before inheritance is resolved.
    private struct Row {
        var name: String
        var superclasses: [String]
        var supported: [String] = []
        var required: [String] = []
        var prohibited: [String] = []
        var owned: [[String]] = []
        var context: [String] = []
        var nameFrom: Set<ARIARole.NameFrom> = [.author]
        var nameRequired = false
        var childrenPresentational = false
        var isAbstract = false
        var isDeprecated = false
    }

    /// Prohibited on roles whose name is prohibited: the naming attributes and their braille variants
    /// (ARIA 1.2 lists `aria-label`/`aria-labelledby`; ARIA 1.3 adds the braille ones, which ACT kb1m8s tests).
    private static let label = ["aria-braillelabel", "aria-brailleroledescription", "aria-label", "aria-labelledby"]

    private static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

    // swiftlint:disable:next function_body_length
    private static func rows() -> [Row] {
        var rows: [Row] = []
        func add(
            _ name: String,
            _ superclasses: String,
            supported: String = "",
            required: String = "",
            prohibited: [String] = [],
            owned: [[String]] = [],
            context: String = "",
            from nameFrom: Set<ARIARole.NameFrom> = [.author],
            nameRequired: Bool = false,
            presentational: Bool = false,
            abstract: Bool = false,
            deprecated: Bool = false
        ) {
            rows.append(
                Row(
                    name: name,
                    superclasses: words(superclasses),
                    supported: words(supported),
                    required: words(required),
                    prohibited: prohibited,
                    owned: owned,
                    context: words(context),
                    nameFrom: nameFrom,
                    nameRequired: nameRequired,
                    childrenPresentational: presentational,
                    isAbstract: abstract,
                    isDeprecated: deprecated
                )
            )
        }
        let both: Set<ARIARole.NameFrom> = [.contents, .author]
        let none: Set<ARIARole.NameFrom> = [.prohibited]
        // Abstract roles.
        add("roletype", "", abstract: true)
        add("structure", "roletype", abstract: true)
        add("widget", "roletype", abstract: true)
        add("window", "roletype", supported: "aria-modal", abstract: true)
        add("composite", "widget", supported: "aria-activedescendant aria-disabled", abstract: true)
        add("input", "widget", supported: "aria-disabled", abstract: true)
        add("command", "widget", abstract: true)
        add("section", "structure", abstract: true)
        add("sectionhead", "structure", from: both, abstract: true)
        add("landmark", "section", abstract: true)
        add("range", "structure", supported: "aria-valuemax aria-valuemin aria-valuenow aria-valuetext", abstract: true)
        add("select", "composite group", supported: "aria-orientation", abstract: true)
        // Document structure and landmarks.
        add("alert", "section")
        add("alertdialog", "alert dialog", nameRequired: true)
        add(
            "application",
            "structure",
            supported: "aria-activedescendant aria-disabled aria-errormessage aria-expanded aria-haspopup aria-invalid",
            nameRequired: true
        )
        add("article", "document", supported: "aria-posinset aria-setsize")
        add("banner", "landmark")
        add("blockquote", "section")
        add("caption", "section", prohibited: label, context: "figure grid table treegrid", from: none)
        add(
            "cell",
            "section",
            supported: "aria-colindex aria-colspan aria-rowindex aria-rowspan",
            context: "row",
            from: both
        )
        add("code", "section", prohibited: label, from: none)
        add(
            "columnheader",
            "cell gridcell sectionhead",
            supported: "aria-sort",
            context: "row",
            from: both,
            nameRequired: true
        )
        add("complementary", "landmark")
        add("contentinfo", "landmark")
        add("definition", "section")
        add("deletion", "section", prohibited: label, from: none)
        add("dialog", "window", nameRequired: true)
        add("directory", "list", deprecated: true)
        add("document", "structure", supported: "aria-expanded")
        add("emphasis", "section", prohibited: label, from: none)
        add("feed", "list", owned: [["article"]])
        add("figure", "section")
        add("form", "landmark")
        add("generic", "structure", prohibited: label + ["aria-roledescription"], from: none)
        add("group", "section", supported: "aria-activedescendant aria-disabled")
        add("heading", "sectionhead", required: "aria-level", from: both, nameRequired: true)
        add("img", "section", nameRequired: true, presentational: true)
        add("insertion", "section", prohibited: label, from: none)
        add("list", "section", owned: [["listitem"]])
        add("listitem", "section", supported: "aria-level aria-posinset aria-setsize", context: "directory list")
        add("log", "section")
        add("main", "landmark")
        add("marquee", "section")
        add("math", "section")
        add("navigation", "landmark")
        add("none", "structure", prohibited: label, from: none)
        add("note", "section")
        add("paragraph", "section", prohibited: label, from: none)
        add("presentation", "structure", prohibited: label, from: none)
        add("region", "landmark", nameRequired: true)
        add(
            "row",
            "group widget",
            supported: "aria-colindex aria-expanded aria-level aria-posinset aria-rowindex aria-selected aria-setsize",
            owned: [["cell"], ["columnheader"], ["gridcell"], ["rowheader"]],
            context: "grid rowgroup table treegrid",
            from: both
        )
        add("rowgroup", "structure", owned: [["row"]], context: "grid table treegrid", from: both)
        add(
            "rowheader",
            "cell gridcell sectionhead",
            supported: "aria-sort",
            context: "row",
            from: both,
            nameRequired: true
        )
        add("search", "landmark")
        add(
            "separator",
            "structure",
            supported: "aria-disabled aria-orientation aria-valuemax aria-valuemin "
                + "aria-valuenow aria-valuetext",
            presentational: true
        )
        add("status", "section")
        add("strong", "section", prohibited: label, from: none)
        add("subscript", "section", prohibited: label, from: none)
        add("superscript", "section", prohibited: label, from: none)
        add(
            "table",
            "section",
            supported: "aria-colcount aria-rowcount",
            owned: [["row"], ["rowgroup", "row"]],
            nameRequired: true
        )
        add("tabpanel", "section", nameRequired: true)
        add("term", "section")
        add("time", "section")
        add("timer", "status")
        add("toolbar", "group", supported: "aria-orientation")
        add("tooltip", "section", from: both, nameRequired: true)
        // ARIA 1.3 roles already shipped by browsers and accepted by axe-core.
        add("comment", "article", supported: "aria-level aria-posinset aria-setsize")
        add("mark", "section", prohibited: label, from: none)
        add("suggestion", "section", prohibited: label, from: none)
        // Widgets.
        add(
            "button",
            "command",
            supported: "aria-disabled aria-expanded aria-haspopup aria-pressed",
            from: both,
            nameRequired: true,
            presentational: true
        )
        add(
            "checkbox",
            "input",
            supported: "aria-errormessage aria-expanded aria-invalid aria-readonly aria-required",
            required: "aria-checked",
            from: both,
            nameRequired: true,
            presentational: true
        )
        add(
            "combobox",
            "input",
            supported: "aria-activedescendant aria-autocomplete aria-errormessage aria-haspopup aria-invalid "
                + "aria-readonly aria-required",
            required: "aria-controls aria-expanded",
            nameRequired: true
        )
        add(
            "grid",
            "composite table",
            supported: "aria-multiselectable aria-readonly",
            owned: [["row"], ["rowgroup", "row"]],
            nameRequired: true
        )
        add(
            "gridcell",
            "cell widget",
            supported: "aria-disabled aria-errormessage aria-expanded aria-haspopup aria-invalid aria-readonly "
                + "aria-required aria-selected",
            context: "row",
            from: both
        )
        add("link", "command", supported: "aria-disabled aria-expanded aria-haspopup", from: both, nameRequired: true)
        add(
            "listbox",
            "select",
            supported: "aria-errormessage aria-expanded aria-invalid aria-multiselectable aria-readonly aria-required",
            owned: [["group", "option"], ["option"]],
            nameRequired: true
        )
        add(
            "menu",
            "select",
            owned: [
                ["group", "menuitem"], ["group", "menuitemradio"], ["group", "menuitemcheckbox"], ["menuitem"],
                ["menuitemcheckbox"], ["menuitemradio"],
            ]
        )
        add(
            "menubar",
            "menu",
            owned: [
                ["group", "menuitem"], ["group", "menuitemradio"], ["group", "menuitemcheckbox"], ["menuitem"],
                ["menuitemcheckbox"], ["menuitemradio"],
            ]
        )
        add(
            "menuitem",
            "command",
            supported: "aria-disabled aria-expanded aria-haspopup aria-posinset aria-setsize",
            context: "group menu menubar",
            from: both,
            nameRequired: true
        )
        add(
            "menuitemcheckbox",
            "menuitem",
            required: "aria-checked",
            context: "group menu menubar",
            from: both,
            nameRequired: true,
            presentational: true
        )
        add(
            "menuitemradio",
            "menuitemcheckbox",
            required: "aria-checked",
            context: "group menu menubar",
            from: both,
            nameRequired: true,
            presentational: true
        )
        add("meter", "range", required: "aria-valuenow", nameRequired: true, presentational: true)
        add(
            "option",
            "input",
            supported: "aria-checked aria-posinset aria-selected aria-setsize",
            context: "group listbox",
            from: both,
            nameRequired: true,
            presentational: true
        )
        add("progressbar", "range widget", nameRequired: true, presentational: true)
        add(
            "radio",
            "input",
            supported: "aria-posinset aria-setsize",
            required: "aria-checked",
            from: both,
            nameRequired: true,
            presentational: true
        )
        add(
            "radiogroup",
            "group",
            supported: "aria-errormessage aria-invalid aria-readonly aria-required",
            owned: [["radio"]],
            nameRequired: true
        )
        add(
            "scrollbar",
            "range widget",
            supported: "aria-disabled aria-orientation aria-valuemax aria-valuemin",
            required: "aria-controls aria-valuenow",
            presentational: true
        )
        add("searchbox", "textbox", nameRequired: true)
        add(
            "slider",
            "input range",
            supported: "aria-errormessage aria-haspopup aria-invalid aria-orientation aria-readonly",
            required: "aria-valuenow",
            nameRequired: true,
            presentational: true
        )
        add(
            "spinbutton",
            "composite input range",
            supported: "aria-errormessage aria-invalid aria-readonly aria-required",
            nameRequired: true
        )
        add("switch", "checkbox", required: "aria-checked", from: both, nameRequired: true, presentational: true)
        add(
            "tab",
            "sectionhead widget",
            supported: "aria-disabled aria-expanded aria-haspopup aria-posinset aria-selected aria-setsize",
            context: "tablist",
            from: both,
            presentational: true
        )
        add("tablist", "composite", supported: "aria-multiselectable aria-orientation", owned: [["tab"]])
        add(
            "textbox",
            "input",
            supported: "aria-activedescendant aria-autocomplete aria-errormessage aria-haspopup aria-invalid "
                + "aria-multiline aria-placeholder aria-readonly aria-required",
            nameRequired: true
        )
        add(
            "tree",
            "select",
            supported: "aria-errormessage aria-invalid aria-multiselectable aria-required",
            owned: [["group", "treeitem"], ["treeitem"]],
            nameRequired: true
        )
        add("treegrid", "grid tree", owned: [["row"], ["rowgroup", "row"]], nameRequired: true)
        add(
            "treeitem",
            "listitem option",
            supported: "aria-expanded aria-haspopup",
            context: "group tree",
            from: both,
            nameRequired: true
        )
        // DPUB-ARIA 1.1.
        for name in [
            "acknowledgments", "afterword", "appendix", "bibliography", "chapter", "conclusion", "credits",
            "endnotes", "epilogue", "errata", "foreword", "glossary", "introduction", "part", "preface", "prologue",
        ] {
            add("doc-" + name, "landmark", nameRequired: false)
        }
        for name in ["abstract", "colophon", "credit", "dedication", "epigraph", "example", "footnote", "qna"] {
            add("doc-" + name, "section")
        }
        for name in ["index", "pagelist", "toc"] { add("doc-" + name, "navigation") }
        for name in ["backlink", "biblioref", "glossref", "noteref"] {
            add(
                "doc-" + name,
                "link",
                supported: "aria-disabled aria-expanded aria-haspopup",
                from: both,
                nameRequired: true
            )
        }
        add("doc-biblioentry", "listitem", context: "doc-bibliography", deprecated: true)
        add("doc-endnote", "listitem", context: "doc-endnotes", deprecated: true)
        add("doc-cover", "img", presentational: true)
        add("doc-notice", "note")
        add("doc-tip", "note")
        add("doc-pagebreak", "separator", presentational: true)
        add("doc-pagefooter", "section", prohibited: label, from: none)
        add("doc-pageheader", "section", prohibited: label, from: none)
        add("doc-pullquote", "none")
        add("doc-subtitle", "sectionhead")
        // Graphics-ARIA.
        add("graphics-document", "document", nameRequired: true)
        add("graphics-object", "group", from: both)
        add("graphics-symbol", "img", nameRequired: true, presentational: true)
        return rows
    }

    /// The table with supported attributes resolved through inheritance.
    static func build() -> [String: ARIARole] {
        let rows = rows()
        let byName = Dictionary(rows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [String: ARIARole] = [:]
        for row in rows {
            var supported: [String] = []
            var seenAttributes: Set<String> = []
            var seenRoles: Set<String> = []
            var pending = [row.name]
            while let next = pending.popLast() {
                guard seenRoles.insert(next).inserted, let current = byName[next] else { continue }
                for attribute in current.supported + current.required where seenAttributes.insert(attribute).inserted {
                    supported.append(attribute)
                }
                pending += current.superclasses
            }
            result[row.name] = ARIARole(
                name: row.name,
                isAbstract: row.isAbstract,
                isDeprecated: row.isDeprecated,
                superclasses: row.superclasses,
                requiredAttributes: row.required,
                supportedAttributes: supported.sorted(),
                prohibitedAttributes: row.prohibited,
                requiredOwnedElements: row.owned,
                requiredContextRoles: row.context,
                nameFrom: row.nameFrom,
                nameRequired: row.nameRequired,
                childrenPresentational: row.childrenPresentational
            )
        }
        return result
    }
}
