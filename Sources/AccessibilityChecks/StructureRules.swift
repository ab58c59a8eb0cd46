/// The rules of this group, in the order they run.
public enum StructureRules {
    /// Every rule of the group: landmarks, regions, lists and tables.
    public static let all: [any A11yRule] = [
        LandmarkTopLevelRule.banner,
        LandmarkTopLevelRule.contentinfo,
        LandmarkTopLevelRule.main,
        LandmarkTopLevelRule.complementary,
        LandmarkNoDuplicateRule.banner,
        LandmarkNoDuplicateRule.contentinfo,
        LandmarkNoDuplicateRule.main,
        LandmarkOneMainRule(),
        LandmarkUniqueRule(),
        RegionRule(),
        ListRule(),
        ListItemRule(),
        DefinitionListRule(),
        DLItemRule(),
        TDHeadersAttrRule(),
        THHasDataCellsRule(),
        TDHasHeaderRule(),
        TableDuplicateNameRule(),
        EmptyTableHeaderRule(),
        ScopeAttrValidRule(),
    ]
}
