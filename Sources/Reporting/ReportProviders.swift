import Foundation
import PortcullisCore

/// Which provider each finding belongs to, derived from the targets' origins.
///
/// A finding only records its origin; the provider is the first target (by provider name) whose URL has
/// that origin. A finding whose origin matches no target is grouped under its origin instead.
struct ReportProviders: Sendable {
    private var providerByOrigin: [String: String] = [:]

    init(_ targets: [TargetResult]) {
        for target in targets.sorted(by: { ($0.provider, $0.url) < ($1.provider, $1.url) }) {
            let key = Self.originKey(target.url)
            if providerByOrigin[key] == nil { providerByOrigin[key] = target.provider }
        }
    }

    /// The provider name of `finding`, or its origin when no target has that origin.
    func group(of finding: Finding) -> String {
        providerByOrigin[Self.originKey(finding.origin)] ?? finding.origin
    }

    /// `scheme://host[:port]` of `text`, or `text` itself when it is not an absolute URL.
    static func originKey(_ text: String) -> String {
        guard let url = URL(string: text), let origin = Origin(url) else { return text }
        return origin.description
    }
}

/// The provider of each finding (see `ReportProviders`), remembered per origin so a large scan parses each
/// origin's URL once rather than once per finding.
struct ReportProviderCache {
    private let providers: ReportProviders
    private var groups: [String: String] = [:]

    init(_ targets: [TargetResult]) {
        providers = ReportProviders(targets)
    }

    /// The provider name of `finding`, or its origin when no target has that origin.
    mutating func group(of finding: Finding) -> String {
        if let group = groups[finding.origin] { return group }
        let group = providers.group(of: finding)
        groups[finding.origin] = group
        return group
    }
}
