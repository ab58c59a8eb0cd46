/// The WAI-ARIA 1.2 role and attribute model (with DPUB-ARIA and Graphics-ARIA roles): lookups the
/// accessibility rules and the accessible-name computation use.
public enum ARIA {
    /// Every known role by name (abstract and deprecated ones included).
    public static let roles: [String: ARIARole] = ARIARoleTable.build()
    /// Every known state and property by name.
    public static let attributes: [String: ARIAAttribute] = ARIAAttributeTable.build()

    /// The role called `name` (lower-case), nil when unknown.
    public static func role(_ name: String) -> ARIARole? { roles[name] }

    /// The attribute called `name` (lower-case), nil when unknown.
    public static func attribute(_ name: String) -> ARIAAttribute? { attributes[name] }

    /// Whether `role` is `ancestor` or inherits from it through superclasses.
    public static func role(_ role: String, inheritsFrom ancestor: String) -> Bool {
        var seen: Set<String> = []
        var pending = [role]
        while let next = pending.popLast() {
            if next == ancestor { return true }
            guard seen.insert(next).inserted, let description = roles[next] else { continue }
            pending += description.superclasses
        }
        return false
    }

    /// Whether `value` is valid for `attribute` (`aria-*`, lower-case): unknown attributes are never valid.
    /// Id references are checked for syntax only here; whether the ids exist is the caller's business. Tokens are
    /// ASCII case-insensitive; the empty string is valid only for string values (an empty token or id list is
    /// treated by user agents as if the attribute were absent, which rules skip).
    public static func isValid(_ value: String, for attribute: String) -> Bool {
        guard let description = attributes[attribute] else { return false }
        return ARIAValueSyntax.isValid(value, for: description.valueType)
    }
}
