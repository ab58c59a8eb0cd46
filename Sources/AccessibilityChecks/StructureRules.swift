/// The rules of this group, in the order they run.
public enum StructureRules {
    /// Every rule of the group.
    public static let all: [any A11yRule] = []
}
