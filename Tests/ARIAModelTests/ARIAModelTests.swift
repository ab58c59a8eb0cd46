import ARIAModel
import Testing

/// Spot checks of the WAI-ARIA 1.2 role table: one role per family, inheritance and the structural lists.
@Suite struct ARIARoleTableTests {
    @Test(arguments: ["widget", "landmark", "structure", "range", "select", "command", "input", "roletype"])
    func abstractRoles(name: String) throws {
        #expect(try #require(ARIA.role(name)).isAbstract)
    }

    @Test(arguments: ["button", "checkbox", "main", "doc-toc", "graphics-symbol", "generic", "treegrid"])
    func concreteRoles(name: String) throws {
        #expect(try #require(ARIA.role(name)).isAbstract == false)
    }

    @Test func deprecatedRoles() {
        #expect(ARIA.role("directory")?.isDeprecated == true)
        #expect(ARIA.role("doc-biblioentry")?.isDeprecated == true)
        #expect(ARIA.role("list")?.isDeprecated == false)
        #expect(ARIA.role("foo") == nil)
    }

    @Test func inheritance() {
        #expect(ARIA.role("switch", inheritsFrom: "checkbox"))
        #expect(ARIA.role("searchbox", inheritsFrom: "widget"))
        #expect(ARIA.role("main", inheritsFrom: "landmark"))
        #expect(ARIA.role("doc-backlink", inheritsFrom: "link"))
        #expect(!ARIA.role("link", inheritsFrom: "landmark"))
    }

    @Test func inheritedSupportedAttributes() throws {
        let switchRole = try #require(ARIA.role("switch"))
        #expect(switchRole.supportedAttributes.contains("aria-readonly"))
        #expect(switchRole.requiredAttributes == ["aria-checked"])
        let treegrid = try #require(ARIA.role("treegrid"))
        #expect(treegrid.supportedAttributes.contains("aria-multiselectable"))
        #expect(treegrid.supportedAttributes.contains("aria-colcount"))
        #expect(ARIA.role("button")?.supportedAttributes.contains("aria-checked") == false)
    }

    @Test func structure() throws {
        #expect(ARIA.role("list")?.requiredOwnedElements == [["listitem"]])
        #expect(ARIA.role("table")?.requiredOwnedElements.contains(["rowgroup", "row"]) == true)
        #expect(ARIA.role("listitem")?.requiredContextRoles.contains("list") == true)
        #expect(ARIA.role("tab")?.requiredContextRoles == ["tablist"])
        #expect(ARIA.role("generic")?.prohibitedAttributes.contains("aria-label") == true)
        #expect(ARIA.role("generic")?.prohibitedAttributes.contains("aria-roledescription") == true)
        #expect(ARIA.role("button")?.prohibitedAttributes.isEmpty == true)
        #expect(ARIA.role("button")?.childrenPresentational == true)
        #expect(ARIA.role("button")?.nameFrom.contains(.contents) == true)
        #expect(ARIA.role("dialog")?.nameRequired == true)
        #expect(ARIA.role("paragraph")?.nameFrom == [.prohibited])
    }
}

/// The attribute table and value syntax.
@Suite struct ARIAAttributeTableTests {
    @Test(arguments: ["aria-label", "aria-hidden", "aria-owns", "aria-braillelabel", "aria-description"])
    func globals(name: String) {
        #expect(ARIA.attribute(name)?.isGlobal == true)
    }

    @Test(arguments: ["aria-checked", "aria-level", "aria-valuenow", "aria-selected"])
    func nonGlobals(name: String) {
        #expect(ARIA.attribute(name)?.isGlobal == false)
    }

    @Test func deprecated() {
        #expect(ARIA.attribute("aria-grabbed")?.isDeprecated == true)
        #expect(ARIA.attribute("aria-label")?.isDeprecated == false)
        #expect(ARIA.attribute("aria-foo") == nil)
    }

    @Test(arguments: [
        ("true", "aria-hidden", true), ("TRUE", "aria-hidden", true), ("undefined", "aria-hidden", true),
        ("yes", "aria-hidden", false), ("mixed", "aria-checked", true), ("mixed", "aria-selected", false),
        ("false", "aria-busy", true), ("undefined", "aria-busy", false),
        ("3", "aria-level", true), ("-3", "aria-level", true), ("3.5", "aria-level", false),
        ("x", "aria-level", false), ("", "aria-level", false),
        ("3.5", "aria-valuenow", true), ("-.5", "aria-valuenow", true), ("1e3", "aria-valuenow", true),
        ("1.", "aria-valuenow", false), ("abc", "aria-valuenow", false),
        ("page", "aria-current", true), ("Page", "aria-current", true), ("yes", "aria-current", false),
        ("additions text", "aria-relevant", true), ("additions foo", "aria-relevant", false),
        ("a b", "aria-labelledby", true), ("a", "aria-activedescendant", true),
        ("a b", "aria-activedescendant", false), ("", "aria-label", true), ("anything", "aria-label", true),
        ("dialog", "aria-haspopup", true), ("spelling", "aria-invalid", true), ("true", "aria-foo", false),
    ])
    func validity(value: String, attribute: String, valid: Bool) {
        #expect(ARIA.isValid(value, for: attribute) == valid)
    }
}
