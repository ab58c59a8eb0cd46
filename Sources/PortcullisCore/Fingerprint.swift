import Crypto
public import Foundation

/// Computes the stable identity of a finding, so scans can be diffed and findings waived.
///
/// The fingerprint covers the rule id, the origin and the observation key, never timestamps, ordering or
/// anything else that varies between two scans of an unchanged provider.
public enum Fingerprint {
    /// The fingerprint version, bumped if the recipe ever changes.
    public static let version = "v1"

    /// A 32-hex-digit fingerprint of `ruleID` at `origin` with observation `key`.
    public static func make(ruleID: RuleID, origin: String, key: String) -> String {
        let material = [version, ruleID.rawValue, origin, key].joined(separator: "\u{1F}")
        let digest = SHA256.hash(data: Data(material.utf8))
        return digest.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The URL path with volatile segments (numbers, UUIDs, long hex ids) replaced by `{id}`.
    ///
    /// Checks use it in observation keys so `/item/17` and `/item/18` count as one place.
    public static func pathTemplate(of url: URL) -> String {
        let path = url.path(percentEncoded: true)
        guard !path.isEmpty else { return "/" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            isVolatile(segment) ? "{id}" : String(segment)
        }
        return segments.joined(separator: "/")
    }

    private static func isVolatile(_ segment: Substring) -> Bool {
        guard !segment.isEmpty else { return false }
        if segment.allSatisfy(\.isNumber) { return true }
        let hexish = segment.filter { $0 != "-" }
        return hexish.count >= 16 && hexish.allSatisfy(\.isHexDigit)
    }
}
