public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A `<ul>`/`<ol>` list must contain only list items (and `<script>`/`<template>`), or screen readers announce
/// a wrong item count and lose the structure (WCAG 1.3.1; axe-core `list`; no ACT rule).
///
/// Applies to `<ul>`/`<ol>` whose role is `list` (a `role` override such as `presentation` takes it out) and
/// that are not hidden. Fails on a direct non-blank text child or an exposed child element that is neither an
/// `<li>` nor has role `listitem`; as axe-core, a list whose only items have another role (`<li role="none">`)
/// fails too. Hidden children (`<script>`, `<template>`, `hidden`) are ignored.
public struct ListRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.list"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let lists = (page.snapshot.indices(named: "ul") + page.snapshot.indices(named: "ol")).sorted()
        return lists.compactMap { list -> Observation? in
            guard page.role(of: list) == "list", !page.hidden(list).isHidden else { return nil }
            return observe(list, page: page, url: url)
        }
    }

    private func observe(_ list: Int, page: A11yPage, url: URL) -> Observation {
        let nodes = page.snapshot.nodes
        var problems: [String] = []
        var exposedChildren = 0
        var listItems = 0
        var badRoles: [String] = []
        for child in nodes[list].children {
            switch child {
            case .text(let text):
                if !text.allSatisfy(\.isWhitespace) { problems.append("text \"\(StructureText.normalised(text))\"") }
            case .element(let element):
                let name = nodes[element].name
                if name == "script" || name == "template" || page.hidden(element).isHidden { continue }
                exposedChildren += 1
                let role = page.role(of: element)
                if role == "listitem" {
                    listItems += 1
                } else if name == "li" {
                    badRoles.append("<li> with role \(role ?? "none")")
                } else {
                    problems.append("<\(name)>" + (role.map { " (role \($0))" } ?? ""))
                }
            }
        }
        if problems.isEmpty, exposedChildren == 0 || listItems > 0 {
            return StructureObservation.element(
                Self.id,
                .passed,
                page: page,
                index: list,
                url: url,
                "The list contains only list items"
            )
        }
        let what = (problems.isEmpty ? badRoles : problems).prefix(3).joined(separator: ", ")
        return StructureObservation.element(
            Self.id,
            .failed,
            page: page,
            index: list,
            url: url,
            "The <\(nodes[list].name)> list (role list) directly contains \(what); only <li> items are allowed"
        )
    }
}
