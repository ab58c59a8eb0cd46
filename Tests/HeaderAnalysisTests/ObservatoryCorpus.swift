import Foundation
import HeaderAnalysis
import PortcullisCore
import TestSupport

/// One vector of `observatory-cases.json`, read loosely (the two upstream harnesses record slightly different
/// shapes: header values may be a string or a list of field lines).
struct ObservatoryVector: Sendable {
    var id: String
    var test: String
    var isPython: Bool
    var expectedResult: String
    var scoreModifier: Int
    var testPassed: Bool
    var headers: [HeaderField]
    /// Headers of the recorded HTTPS response; nil when the harness had none.
    var httpsHeaders: [HeaderField]?
    var httpsVerified: Bool
    /// Set-Cookie lines: MDN's from the headers, Python's rebuilt from its pre-parsed cookie objects.
    var setCookieLines: [String]

    /// Every vector in the corpus.
    static func load() throws -> [ObservatoryVector] {
        let url = TestPaths.shared.appendingPathComponent("corpora/csp/observatory-cases.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        return (root["cases"] as? [[String: Any]] ?? []).map(ObservatoryVector.init)
    }

    init(_ raw: [String: Any]) {
        id = raw["id"] as? String ?? ""
        test = raw["test"] as? String ?? ""
        isPython = (raw["implementation"] as? String ?? "").contains("Python")
        expectedResult = raw["expectedResult"] as? String ?? ""
        scoreModifier = raw["scoreModifier"] as? Int ?? 0
        testPassed = raw["testPassed"] as? Bool ?? false
        headers = Self.fields(raw["headers"])
        let input = raw["input"] as? [String: Any] ?? [:]
        let https = (input["responses"] as? [String: Any])?["https"] as? [String: Any]
        httpsHeaders = https.map { Self.fields($0["headers"]) }
        httpsVerified = https?["verified"] as? Bool ?? false
        let parsedCookies = input["cookies"] as? [[String: Any]] ?? []
        setCookieLines =
            parsedCookies.isEmpty
            ? FieldValues.values("Set-Cookie", in: headers) : parsedCookies.map(Self.setCookieLine)
    }

    /// `[[name, value-or-list]]` as field lines.
    static func fields(_ raw: Any?) -> [HeaderField] {
        var result: [HeaderField] = []
        for pair in raw as? [[Any]] ?? [] {
            guard pair.count == 2, let name = pair[0] as? String else { continue }
            if let value = pair[1] as? String {
                result.append(HeaderField(name: name, value: value))
            } else {
                for value in pair[1] as? [String] ?? [] { result.append(HeaderField(name: name, value: value)) }
            }
        }
        return result
    }

    /// A Python `http.cookiejar` cookie as the Set-Cookie line that produces it (`rest` holds the non-standard
    /// attributes: a string value, a flag (`true`) or a valueless `SameSite=` (`null`)).
    static func setCookieLine(_ cookie: [String: Any]) -> String {
        var line = "\(cookie["name"] as? String ?? "")=\(cookie["value"] as? String ?? "")"
        if let domain = cookie["domain"] as? String { line += "; Domain=\(domain)" }
        if let path = cookie["path"] as? String { line += "; Path=\(path)" }
        if cookie["secure"] as? Bool == true { line += "; Secure" }
        for (name, value) in (cookie["rest"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            switch value {
            case let text as String: line += "; \(name)=\(text)"
            case is Bool: line += "; \(name)"
            default: line += "; \(name)="
            }
        }
        return line
    }

    /// Whether an enforced `Content-Security-Policy` field (not report-only) has `frame-ancestors`.
    var enforcedFrameAncestors: Bool {
        FieldValues.values("Content-Security-Policy", in: headers).contains { value in
            value.split(separator: ",").flatMap { $0.split(separator: ";") }.contains {
                $0.split(separator: " ").first?.lowercased() == "frame-ancestors"
            }
        }
    }
}
