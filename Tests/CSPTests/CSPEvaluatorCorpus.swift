import Foundation
import TestSupport

/// The csp-evaluator corpus files, decoded.
struct EvaluatorCase: Decodable, Sendable {
    struct Expected: Decodable, Hashable, Sendable, Comparable {
        var type: String
        var severity: String
        var directive: String?
        var value: String?

        var key: String { "\(type)|\(severity)|\(directive ?? "")|\(value ?? "")" }
        static func < (lhs: Expected, rhs: Expected) -> Bool { lhs.key < rhs.key }
    }

    struct FullEvaluation: Decodable, Sendable {
        var defaultChecksCSP3: [Expected]
        var withStrictCspChecksCSP3: [Expected]
    }

    enum Policies: Decodable, Sendable {
        case single(String)
        case several([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .single(text)
            } else {
                self = .several(try container.decode([String].self))
            }
        }
    }

    var id: String
    var csp: Policies
    var check: String
    var cspVersion: String
    var expectedFindings: [Expected]
    var expectedFindingsPerPolicy: [[Expected]]?
    var fullEvaluation: FullEvaluation?

    static let all: [EvaluatorCase] = {
        let url = TestPaths.shared.appendingPathComponent("corpora/csp/csp-evaluator-cases.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([EvaluatorCase].self, from: data)) ?? []
    }()
}
