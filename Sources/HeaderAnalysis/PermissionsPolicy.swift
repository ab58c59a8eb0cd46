public import PortcullisCore
import RawStructuredFieldValues

/// `Permissions-Policy` per the Permissions Policy spec ("process response policy"): the combined field is a
/// Structured Field Dictionary; a parse error voids the whole header. Each member maps a feature to an allowlist:
/// a token (`*`, `self`, `src`), a string (an origin) or an inner list of those; other member values are
/// skipped. `Feature-Policy` is the deprecated predecessor and is only reported.
public struct PermissionsPolicy: Sendable, Hashable {
    /// One allowlist entry.
    public enum AllowlistEntry: Sendable, Hashable {
        /// `*`: every origin.
        case all
        /// `self`.
        case selfOrigin
        /// `src` (iframe `src` origin).
        case src
        /// A quoted origin.
        case origin(String)
    }

    /// The header is present, and whether it parsed.
    public var present: Bool
    /// Whether a parse error voided the header.
    public var isVoid: Bool
    /// Feature name → allowlist (an empty list disables the feature), in header order.
    public var features: [(feature: String, allowlist: [AllowlistEntry])]
    /// Whether the deprecated `Feature-Policy` header is present.
    public var featurePolicyPresent: Bool
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Analyses `Permissions-Policy` (and notes `Feature-Policy`).
    public init(headers: [HeaderField]) {
        let combined = FieldValues.combined("Permissions-Policy", in: headers)
        present = combined != nil
        featurePolicyPresent = FieldValues.combined("Feature-Policy", in: headers) != nil
        features = []
        problems = []
        isVoid = false
        guard let combined else { return }
        guard let dictionary = StructuredField.dictionary(combined) else {
            isVoid = true
            problems.append(
                HeaderProblem(
                    .permissionsPolicyInvalid,
                    "Permissions-Policy is not a valid structured "
                        + "field dictionary, so browsers ignore all of it: \(HeaderProblem.excerpt(combined))"
                )
            )
            return
        }
        for (feature, member) in dictionary {
            let (allowlist, rejected) = Self.allowlist(member)
            features.append((feature, allowlist))
            if rejected > 0 {
                problems.append(
                    HeaderProblem(
                        .permissionsPolicyInvalidMember,
                        "Permissions-Policy member "
                            + "\(feature) has \(rejected) invalid allowlist entries (neither `*`, "
                            + "`self`, `src` nor a quoted origin; ignored)"
                    )
                )
            }
        }
    }

    /// The valid allowlist entries of a member and how many entries were rejected (origins must be quoted
    /// strings; `https://a` unquoted is a structured-field token, not an origin).
    static func allowlist(_ member: ItemOrInnerList) -> (entries: [AllowlistEntry], rejected: Int) {
        let items: [Item]
        switch member {
        case .item(let item): items = [item]
        case .innerList(let list): items = Array(list.bareInnerList)
        }
        let entries = items.compactMap(entry)
        return (entries, items.count - entries.count)
    }

    static func entry(_ item: Item) -> AllowlistEntry? {
        switch item.rfc9651BareItem {
        case .token("*"): .all
        case .token("self"): .selfOrigin
        case .token("src"): .src
        case .string(let origin): .origin(origin)
        default: nil
        }
    }

    /// Feature names compare by name, allowlists by value.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.present == rhs.present && lhs.isVoid == rhs.isVoid && lhs.problems == rhs.problems
            && lhs.featurePolicyPresent == rhs.featurePolicyPresent
            && lhs.features.map(\.feature) == rhs.features.map(\.feature)
            && lhs.features.map(\.allowlist) == rhs.features.map(\.allowlist)
    }

    /// Hashes the same fields `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(present)
        hasher.combine(isVoid)
        hasher.combine(problems)
        hasher.combine(features.map(\.feature))
        hasher.combine(features.map(\.allowlist))
    }
}
