import Foundation
import X509

/// What the handshake told us about the leaf's context.
struct LeafContext {
    var hostname: String
    var stapledOCSP: Bool
    var sctFromTLS: Bool
}

/// The checks that look at one certificate at a time: validity, key strength, signature hash, and the leaf's
/// name, CA flag, usages, must-staple and SCTs.
struct CertificateChecks {
    let options: CertificateAnalysisOptions

    /// Checks every sent certificate gets. A trust anchor's (or a sent root's) own signature is not relied on,
    /// so its hash is not judged.
    func individual(_ certificate: ParsedCertificate, index: Int, isAnchor: Bool) -> [CertificateProblem] {
        var problems: [CertificateProblem] = []
        func add(_ kind: CertificateProblem.Kind, _ detail: String) {
            problems.append(CertificateProblem(kind: kind, certificateIndex: index, detail: detail))
        }
        let now = options.now
        if certificate.notAfter < now {
            let days = Int((now.timeIntervalSince(certificate.notAfter) / 86_400).rounded(.down))
            add(.expired, "expired \(ASN1Time.day(certificate.notAfter)) (\(days) days ago)")
        } else if certificate.notBefore > now {
            let days = Int((certificate.notBefore.timeIntervalSince(now) / 86_400).rounded(.up))
            add(.notYetValid, "not valid before \(ASN1Time.day(certificate.notBefore)) (in \(days) days)")
        } else {
            let days = Int((certificate.notAfter.timeIntervalSince(now) / 86_400).rounded(.down))
            if days < options.expiryWarningDays {
                add(
                    .expiresSoon,
                    "expires \(ASN1Time.day(certificate.notAfter)) (in \(days) days, warning at "
                        + "\(options.expiryWarningDays))"
                )
            }
        }
        let key = certificate.key
        switch key.type {
        case "RSA", "RSA-PSS", "DSA":
            if key.bits < options.minimumRSABits {
                add(.weakRSAKey, "\(key.type) key of \(key.bits) bits (minimum \(options.minimumRSABits))")
            }
        case "EC":
            if key.bits < options.minimumECBits {
                add(
                    .weakECKey,
                    "EC key on \(key.curve ?? "unknown curve") (\(key.bits) bits, minimum \(options.minimumECBits))"
                )
            }
        default:
            break
        }
        let isRoot = index > 0 && certificate.isSelfIssued
        if !isAnchor, !isRoot, let hash = ObjectIdentifierNames.signatures[certificate.signatureAlgorithmOID]?.weakHash
        {
            let name = ObjectIdentifierNames.signatureName(certificate.signatureAlgorithmOID)
            add(.weakSignature, "signed with \(name) (\(hash) is broken)")
        }
        return problems
    }

    /// Checks only the leaf gets.
    func leaf(_ certificate: ParsedCertificate, facts: ExtensionFacts, context: LeafContext) -> [CertificateProblem] {
        var problems: [CertificateProblem] = []
        func add(_ kind: CertificateProblem.Kind, _ detail: String) {
            problems.append(CertificateProblem(kind: kind, certificateIndex: 0, detail: detail))
        }
        if !HostnameMatcher.matches(context.hostname, names: facts.dnsNames, ipAddresses: facts.ipAddresses) {
            if facts.hasSAN {
                let names = (facts.dnsNames.map { "DNS:\($0)" } + facts.ipAddresses.map { "IP:\($0)" })
                    .joined(separator: ", ")
                add(.hostnameMismatch, "'\(context.hostname)' is not covered by subjectAlternativeName [\(names)]")
            } else {
                add(
                    .hostnameMismatch,
                    "'\(context.hostname)' cannot match: no subjectAlternativeName (the subject CN is not used)"
                )
            }
        }
        if facts.basicConstraintsCA == true, !certificate.isSelfIssued {
            add(.leafIsCA, "the leaf has basicConstraints cA=TRUE")
        }
        if let usage = facts.keyUsage {
            let isRSA = certificate.key.type == "RSA"
            let allowed = usage.digitalSignature || (isRSA && usage.keyEncipherment)
            if !allowed {
                let needed = isRSA ? "digitalSignature or keyEncipherment" : "digitalSignature"
                add(.keyUsage, "keyUsage (\(usage)) lacks \(needed) for a \(certificate.key.type) key")
            }
        }
        if let usages = facts.extendedKeyUsage,
            !usages.contains(ExtendedKeyUsage.Usage.serverAuth), !usages.contains(ExtendedKeyUsage.Usage.any)
        {
            add(.extendedKeyUsage, "extendedKeyUsage (\(usages)) has neither serverAuth nor anyExtendedKeyUsage")
        }
        if facts.mustStaple, !context.stapledOCSP {
            add(
                .mustStapleWithoutStaple,
                "the leaf requires OCSP stapling (TLS Feature status_request) but no "
                    + "OCSP response was stapled"
            )
        }
        if options.requireSCT, facts.embeddedSCTs == 0, !context.sctFromTLS {
            add(.noSCT, "no Signed Certificate Timestamp embedded in the leaf nor delivered by TLS or OCSP")
        }
        return problems
    }
}
