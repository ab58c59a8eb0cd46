public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Landmarks of the same role need distinct accessible names, or screen-reader users cannot tell them apart in
/// the landmark list (best practice; axe-core `landmark-unique`; no ACT rule).
///
/// One observation per landmark that is not hidden; as axe-core, the first landmark of a group sharing role and
/// name (compared case-insensitively) fails and names the others, later members are not reported again.
public struct LandmarkUniqueRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.landmark-unique"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    private struct Key: Hashable {
        let role: String
        let name: String
    }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var groups: [Key: [Int]] = [:]
        var order: [Key] = []
        var uncertainName: Set<Int> = []
        for role in Landmarks.roles.sorted() {
            for index in Landmarks.elements(withRole: role, in: page) {
                let name = page.accessibleName(index)
                if name.uncertain { uncertainName.insert(index) }
                let key = Key(role: role, name: StructureText.normalised(name.text).lowercased())
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(index)
            }
        }
        return order.compactMap { key -> Observation? in
            guard let members = groups[key], let first = members.first else { return nil }
            let label = key.name.isEmpty ? "no accessible name" : "the accessible name \"\(key.name)\""
            if members.count == 1 {
                return StructureObservation.element(
                    Self.id,
                    .passed,
                    page: page,
                    index: first,
                    url: url,
                    "The \(key.role) landmark has a unique name"
                )
            }
            let outcome: Observation.Outcome = members.contains(where: uncertainName.contains) ? .needsReview : .failed
            return StructureObservation.element(
                Self.id,
                outcome,
                page: page,
                index: first,
                url: url,
                "\(members.count) \(key.role) landmarks share \(label); give each a distinct aria-label"
            )
        }
    }
}
