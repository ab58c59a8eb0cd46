import Foundation
import SwiftASN1
import X509

/// One certificate decoded field by field with SwiftASN1, tolerant of keys and signature algorithms that
/// swift-certificates refuses (P-192, RSA-512, DSA, MD5…), so weak certificates are still judged rather than
/// dismissed as unparseable.
struct ParsedCertificate: Sendable {
    /// The certificate's DER bytes.
    let der: [UInt8]
    /// The signed part (`TBSCertificate`) as encoded, for signature verification.
    let tbsBytes: ArraySlice<UInt8>
    /// The serial number's content bytes.
    let serialBytes: ArraySlice<UInt8>
    /// The outer signature algorithm.
    let signatureAlgorithmOID: ASN1ObjectIdentifier
    /// The signature value.
    let signatureBits: ASN1BitString
    /// The issuer name.
    let issuer: DistinguishedName
    /// The subject name.
    let subject: DistinguishedName
    /// Start of the validity window.
    let notBefore: Date
    /// End of the validity window.
    let notAfter: Date
    /// The encoded `SubjectPublicKeyInfo`.
    let spkiBytes: ArraySlice<UInt8>
    /// What the public key is and how strong.
    let key: PublicKeyFacts
    /// The extensions, in order.
    let extensions: [Certificate.Extension]

    /// Decodes `der`, throwing a `ParseFailure` naming the field that is wrong.
    init(der: [UInt8]) throws {
        self.der = der
        let root: ASN1Node
        do {
            root = try DER.parse(der)
        } catch {
            throw ParseFailure(field: "certificate", error: error)
        }
        var fields = Fields()
        try DER.sequence(root, identifier: .sequence) { nodes in
            guard let tbs = nodes.next() else { throw ParseFailure(field: "tbsCertificate", reason: "missing") }
            fields.tbsBytes = tbs.encodedBytes
            try Self.parseTBS(tbs, into: &fields)
            let algorithm = try ParseFailure.wrap("signatureAlgorithm") { try Self.algorithmOID(&nodes) }
            fields.signatureAlgorithmOID = algorithm
            fields.signatureBits = try ParseFailure.wrap("signatureValue") { try ASN1BitString(derEncoded: &nodes) }
        }
        guard let algorithm = fields.signatureAlgorithmOID, let bits = fields.signatureBits,
            let issuer = fields.issuer, let subject = fields.subject, let notBefore = fields.notBefore,
            let notAfter = fields.notAfter, let key = fields.key
        else { throw ParseFailure(field: "certificate", reason: "incomplete structure") }
        self.tbsBytes = fields.tbsBytes
        self.serialBytes = fields.serialBytes
        self.signatureAlgorithmOID = algorithm
        self.signatureBits = bits
        self.issuer = issuer
        self.subject = subject
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.spkiBytes = fields.spkiBytes
        self.key = key
        self.extensions = fields.extensions
    }

    /// Whether issuer and subject are the same name.
    var isSelfIssued: Bool { issuer == subject }

    /// The extensions as swift-certificates' typed collection (throws on duplicates).
    func typedExtensions() throws -> Certificate.Extensions { try Certificate.Extensions(extensions) }

    /// The public key as swift-certificates models it, or nil for algorithms it does not support.
    func publicKey() -> Certificate.PublicKey? {
        try? Certificate.PublicKey(derEncoded: spkiBytes)
    }

    /// The raw value of the extension with `oid`, if present.
    func extensionValue(_ oid: ASN1ObjectIdentifier) -> ArraySlice<UInt8>? {
        extensions.first { $0.oid == oid }?.value
    }

    private struct Fields {
        var tbsBytes: ArraySlice<UInt8> = []
        var serialBytes: ArraySlice<UInt8> = []
        var signatureAlgorithmOID: ASN1ObjectIdentifier?
        var signatureBits: ASN1BitString?
        var issuer: DistinguishedName?
        var subject: DistinguishedName?
        var notBefore: Date?
        var notAfter: Date?
        var spkiBytes: ArraySlice<UInt8> = []
        var key: PublicKeyFacts?
        var extensions: [Certificate.Extension] = []
    }

    private static func parseTBS(_ tbs: ASN1Node, into fields: inout Fields) throws {
        try DER.sequence(tbs, identifier: .sequence) { nodes in
            _ = try ParseFailure.wrap("version") {
                try DER.decodeDefaultExplicitlyTagged(
                    &nodes,
                    tagNumber: 0,
                    tagClass: .contextSpecific,
                    defaultValue: Int(0)
                )
            }
            fields.serialBytes = try ParseFailure.wrap("serialNumber") { try ArraySlice<UInt8>(derEncoded: &nodes) }
            _ = try ParseFailure.wrap("signature") { try algorithmOID(&nodes) }
            fields.issuer = try ParseFailure.wrap("issuer") { try DistinguishedName(derEncoded: next(&nodes)) }
            try ParseFailure.wrap("validity") {
                try DER.sequence(next(&nodes), identifier: .sequence) { validity in
                    fields.notBefore = try ASN1Time.date(&validity)
                    fields.notAfter = try ASN1Time.date(&validity)
                }
            }
            fields.subject = try ParseFailure.wrap("subject") { try DistinguishedName(derEncoded: next(&nodes)) }
            guard let spki = nodes.next() else {
                throw ParseFailure(field: "subjectPublicKeyInfo", reason: "missing")
            }
            fields.spkiBytes = spki.encodedBytes
            fields.key = try ParseFailure.wrap("subjectPublicKeyInfo") { try PublicKeyFacts(spki: spki) }
            let extensionsTag = ASN1Identifier(tagWithNumber: 3, tagClass: .contextSpecific)
            while let node = nodes.next() {
                guard node.identifier == extensionsTag else { continue }
                fields.extensions = try ParseFailure.wrap("extensions") {
                    try DER.explicitlyTagged(node, tagNumber: 3, tagClass: .contextSpecific) { inner in
                        try DER.sequence(of: Certificate.Extension.self, identifier: .sequence, rootNode: inner)
                    }
                }
            }
        }
    }

    /// The next node, or a failure when the structure ends early.
    static func next(_ nodes: inout ASN1NodeCollection.Iterator) throws -> ASN1Node {
        guard let node = nodes.next() else { throw ParseFailure(field: "structure", reason: "ends early") }
        return node
    }

    /// Reads an `AlgorithmIdentifier` and returns its OID (parameters are skipped).
    static func algorithmOID(_ nodes: inout ASN1NodeCollection.Iterator) throws -> ASN1ObjectIdentifier {
        try DER.sequence(next(&nodes), identifier: .sequence) { inner in
            let oid = try ASN1ObjectIdentifier(derEncoded: &inner)
            while inner.next() != nil {}
            return oid
        }
    }
}

/// A certificate that could not be decoded, naming the field at fault.
struct ParseFailure: Error, CustomStringConvertible {
    /// The ASN.1 field that failed.
    var field: String
    /// Why.
    var reason: String

    init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    init(field: String, error: any Error) {
        self.field = field
        self.reason = (error as? ParseFailure)?.description ?? String(describing: error)
    }

    var description: String { "\(field): \(reason)" }

    /// Runs `body`, turning any error that is not already a `ParseFailure` into one for `field`.
    static func wrap<T>(_ field: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ParseFailure {
            throw failure
        } catch {
            throw ParseFailure(field: field, error: error)
        }
    }
}
