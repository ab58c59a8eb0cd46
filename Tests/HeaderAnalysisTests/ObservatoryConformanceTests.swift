import Foundation
import HeaderAnalysis
import PortcullisCore
import Testing

/// Runs Mozilla HTTP Observatory's vectors (Python httpobs and MDN) through our analysers for every header test
/// we implement and compares result code and score modifier. Disagreements must be listed in `knownDeviations`
/// with the spec reason (also in docs/conformance.md); CSP, SRI, redirection and CORS vectors belong elsewhere.
@Suite struct ObservatoryConformanceTests {
    /// Vectors where we follow the spec (or the newer MDN table) rather than the recorded expectation.
    static let knownDeviations: [String: String] = [
        "obs-139": "HTML X-Frame-Options: values are deduplicated, `SAMEORIGIN, SAMEORIGIN` is sameorigin",
        "obs-278": "HTML X-Frame-Options: values are deduplicated, `SAMEORIGIN, SAMEORIGIN` is sameorigin",
        "obs-134": "HTML X-Frame-Options: `ALLOW-FROM` is not a recognised value, so no protection (scored invalid)",
        "obs-279": "HTML X-Frame-Options: `ALLOW-FROM` is not a recognised value, so no protection (scored invalid)",
        "obs-135": "Modifier: MDN Observatory (v6) gives +5 for sameorigin-or-deny; Python httpobs v3 gave 0",
        "obs-136": "Modifier: MDN Observatory (v6) gives +5 for sameorigin-or-deny; Python httpobs v3 gave 0",
        "obs-130": "Fetch \"determine nosniff\": only the first value counts, `nosniff, nosniff` is nosniff",
        "obs-312": "Fetch \"determine nosniff\": only the first value counts, `nosniff, nosniff` is nosniff",
        "obs-103": "Python-only result code; MDN (and we) classify no-referrer-when-downgrade as unsafe",
        "obs-109": "HTML has no `Referrer-Policy` http-equiv pragma; only <meta name=referrer> sets a policy",
        "obs-110": "HTML has no `Referrer-Policy` http-equiv pragma; the header's unsafe-url stays in force",
        "obs-289": "HTML has no `Referrer-Policy` http-equiv pragma; only <meta name=referrer> sets a policy",
        "obs-290": "HTML has no `Referrer-Policy` http-equiv pragma; the header's unsafe-url stays in force",
        "obs-126": "HSTS preload list not bundled: preload status is an input (false here)",
        "obs-127": "HSTS preload list not bundled: preload status is an input (false here)",
        "obs-307": "HSTS preload list not bundled: preload status is an input (false here)",
        "obs-308": "HSTS preload list not bundled: preload status is an input (false here)",
        "obs-350": "Unverified vector (testPassed=false, old tough-cookie); SameSite=None with Secure is valid, "
            + "as Python vector obs-096 expects",
    ]

    /// Observatory tests mapped to our analysers.
    static let mappedTests: Set = [
        "strict-transport-security", "x-frame-options", "x-content-type-options", "referrer-policy", "cookies",
        "cross-origin-opener-policy", "cross-origin-embedder-policy", "cross-origin-resource-policy",
        "x-xss-protection",
    ]

    /// Our result code and modifier for a vector (modifier nil where the test is not scored by MDN).
    static func ours(_ vector: ObservatoryVector) -> (code: String, modifier: Int?)? {
        let headers = vector.headers
        let result: ObservatoryResult
        switch vector.test {
        case "strict-transport-security":
            result = Observatory.hstsResult(
                Observatory.Input(httpsHeaders: vector.httpsHeaders, certificateValid: vector.httpsVerified)
            )
        case "x-frame-options":
            let analysis = FrameOptions(headers: headers, enforcedFrameAncestors: vector.enforcedFrameAncestors)
            result = Observatory.frameOptionsResult(analysis)
        case "x-content-type-options":
            result = Observatory.contentTypeOptionsResult(ContentTypeOptions(headers: headers))
        case "referrer-policy":
            result = Observatory.referrerResult(ReferrerPolicy(headers: headers))
        case "cookies":
            let hsts = Observatory.hstsResult(Observatory.Input(httpsHeaders: vector.httpsHeaders))
            result = Observatory.cookiesResult(vector.setCookieLines, hstsProtects: hsts.passes)
        case "cross-origin-opener-policy":
            result = Observatory.coopResult(CrossOriginOpenerPolicy(headers: headers))
        case "cross-origin-embedder-policy":
            result = Observatory.coepResult(CrossOriginEmbedderPolicy(headers: headers))
        case "cross-origin-resource-policy":
            result = Observatory.corpResult(CrossOriginResourcePolicy(headers: headers))
        case "x-xss-protection":
            let value = DeprecatedHeaders(headers: headers).xssProtection
            let name = value.map { $0 == .invalid ? "header-invalid" : $0.rawValue } ?? "not-implemented"
            return ("x-xss-protection-" + name, nil)
        default:
            return nil
        }
        return (result.rawValue, result.modifier)
    }

    @Test func vectorsAgreeExceptDocumentedDeviations() throws {
        let vectors = try ObservatoryVector.load()
        #expect(vectors.count == 388)
        var table: [String: (agree: Int, disagree: Int)] = [:]
        var disagreements: [String: String] = [:]
        var skipped: [String: Int] = [:]
        for vector in vectors {
            guard Self.mappedTests.contains(vector.test), let ours = Self.ours(vector) else {
                skipped[vector.test, default: 0] += 1
                continue
            }
            let agrees =
                ours.code == vector.expectedResult
                && (ours.modifier ?? vector.scoreModifier)
                    == vector.scoreModifier
            let key = "\(vector.test) (\(vector.isPython ? "py" : "mdn"))"
            table[key, default: (0, 0)].agree += agrees ? 1 : 0
            table[key, default: (0, 0)].disagree += agrees ? 0 : 1
            if !agrees {
                disagreements[vector.id] =
                    "expected \(vector.expectedResult) \(vector.scoreModifier), ours "
                    + "\(ours.code) \(ours.modifier.map(String.init) ?? "-")"
            }
        }
        print("Observatory conformance (test, agree, disagree)")
        for key in table.keys.sorted() { print("  \(key)\t\(table[key]!.agree)\t\(table[key]!.disagree)") }
        let agreeTotal = table.values.map(\.agree).reduce(0, +)
        print("  total\t\(agreeTotal)\t\(disagreements.count)\tnot mapped: \(skipped)")
        for (id, text) in disagreements.sorted(by: { $0.key < $1.key }) {
            print("  \(id): \(text) — \(Self.knownDeviations[id] ?? "UNEXPECTED")")
        }
        let unexpected = Set(disagreements.keys).subtracting(Self.knownDeviations.keys)
        #expect(unexpected.isEmpty, "undocumented disagreements: \(unexpected.sorted())")
        let stale = Set(Self.knownDeviations.keys).subtracting(disagreements.keys)
        #expect(stale.isEmpty, "listed deviations that now agree: \(stale.sorted())")
        #expect(agreeTotal > 100)
    }
}
