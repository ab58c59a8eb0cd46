import Foundation
import PortcullisCore

/// Which provider each finding belongs to, derived from the targets' origins.
///
/// A finding only records its origin; the provider is the first target (by provider name) whose URL has
/// that origin. A finding whose origin matches no target is grouped under its origin instead. The origins of the
/// findings given at creation are resolved once, so a lookup per finding of a 100,000-finding scan parses no URL.
struct ReportProviders: Sendable {
    private var providerByOrigin: [String: String] = [:]
    /// The provider of each finding origin given at creation, as ``group(of:)`` answers for it.
    private var providerByFindingOrigin: [String: String] = [:]

    /// The providers of `targets`, with the origins of `findings` resolved in advance.
    init(_ targets: [TargetResult], findings: some Sequence<Finding> = [Finding]()) {
        for target in targets.sorted(by: { ($0.provider, $0.url) < ($1.provider, $1.url) }) {
            let key = Self.originKey(target.url)
            if providerByOrigin[key] == nil { providerByOrigin[key] = target.provider }
        }
        for finding in findings where providerByFindingOrigin[finding.origin] == nil {
            providerByFindingOrigin[finding.origin] = resolve(finding.origin)
        }
    }

    /// The provider name of `finding`, or its origin when no target has that origin.
    func group(of finding: Finding) -> String {
        providerByFindingOrigin[finding.origin] ?? resolve(finding.origin)
    }

    private func resolve(_ origin: String) -> String {
        providerByOrigin[Self.originKey(origin)] ?? origin
    }

    /// `scheme://host[:port]` of `text`, or `text` itself when it is not an absolute URL.
    static func originKey(_ text: String) -> String {
        guard let url = URL(string: text), let origin = Origin(url) else { return text }
        return origin.description
    }
}
