import Foundation
import X509

/// The trust anchors a chain must lead to: the system bundle plus any extra CA bundle from the plan.
public struct TrustStore: Sendable {
    /// Debian's and Ubuntu's bundle of the system's trusted roots.
    public static let systemBundlePath = "/etc/ssl/certs/ca-certificates.crt"

    /// Anchors by subject name (several roots may share one).
    let anchorsBySubject: [DistinguishedName: [ParsedCertificate]]
    /// The DER bytes of every anchor, to recognise an anchor the server also sent.
    let anchorDER: Set<[UInt8]>

    /// The number of anchors.
    public var count: Int { anchorDER.count }

    /// A store with no anchors (nothing is trusted).
    public init() {
        anchorsBySubject = [:]
        anchorDER = []
    }

    /// A store holding the given DER certificates; throws on the first that cannot be decoded.
    public init(derCertificates: [[UInt8]]) throws {
        try self.init(sources: derCertificates.enumerated().map { ("(memory)", $0.offset, $0.element) })
    }

    /// Decodes each certificate once; `sources` name the file and position for errors.
    private init(sources: [(file: String, position: Int, der: [UInt8])]) throws {
        var bySubject: [DistinguishedName: [ParsedCertificate]] = [:]
        var ders: Set<[UInt8]> = []
        for source in sources where !ders.contains(source.der) {
            let certificate: ParsedCertificate
            do {
                certificate = try ParsedCertificate(der: source.der)
            } catch {
                throw TrustStoreError(file: source.file, reason: "certificate \(source.position + 1): \(error)")
            }
            ders.insert(source.der)
            bySubject[certificate.subject, default: []].append(certificate)
        }
        anchorsBySubject = bySubject
        anchorDER = ders
    }

    /// Loads every certificate of the PEM files, throwing a `TrustStoreError` that names the file and what is wrong
    /// (unreadable, no certificate, bad base64, undecodable certificate).
    public static func load(pemFiles: [String]) throws -> TrustStore {
        var sources: [(file: String, position: Int, der: [UInt8])] = []
        for file in pemFiles {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw TrustStoreError(file: file, reason: "cannot read: \(error.localizedDescription)")
            }
            let blocks = try PEMBlocks.certificates(in: text, file: file)
            guard !blocks.isEmpty else { throw TrustStoreError(file: file, reason: "no CERTIFICATE block") }
            sources += blocks.enumerated().map { (file, $0.offset, $0.element) }
        }
        return try TrustStore(sources: sources)
    }

    /// The anchors whose subject is `name`.
    func anchors(named name: DistinguishedName) -> [ParsedCertificate] { anchorsBySubject[name] ?? [] }

    /// Whether `certificate` is itself an anchor (same DER, or same subject and key).
    func contains(_ certificate: ParsedCertificate) -> Bool {
        if anchorDER.contains(certificate.der) { return true }
        return anchors(named: certificate.subject).contains { $0.spkiBytes == certificate.spkiBytes }
    }
}

/// A trust bundle that could not be loaded.
public struct TrustStoreError: Error, Sendable, CustomStringConvertible {
    /// The file at fault.
    public var file: String
    /// What is wrong with it.
    public var reason: String

    /// Creates an error for `file`.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// "file: reason".
    public var description: String { "\(file): \(reason)" }
}

/// Extracts the DER of `-----BEGIN CERTIFICATE-----` blocks from PEM text.
enum PEMBlocks {
    static func certificates(in text: String, file: String) throws -> [[UInt8]] {
        let begin = "-----BEGIN CERTIFICATE-----"
        let end = "-----END CERTIFICATE-----"
        var result: [[UInt8]] = []
        var rest = text[...]
        while let start = rest.range(of: begin) {
            guard let stop = rest.range(of: end, range: start.upperBound..<rest.endIndex) else {
                throw TrustStoreError(file: file, reason: "certificate \(result.count + 1): missing END line")
            }
            let body = rest[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: String(body)) else {
                throw TrustStoreError(file: file, reason: "certificate \(result.count + 1): invalid base64")
            }
            result.append(Array(data))
            rest = rest[stop.upperBound...]
        }
        return result
    }
}
