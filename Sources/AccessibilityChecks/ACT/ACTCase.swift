public import Foundation

/// One W3C ACT rules test case from the corpus index (`act/index.json`): a whole HTML document and the outcome
/// the ACT rule expects for the page.
public struct ACTCase: Sendable, Hashable, Codable {
    /// The ACT rule id, e.g. `23a2a8`.
    public var ruleId: String
    /// The ACT rule's name.
    public var ruleName: String
    /// The test case id (a hash of its code).
    public var testcaseId: String
    /// e.g. `Passed Example 3`.
    public var testcaseTitle: String
    /// `passed`, `failed` or `inapplicable`.
    public var expected: String
    /// The document, relative to the corpus folder.
    public var file: String

    /// Reads `index.json` of the corpus folder.
    public static func load(corpus: URL) throws -> [ACTCase] {
        let data = try Data(contentsOf: corpus.appendingPathComponent("index.json"))
        return try JSONDecoder().decode([ACTCase].self, from: data)
    }
}
