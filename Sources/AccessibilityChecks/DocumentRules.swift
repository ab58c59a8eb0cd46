/// The rules of this group, in the order they run: the page as a whole (language, title, refresh, viewport,
/// bypass, headings) and attributes judged without names or roles (accesskey, tabindex, autocomplete, inline
/// text spacing).
public enum DocumentRules {
    /// Every rule of the group.
    public static let all: [any A11yRule] = [
        MarkupDepthRule(),
        HTMLHasLangRule(),
        HTMLLangValidRule(),
        HTMLXMLLangMismatchRule(),
        ValidLangRule(),
        DocumentTitleRule(),
        MetaRefreshRule(),
        MetaRefreshRule(noExceptions: true),
        MetaViewportRule(),
        MetaViewportRule(large: true),
        ObsoleteElementRule(element: "blink"),
        ObsoleteElementRule(element: "marquee"),
        AccesskeysRule(),
        TabindexRule(),
        AutocompleteValidRule(),
        InlineTextSpacingRule(.letterSpacing),
        InlineTextSpacingRule(.wordSpacing),
        InlineTextSpacingRule(.lineHeight),
        ServerSideImageMapRule(),
        VideoCaptionRule(),
        PageHasHeadingOneRule(),
        HeadingOrderRule(),
        BypassRule(),
        SkipLinkRule(),
    ]
}
