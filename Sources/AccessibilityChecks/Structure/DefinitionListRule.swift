public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A `<dl>` must contain only `<dt>`/`<dd>` groups (optionally wrapped in `<div>`), `<script>` or `<template>`,
/// or screen readers misreport the term/definition structure (WCAG 1.3.1; axe-core `definition-list`; no ACT
/// rule).
///
/// Applies to `<dl>` without a `role` attribute that are not hidden. Children of role-less `<div>` wrappers
/// count as the list's own. Fails on non-blank text or an exposed element other than `<dt>`/`<dd>` (or with an
/// explicit role other than `term`, `definition`, `list`).
public struct DefinitionListRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.definition-list"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let nodes = page.snapshot.nodes
        return page.snapshot.indices(named: "dl").compactMap { list -> Observation? in
            guard !nodes[list].hasAttribute("role"), !page.hidden(list).isHidden else { return nil }
            var content: [DocumentSnapshot.Child] = []
            for child in nodes[list].children {
                if case .element(let element) = child, nodes[element].name == "div",
                    !nodes[element].hasAttribute("role")
                {
                    content += nodes[element].children
                } else {
                    content.append(child)
                }
            }
            var problems: [String] = []
            for child in content {
                switch child {
                case .text(let text):
                    if !text.allSatisfy(\.isWhitespace) { problems.append("text") }
                case .element(let element):
                    let name = nodes[element].name
                    if name == "script" || name == "template" || page.hidden(element).isHidden { continue }
                    let explicit = page.explicitRoleTokens(of: element).first
                    if (name != "dt" && name != "dd") || explicit != nil,
                        !["term", "definition", "list"].contains(explicit ?? "")
                    {
                        problems.append("<\(name)>" + (explicit.map { " role=\"\($0)\"" } ?? ""))
                    }
                }
            }
            if problems.isEmpty {
                return StructureObservation.element(
                    Self.id,
                    .passed,
                    page: page,
                    index: list,
                    url: url,
                    "The <dl> contains only <dt>/<dd> groups"
                )
            }
            return StructureObservation.element(
                Self.id,
                .failed,
                page: page,
                index: list,
                url: url,
                "The <dl> directly contains \(problems.prefix(3).joined(separator: ", ")); only <dt>/<dd> groups, "
                    + "<div> wrappers, <script> and <template> are allowed"
            )
        }
    }
}
