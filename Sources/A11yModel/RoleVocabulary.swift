import ARIAModel

/// Role and attribute facts the page model needs, read from the WAI-ARIA 1.2 tables of ``ARIA``.
enum RoleVocabulary {
    /// Whether `token` (lower-case) is a known, non-abstract role that may be used in content.
    static func isUsableRole(_ token: String) -> Bool {
        guard let role = ARIA.role(token) else { return false }
        return !role.isAbstract
    }

    /// Whether `role` allows its name from its content (ARIA 1.2 "Name From: contents").
    static func allowsNameFromContents(_ role: String) -> Bool {
        return ARIA.role(role)?.nameFrom.contains(.contents) ?? false
    }

    /// Whether `attribute` (lower-case `aria-*`) is a global state or property, `aria-hidden` excluded: the ones
    /// that make `none`/`presentation` be ignored (ARIA 1.2 §"Presentational Roles Conflict Resolution").
    static func isGlobalForConflictResolution(_ attribute: String) -> Bool {
        guard attribute != "aria-hidden" else { return false }
        // The deprecated-as-global ones (aria-disabled, aria-errormessage, aria-haspopup, aria-invalid) still count
        // in browsers, so the fixed list is used whatever the table says about them.
        if globalAttributes.contains(attribute) { return true }
        return ARIA.attribute(attribute)?.isGlobal ?? false
    }

    /// Whether `role` is `none` or `presentation`.
    static func isPresentational(_ role: String?) -> Bool { role == "none" || role == "presentation" }

    private static let globalAttributes: Set<String> = [
        "aria-atomic", "aria-busy", "aria-controls", "aria-current", "aria-describedby", "aria-description",
        "aria-details", "aria-disabled", "aria-dropeffect", "aria-errormessage", "aria-flowto", "aria-grabbed",
        "aria-haspopup", "aria-invalid", "aria-keyshortcuts", "aria-label", "aria-labelledby", "aria-live",
        "aria-owns", "aria-relevant", "aria-roledescription", "aria-braillelabel", "aria-brailleroledescription",
    ]
}
