public import Foundation
public import PortcullisCore

/// One request the SSO probe sent and what came back, as evidence: the exact URL (raw query string kept, so
/// duplicated parameters survive), the status, the `Location`, the headers and a capped body.
///
/// Judges in this module read it; ``evidence`` renders it for a finding with secrets masked.
public struct ProbeResponse: Sendable, Hashable {
    /// The URL requested, exactly as sent.
    public var requestURL: String
    /// The response status; 0 when the request failed (see ``failure``).
    public var status: Int
    /// The response headers in order (duplicates kept).
    public var headers: [HeaderField]
    /// The response body, capped by the prober.
    public var body: Data
    /// Why no response arrived (timeout, refused, out of scope), nil when one did.
    public var failure: String?

    /// A response record.
    public init(
        requestURL: String,
        status: Int,
        headers: [HeaderField] = [],
        body: Data = Data(),
        failure: String? = nil
    ) {
        self.requestURL = requestURL
        self.status = status
        self.headers = headers
        self.body = body
        self.failure = failure
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Every value of header `name` (case-insensitive), in order.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The `Location` header, nil when absent.
    public var location: String? { header("Location") }

    /// The raw `Set-Cookie` values.
    public var setCookies: [String] { headerValues("Set-Cookie") }

    /// Whether the response is a redirect with a `Location`.
    public var isRedirect: Bool { (300...399).contains(status) && location != nil }

    /// The body as text (UTF-8, lossy).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// "GET <url> → 302, Location: <location>" with secret parameters masked: what a finding shows.
    public var evidence: String {
        let request = SecretMasker.maskParameters(in: requestURL)
        if let failure { return "GET \(request) → no response (\(failure))" }
        var text = "GET \(request) → \(status)"
        if let location { text += ", Location: \(SecretMasker.maskParameters(in: location))" }
        return text
    }
}
