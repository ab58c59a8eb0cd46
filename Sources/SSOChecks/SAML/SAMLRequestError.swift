/// Why a `SAMLRequest` could not be read: the decoding stage that failed and what was wrong.
struct SAMLRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The decoding stages of an HTTP-Redirect binding request.
    enum Stage: String, Sendable, Hashable {
        /// The base64 layer.
        case base64
        /// The raw DEFLATE layer.
        case inflate
        /// The XML layer.
        case xml
    }

    /// The stage that failed.
    var stage: Stage
    /// What was wrong, in words for a finding.
    var reason: String

    /// An error at `stage`.
    init(_ stage: Stage, _ reason: String) {
        self.stage = stage
        self.reason = reason
    }

    /// "<stage>: <reason>".
    var description: String { "\(stage.rawValue): \(reason)" }
}
