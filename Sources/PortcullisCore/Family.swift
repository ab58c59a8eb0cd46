/// The check family a rule belongs to; each family is one module of checks.
public enum Family: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case headers
    case csp
    case tls
    case sso
    case accessibility
    case crawl

    public var description: String { rawValue }
}
