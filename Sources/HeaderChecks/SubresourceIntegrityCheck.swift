public import CheckSupport
import Crawl
import Foundation
public import PortcullisCore

/// Fails a cross-origin script or style sheet loaded without valid Subresource Integrity metadata (W3C SRI §3):
/// whoever controls the other origin (or its CDN) can change what runs in the page.
///
/// Valid metadata is at least one `sha256-`, `sha384-` or `sha512-` token with a base64 digest of the right length;
/// anything else is ignored by browsers and counts as missing.
public struct SubresourceIntegrityCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [HeaderRules.subresourceIntegrityMissing] }

    public func check(_ page: Page) -> [Observation] {
        guard page.isServed, let pageOrigin = Origin(page.url) else { return [] }
        return page.subresources.filter { resource in
            (resource.kind == .script || resource.kind == .stylesheet) && Origin(resource.url) != pageOrigin
                && !Self.hasValidIntegrity(resource.integrity)
        }.map { resource in
            .failed(
                HeaderRules.subresourceIntegrityMissing,
                at: page.url,
                element: resource.elementPath,
                resource.integrity == nil
                    ? "Cross-origin \(resource.kind.rawValue) without an integrity attribute: \(resource.url.absoluteString)"
                    : "Cross-origin \(resource.kind.rawValue) with unusable integrity metadata: \(resource.url.absoluteString)",
                snippet: resource.integrity.map { "integrity=\"\($0)\"" },
                key: resource.url.absoluteString
            )
        }
    }

    /// Whether `integrity` holds at least one well-formed hash token (SRI §3.3.3 "parse metadata").
    static func hasValidIntegrity(_ integrity: String?) -> Bool {
        guard let integrity else { return false }
        let lengths = ["sha256": 44, "sha384": 64, "sha512": 88]
        return integrity.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { token in
            let digest = token.split(separator: "?", maxSplits: 1).first ?? token
            guard let dash = digest.firstIndex(of: "-"), let length = lengths[digest[..<dash].lowercased()] else {
                return false
            }
            let value = digest[digest.index(after: dash)...]
            let base64 = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/-_=".contains($0)) }
            return base64 && value.count == length
        }
    }
}
