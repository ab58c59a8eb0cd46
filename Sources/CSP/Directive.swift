/// One directive of a policy: its lowercased name, the value tokens as written (keywords and schemes lowercased,
/// duplicates dropped, like csp-evaluator's parser) and the typed source expressions.
public struct Directive: Hashable, Sendable {
    /// The ASCII-lowercased directive name (CSP3 §2.2.1 step 3.4).
    public var name: String
    /// The value tokens, normalised: keywords and scheme-sources lowercased, other tokens kept as written.
    public var tokens: [String]
    /// The typed source expressions, one per token.
    public var sources: [SourceExpression]

    /// Creates a directive from its name and value tokens, parsing the tokens into source expressions.
    public init(name: String, tokens: [String]) {
        self.name = name
        self.tokens = tokens
        self.sources = tokens.map(SourceExpression.parse)
    }

    /// Whether the directive name is one csp-evaluator or CSP3 and its extensions define.
    public var isKnown: Bool { DirectiveName.known.contains(name) }

    /// Whether the source list has no effect but blocking: empty, or only `'none'` (CSP3 §6.7.2.7).
    public var allowsNothing: Bool {
        sources.allSatisfy { $0 == .keyword(.none) }
    }

    /// Whether the list contains a usable nonce or hash source.
    public var hasNonceOrHash: Bool { sources.contains(where: \.isNonceOrHash) }

    /// Whether the list contains the given keyword.
    public func contains(_ keyword: CSPKeyword) -> Bool { sources.contains(.keyword(keyword)) }
}
