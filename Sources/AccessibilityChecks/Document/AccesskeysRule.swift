public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an `accesskey` value used by more than one element: only one of them can be reached by the shortcut
/// (best practice; axe `accesskeys`). Compared case-insensitively after trimming, as browsers do.
public struct AccesskeysRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.accesskeys"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var byKey: [String: [Int]] = [:]
        var order: [String] = []
        for index in page.snapshot.indices(withAttribute: "accesskey") {
            guard let value = page.node(index).attribute("accesskey") else { continue }
            let key = value.trimmingASCIIWhitespace.lowercased()
            guard !key.isEmpty else { continue }
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(index)
        }
        var observations: [Observation] = []
        for key in order {
            let indices = byKey[key] ?? []
            for (position, index) in indices.enumerated() {
                let duplicated = indices.count > 1
                let summary =
                    duplicated
                    ? "accesskey \"\(key)\" is used by \(indices.count) elements (this is number \(position + 1))"
                    : "accesskey \"\(key)\" is unique"
                observations.append(
                    A11yObservation.element(
                        Self.id,
                        duplicated ? .failed : .passed,
                        page: page,
                        index: index,
                        url: url,
                        summary: summary
                    )
                )
            }
        }
        return observations
    }
}
