/// The rules of this group, in the order they run.
public enum ARIARules {
    /// Every rule of the group.
    public static let all: [any A11yRule] = [
        AriaRolesRule(),
        AriaDeprecatedRoleRule(),
        AriaAllowedRoleRule(),
        AriaValidAttrRule(),
        AriaValidAttrValueRule(),
        AriaAllowedAttrRule(),
        AriaProhibitedAttrRule(),
        AriaConditionalAttrRule(),
        AriaRequiredAttrRule(),
        AriaRequiredChildrenRule(),
        AriaRequiredParentRule(),
        AriaBrailleEquivalentRule(),
        AriaHiddenBodyRule(),
        AriaHiddenFocusRule(),
        AriaTextRule(),
        PresentationRoleConflictRule(),
        NestedInteractiveRule(),
        FocusOrderSemanticsRule(),
        FrameFocusableContentRule(),
        DuplicateIdAriaRule(),
    ]
}
