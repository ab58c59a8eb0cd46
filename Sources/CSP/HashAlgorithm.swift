/// The hash algorithms a hash-source may name (CSP3 §2.3.1 `hash-algorithm`).
public enum HashAlgorithm: String, CaseIterable, Sendable {
    case sha256
    case sha384
    case sha512
}
