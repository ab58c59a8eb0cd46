import Foundation
import PortcullisCore
import SwiftASN1
import X509

/// What a certificate's extensions say, decoded once: names, CA status, usages, must-staple, SCTs, key ids.
struct ExtensionFacts: Sendable {
    /// dNSName entries of subjectAlternativeName.
    var dnsNames: [String] = []
    /// iPAddress entries of subjectAlternativeName, as text.
    var ipAddresses: [String] = []
    /// Whether a subjectAlternativeName extension is present.
    var hasSAN = false
    /// basicConstraints, when present: whether cA is true.
    var basicConstraintsCA: Bool?
    /// keyUsage, when present.
    var keyUsage: KeyUsage?
    /// extendedKeyUsage, when present.
    var extendedKeyUsage: ExtendedKeyUsage?
    /// TLS Feature contains status_request.
    var mustStaple = false
    /// Number of SCTs in the embedded SCT list.
    var embeddedSCTs = 0
    /// subjectKeyIdentifier bytes.
    var subjectKeyID: ArraySlice<UInt8>?
    /// authorityKeyIdentifier keyIdentifier bytes.
    var authorityKeyID: ArraySlice<UInt8>?

    /// Empty facts, for certificates whose extensions could not be decoded.
    init() {}

    /// Decodes the extensions of `certificate`, throwing a `ParseFailure` naming the extension at fault.
    init(_ certificate: ParsedCertificate) throws {
        let extensions = try ParseFailure.wrap("extensions") { try certificate.typedExtensions() }
        if let san = try ParseFailure.wrap("subjectAlternativeName", { try extensions.subjectAlternativeNames }) {
            hasSAN = true
            for name in san {
                switch name {
                case .dnsName(let value): dnsNames.append(value)
                case .ipAddress(let octets): ipAddresses.append(IPAddressText.text(octets.bytes))
                default: break
                }
            }
        }
        if let constraints = try ParseFailure.wrap("basicConstraints", { try extensions.basicConstraints }) {
            if case .isCertificateAuthority = constraints {
                basicConstraintsCA = true
            } else {
                basicConstraintsCA = false
            }
        }
        keyUsage = try ParseFailure.wrap("keyUsage") { try extensions.keyUsage }
        extendedKeyUsage = try ParseFailure.wrap("extendedKeyUsage") { try extensions.extendedKeyUsage }
        subjectKeyID = try ParseFailure.wrap("subjectKeyIdentifier") { try extensions.subjectKeyIdentifier }?
            .keyIdentifier
        authorityKeyID = try ParseFailure.wrap("authorityKeyIdentifier") { try extensions.authorityKeyIdentifier }?
            .keyIdentifier
        if let feature = certificate.extensionValue(OIDs.tlsFeature) {
            mustStaple = try ParseFailure.wrap("tlsFeature") { try Self.featuresIncludeStatusRequest(feature) }
        }
        if let list = certificate.extensionValue(OIDs.embeddedSCTList) {
            embeddedSCTs = try ParseFailure.wrap("signedCertificateTimestampList") { try Self.countSCTs(list) }
        }
    }

    /// `Features ::= SEQUENCE OF INTEGER` (RFC 7633) contains 5 (status_request).
    private static func featuresIncludeStatusRequest(_ value: ArraySlice<UInt8>) throws -> Bool {
        let node = try DER.parse(value)
        let features = try DER.sequence(of: Int.self, identifier: .sequence, rootNode: node)
        return features.contains(5)
    }

    /// Counts the SCTs in the TLS-encoded `SignedCertificateTimestampList` wrapped in an OCTET STRING.
    private static func countSCTs(_ value: ArraySlice<UInt8>) throws -> Int {
        let octets = try ASN1OctetString(derEncoded: value).bytes
        var bytes = Array(octets)[...]
        guard bytes.count >= 2 else { throw ParseFailure(field: "sct list", reason: "too short") }
        let total = Int(bytes[bytes.startIndex]) << 8 | Int(bytes[bytes.startIndex + 1])
        bytes = bytes.dropFirst(2)
        guard total == bytes.count else { throw ParseFailure(field: "sct list", reason: "length mismatch") }
        var count = 0
        while !bytes.isEmpty {
            guard bytes.count >= 2 else { throw ParseFailure(field: "sct", reason: "truncated length") }
            let length = Int(bytes[bytes.startIndex]) << 8 | Int(bytes[bytes.startIndex + 1])
            bytes = bytes.dropFirst(2)
            guard length > 0, length <= bytes.count else { throw ParseFailure(field: "sct", reason: "bad length") }
            bytes = bytes.dropFirst(length)
            count += 1
        }
        return count
    }
}
