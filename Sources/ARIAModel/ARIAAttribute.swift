/// One WAI-ARIA 1.2 state or property and the values it takes.
public struct ARIAAttribute: Sendable, Hashable {
    /// The value type (ARIA 1.2 §6.3 "Value").
    public enum ValueType: Sendable, Hashable {
        /// `true` / `false`.
        case trueFalse
        /// `true` / `false` / `undefined`.
        case trueFalseUndefined
        /// `true` / `false` / `mixed`.
        case tristate
        /// One id.
        case idReference
        /// Space-separated ids.
        case idReferenceList
        /// An integer.
        case integer
        /// A number.
        case number
        /// Any string.
        case string
        /// One token of the list.
        case token([String])
        /// Space-separated tokens of the list.
        case tokenList([String])
    }

    /// The attribute name, e.g. `aria-checked`.
    public let name: String
    /// The value type.
    public let valueType: ValueType
    /// Global: allowed on every role (unless the role prohibits it).
    public let isGlobal: Bool
    /// Deprecated in ARIA 1.2 (`aria-grabbed`, `aria-dropeffect`; global-ness of some, e.g. `aria-disabled`).
    public let isDeprecated: Bool

    /// Creates an attribute description.
    public init(name: String, valueType: ValueType, isGlobal: Bool = false, isDeprecated: Bool = false) {
        self.name = name
        self.valueType = valueType
        self.isGlobal = isGlobal
        self.isDeprecated = isDeprecated
    }
}
