import CSP
import Foundation
import TestSupport
import Testing

/// csp-evaluator's 161 lower-level vectors: parsing, effective policy, nonce/hash/scheme predicates, URL helpers.
@Suite struct CSPEvaluatorUnitVectorTests {
    static func vectors() -> [[String: Any]] {
        let url = TestPaths.shared.appendingPathComponent("corpora/csp/csp-evaluator-unit-vectors.json")
        guard let data = try? Data(contentsOf: url),
            let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return array
    }

    @Test func corpusIsComplete() {
        #expect(Self.vectors().count == 161)
    }

    /// Returns nil when the vector agrees, else a description of the disagreement.
    static func disagreement(_ vector: [String: Any]) -> String? {
        let kind = vector["kind"] as? String ?? ""
        let input = vector["input"] as? String ?? vector["csp"] as? String ?? ""
        let args = vector["args"] as? [Any] ?? []
        let strict = args.first as? Bool ?? false
        let expected = vector["expected"]
        let policy = ContentSecurityPolicy.parse(input)
        var actual: Any?
        switch kind {
        case "parse":
            var directives: [String: [String]] = [:]
            for directive in policy.directives { directives[directive.name] = directive.tokens }
            actual = directives
            let wanted = vector["expectedDirectives"] as? [String: [String]]
            return wanted == directives ? nil : "parse \(input): \(directives)"
        case "effectiveCsp":
            let version: CSPVersion =
                switch vector["cspVersion"] as? String {
                case "CSP1": .csp1
                case "CSP2": .csp2
                default: .csp3
                }
            let (effective, ignored) = EffectivePolicy.make(policy, version: version)
            let wantedIgnored = (vector["expectedIgnoredFindings"] as? [[String: String]] ?? []).map {
                "\($0["type"] ?? "")|\($0["directive"] ?? "")|\($0["value"] ?? "")"
            }
            let gotIgnored = ignored.map { "\($0.type.rawValue)|\($0.directive)|\($0.value ?? "")" }
            // The reference tests record IGNORED findings only when they pass a findings array; an empty list
            // means "not recorded" (the full-evaluation cases check the IGNORED findings of those policies).
            let ok =
                effective.serialized == vector["expectedEffectiveCsp"] as? String
                && (wantedIgnored.isEmpty || wantedIgnored == gotIgnored)
            return ok ? nil : "effective \(input) \(version): \(effective.serialized) \(gotIgnored)"
        case "csp.isDirective": actual = DirectiveName.known.contains(input)
        case "csp.isKeyword": actual = CompatPolicy.isKeyword(input)
        case "csp.isUrlScheme": actual = CompatPolicy.isURLScheme(input)
        case "csp.isNonce": actual = CompatPolicy.isNonce(input, strict: strict)
        case "csp.isHash": actual = CompatPolicy.isHash(input, strict: strict)
        case "utils.getHostname": actual = CSPEvaluatorURL.hostname(input)
        case "utils.getSchemeFreeUrl": actual = CSPEvaluatorURL.schemeFree(input)
        case "security_checks.looksLikeIpAddress": actual = CSPEvaluatorURL.looksLikeIPAddress(input)
        case "utils.matchWildcardUrls":
            let match = CSPEvaluatorURL.matchWildcard(input, in: args.first as? [String] ?? [])
            return (match?.url ?? "null") == (expected as? String ?? "null")
                ? nil : "match \(input): \(String(describing: match))"
        case "Csp.policyHasStrictDynamic": actual = CompatPolicy.hasStrictDynamic(policy)
        case "Csp.policyHasScriptNonces": actual = CompatPolicy.hasScriptNonces(policy)
        case "Csp.policyHasScriptHashes": actual = CompatPolicy.hasScriptHashes(policy)
        case "Csp.getEffectiveDirective": actual = CompatPolicy.effectiveName(args.first as? String ?? "", in: policy)
        case "Csp.getEffectiveDirectives":
            actual = CompatPolicy.effectiveNames(args.first as? [String] ?? [], in: policy)
        default: return "unknown kind \(kind)"
        }
        let same =
            "\(actual ?? "nil")" == "\(expected ?? "nil")"
            || (actual as? Bool) == (expected as? Bool)
                && actual is Bool
        return same ? nil : "\(kind) \(input): got \(actual ?? "nil"), want \(expected ?? "nil")"
    }

    @Test func everyVectorAgrees() {
        var agree: [String: Int] = [:]
        var disagree: [String: Int] = [:]
        var problems: [String] = []
        for vector in Self.vectors() {
            let kind = vector["kind"] as? String ?? ""
            if let problem = Self.disagreement(vector) {
                disagree[kind, default: 0] += 1
                problems.append(problem)
            } else {
                agree[kind, default: 0] += 1
            }
        }
        print("\ncsp-evaluator unit vectors (161)")
        print("kind".padding(toLength: 36, withPad: " ", startingAt: 0) + " agree  disagree")
        for kind in Set(agree.keys).union(disagree.keys).sorted() {
            let agreeText = String(agree[kind, default: 0]).padding(toLength: 6, withPad: " ", startingAt: 0)
            print(
                kind.padding(toLength: 36, withPad: " ", startingAt: 0) + " \(agreeText) \(disagree[kind, default: 0])"
            )
        }
        print("total agree \(agree.values.reduce(0, +)), disagree \(disagree.values.reduce(0, +))")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
