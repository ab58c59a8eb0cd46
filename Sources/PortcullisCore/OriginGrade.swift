/// The Mozilla-Observatory-compatible score and grade of an origin, computed from its entry page's headers,
/// cookies and policies, shown next to Portcullis's own findings for people used to the Observatory.
public struct OriginGrade: Sendable, Hashable, Codable {
    /// The origin graded, such as `https://provider.example`.
    public var origin: String
    /// The page whose response was graded.
    public var url: String
    /// The score (the Observatory starts at 100; bonuses can lift it above).
    public var score: Int
    /// The letter grade, A+ to F.
    public var grade: String
    /// The Observatory result codes behind the score, such as `csp-implemented-with-unsafe-inline`.
    public var results: [String]

    public init(origin: String, url: String, score: Int, grade: String, results: [String]) {
        self.origin = origin
        self.url = url
        self.score = score
        self.grade = grade
        self.results = results
    }
}
