import Foundation
import PortcullisCore
import TLSProbe

/// Deviations from the chosen Mozilla server-side TLS profile; each observation names the profile, its version
/// and the item that deviates.
struct ProfileRules {
    let profile: TLSProfile
    let registry: CipherSuiteRegistry

    func judge(_ facts: TLSFacts) -> [Observation] {
        let label = "Mozilla \(profile.name) (\(profile.definition.version))"
        let url = facts.url
        var found: [Observation] = []
        let extraProtocols = facts.supportedProtocols.filter { !profile.protocols.contains($0) }
        if !extraProtocols.isEmpty {
            let allowed = profile.definition.protocols.joined(separator: ", ")
            found.append(
                .failed(
                    TLSRules.profileProtocol,
                    at: url,
                    "\(label) allows \(allowed); the server also accepts "
                        + extraProtocols.map(\.description).joined(separator: ", "),
                    key: profile.name
                )
            )
        }
        let extraSuites = facts.suites.keys.sorted().flatMap { version in
            (facts.suites[version] ?? []).filter { !profile.suites.contains($0) }.map {
                "\(version) \(registry[$0]?.ianaName ?? String($0, radix: 16))"
            }
        }
        if !extraSuites.isEmpty {
            found.append(
                .failed(
                    TLSRules.profileCipher,
                    at: url,
                    "\(label) does not list \(extraSuites.count) accepted suite(s)",
                    snippet: extraSuites.joined(separator: "\n"),
                    key: profile.name
                )
            )
        }
        let extraGroups = facts.groups.filter {
            !profile.groups.contains($0) && !isFiniteField($0) && !GroupNames.isPostQuantumHybrid($0)
        }
        if !extraGroups.isEmpty {
            found.append(
                .failed(
                    TLSRules.profileGroup,
                    at: url,
                    "\(label) allows \(profile.definition.groups.joined(separator: ", ")); the server also accepts "
                        + extraGroups.map(GroupNames.name).joined(separator: ", "),
                    key: profile.name
                )
            )
        }
        if let bits = facts.dhPrimeBits, let minimum = profile.definition.dhParameterSize, bits < minimum {
            found.append(
                .failed(
                    TLSRules.profileDHSize,
                    at: url,
                    "\(label) requires DH parameters of at least \(minimum) bits; the server uses \(bits)",
                    key: profile.name
                )
            )
        }
        if case .maxAge(let age)? = facts.hsts, age < profile.definition.hstsMinimumAge {
            found.append(
                .failed(
                    TLSRules.hstsShort,
                    at: url,
                    "\(label) requires HSTS max-age ≥ \(profile.definition.hstsMinimumAge) s; the origin sends \(age)",
                    snippet: "max-age=\(age)",
                    key: profile.name
                )
            )
        }
        found += certificateDeviations(facts, label: label)
        return found
    }

    private func isFiniteField(_ group: UInt16) -> Bool { (0x0100...0x01FF).contains(group) }

    private func certificateDeviations(_ facts: TLSFacts, label: String) -> [Observation] {
        guard let certificate = facts.certificate else { return [] }
        let definition = profile.definition
        var problems: [String] = []
        let type =
            certificate.keyType.uppercased() == "RSA"
            ? "rsa"
            : certificate.keyType.uppercased() == "EC"
                ? "ecdsa" : certificate.keyType.lowercased()
        if !definition.certificateTypes.contains(type) {
            problems.append(
                "key type \(certificate.keyType) (allowed: \(definition.certificateTypes.joined(separator: ", ")))"
            )
        } else if type == "rsa", let minimum = definition.rsaKeySize, certificate.keyBits < minimum {
            problems.append("RSA key of \(certificate.keyBits) bits (minimum \(minimum))")
        } else if type == "ecdsa", let curves = definition.certificateCurves, let curve = certificate.curve,
            !curves.contains(where: { GroupNames.code($0) == GroupNames.code(curve) && GroupNames.code($0) != nil })
        {
            problems.append("curve \(curve) (allowed: \(curves.joined(separator: ", ")))")
        }
        let signature = Self.normalized(certificate.signatureAlgorithm)
        if !definition.certificateSignatures.contains(where: { Self.normalized($0) == signature }) {
            problems.append("signature \(certificate.signatureAlgorithm)")
        }
        if certificate.lifetimeDays > definition.maximumCertificateLifespan {
            problems.append(
                "lifetime \(certificate.lifetimeDays) days (maximum \(definition.maximumCertificateLifespan))"
            )
        }
        guard !problems.isEmpty else { return [] }
        return [
            .failed(
                TLSRules.profileCertificate,
                at: facts.url,
                "\(label): the certificate deviates: " + problems.joined(separator: "; "),
                snippet: certificate.subject,
                key: profile.name
            )
        ]
    }

    /// Signature algorithm names compared without case or punctuation (`ecdsa-with-SHA256` = `ecdsaWithSHA256`).
    static func normalized(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
