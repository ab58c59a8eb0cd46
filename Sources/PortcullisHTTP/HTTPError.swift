public import Foundation
public import PortcullisCore

/// Why a fetch failed, with everything that was received before it failed.
///
/// An error is a value, not an ever-growing enum: ``Code`` names the kind of failure with a stable
/// kebab-case string that reports and tests can rely on, ``reason`` says what happened in words
/// (including libcurl's own error text), and ``hops`` keeps every response collected before the failure
/// so a scanner never loses evidence because a later hop failed.
public struct HTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, with a stable kebab-case raw value.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The stable kebab-case name, such as `connection-refused`.
        public var rawValue: String

        /// Wraps a raw code name; prefer the static members.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The URL could not be parsed or has no host.
        public static let invalidURL = Code(rawValue: "invalid-url")
        /// The scheme is not `http` or `https` (`file://` included: the scanner reads local files itself).
        public static let unsupportedScheme = Code(rawValue: "unsupported-scheme")
        /// A request header name or value is not allowed (control characters, empty name).
        public static let invalidHeader = Code(rawValue: "invalid-header")
        /// The host name did not resolve.
        public static let dns = Code(rawValue: "dns")
        /// The connection could not be established (refused, unreachable).
        public static let connectionRefused = Code(rawValue: "connection-refused")
        /// The connection was not established within the connect timeout.
        public static let connectTimeout = Code(rawValue: "connect-timeout")
        /// The request did not finish within the total timeout.
        public static let timeout = Code(rawValue: "timeout")
        /// The TLS handshake failed for a reason other than the certificate.
        public static let tls = Code(rawValue: "tls")
        /// The peer's certificate did not verify.
        public static let tlsCertificate = Code(rawValue: "tls-certificate")
        /// The connection's peer address is refused by the ``HTTPClientConfiguration/addressPolicy`` (a
        /// loopback or private address that is not a declared target); no request was sent.
        public static let addressRefused = Code(rawValue: "address-refused")
        /// More redirects than the limit allows.
        public static let tooManyRedirects = Code(rawValue: "too-many-redirects")
        /// A redirect led back to a URL already visited.
        public static let redirectLoop = Code(rawValue: "redirect-loop")
        /// The server broke HTTP: a malformed reply, a reset, bad content encoding.
        public static let `protocol` = Code(rawValue: "protocol")
        /// The awaiting task was cancelled, or the client shut down.
        public static let cancelled = Code(rawValue: "cancelled")
        /// Something failed inside the client or libcurl itself.
        public static let `internal` = Code(rawValue: "internal")

        /// The raw kebab-case name.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, in words, including libcurl's error text where there is one.
    public var reason: String
    /// The URL whose request failed (the hop being fetched, not necessarily the first URL).
    public var url: URL
    /// Every response received before the failure, redirects first; may be empty.
    public var hops: [ResponseHop]

    /// Creates an error; `hops` defaults to none received.
    public init(code: Code, reason: String, url: URL, hops: [ResponseHop] = []) {
        self.code = code
        self.reason = reason
        self.url = url
        self.hops = hops
    }

    /// One line: code, reason, URL and how many responses came before the failure.
    public var description: String {
        let received = hops.isEmpty ? "" : " (after \(hops.count) response\(hops.count == 1 ? "" : "s"))"
        return "\(code.rawValue): \(reason) [\(url.absoluteString)]\(received)"
    }
}
