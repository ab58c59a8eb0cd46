/// One WAI-ARIA 1.2 role (plus DPUB-ARIA `doc-*` and Graphics-ARIA `graphics-*` roles) with the characteristics
/// the accessibility rules judge markup by.
public struct ARIARole: Sendable, Hashable {
    /// Where a role's accessible name may come from (ARIA 1.2 §5.2.8.x "Name From").
    public enum NameFrom: String, Sendable, Hashable {
        /// From the element's content (name from contents), as buttons, links and headings.
        case contents
        /// From author attributes (`aria-label`, `aria-labelledby`, native labels).
        case author
        /// Naming is prohibited (generic, presentation, paragraph, …).
        case prohibited
    }

    /// The role name, e.g. `checkbox`.
    public let name: String
    /// Abstract roles (`widget`, `landmark`, …) must not be used in content.
    public let isAbstract: Bool
    /// Deprecated in ARIA 1.2 (`directory`, `doc-biblioentry`, `doc-endnote`).
    public let isDeprecated: Bool
    /// Direct superclass roles.
    public let superclasses: [String]
    /// Required states and properties (e.g. `checkbox`: `aria-checked`).
    public let requiredAttributes: [String]
    /// Supported (allowed) states and properties, inherited ones included, global ones excluded.
    public let supportedAttributes: [String]
    /// Prohibited states and properties (e.g. `aria-label` on `generic`).
    public let prohibitedAttributes: [String]
    /// Required owned elements: each entry is one allowed path (`["row"]`, `["rowgroup", "row"]`).
    public let requiredOwnedElements: [[String]]
    /// Required context roles (e.g. `listitem`: `list`, `directory`).
    public let requiredContextRoles: [String]
    /// Where the name may come from.
    public let nameFrom: Set<NameFrom>
    /// Whether an accessible name is required.
    public let nameRequired: Bool
    /// Whether descendants are presentational (`button`, `img`, `checkbox`, …).
    public let childrenPresentational: Bool

    /// Creates a role description.
    public init(
        name: String,
        isAbstract: Bool = false,
        isDeprecated: Bool = false,
        superclasses: [String] = [],
        requiredAttributes: [String] = [],
        supportedAttributes: [String] = [],
        prohibitedAttributes: [String] = [],
        requiredOwnedElements: [[String]] = [],
        requiredContextRoles: [String] = [],
        nameFrom: Set<NameFrom> = [.author],
        nameRequired: Bool = false,
        childrenPresentational: Bool = false
    ) {
        self.name = name
        self.isAbstract = isAbstract
        self.isDeprecated = isDeprecated
        self.superclasses = superclasses
        self.requiredAttributes = requiredAttributes
        self.supportedAttributes = supportedAttributes
        self.prohibitedAttributes = prohibitedAttributes
        self.requiredOwnedElements = requiredOwnedElements
        self.requiredContextRoles = requiredContextRoles
        self.nameFrom = nameFrom
        self.nameRequired = nameRequired
        self.childrenPresentational = childrenPresentational
    }
}
