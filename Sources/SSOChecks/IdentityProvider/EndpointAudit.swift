import Foundation
import PortcullisCore

/// DISC-03: every endpoint the metadata publishes is https, without query or fragment, on the issuer's host.
enum EndpointAudit {
    /// One observation per problem (key: the member name), or one passed observation per rule.
    static func observations(_ document: MetadataDocument) -> [Observation] {
        var notHTTPS: [Observation] = []
        var queryOrFragment: [Observation] = []
        var foreign: [Observation] = []
        var checked: [String] = []
        for member in MetadataReader.endpointMembers {
            guard let value = document.object[member] else { continue }
            checked.append(member)
            guard let text = value.string else {
                notHTTPS.append(
                    document.observation(
                        IdentityProviderRule.endpointNotHTTPS,
                        .failed,
                        "\(member) is \(value.typeName), not a URL",
                        key: member
                    )
                )
                continue
            }
            guard let url = MetadataReader.absoluteURL(value) else {
                notHTTPS.append(
                    document.observation(
                        IdentityProviderRule.endpointNotHTTPS,
                        .failed,
                        "\(member) \"\(text)\" is not an absolute URL",
                        key: member
                    )
                )
                continue
            }
            if url.scheme?.lowercased() != "https" {
                notHTTPS.append(
                    document.observation(
                        IdentityProviderRule.endpointNotHTTPS,
                        .failed,
                        "\(member) \"\(text)\" is not https: codes, tokens or keys travel unprotected",
                        key: member
                    )
                )
            }
            if text.contains("?") || text.contains("#") {
                queryOrFragment.append(
                    document.observation(
                        IdentityProviderRule.endpointQueryOrFragment,
                        .failed,
                        "\(member) \"\(text)\" has a query or fragment (RFC 8414 §2 forbids a fragment, "
                            + "RFC 6749 §3.1 requires query parameters be merged, not clobbered)",
                        key: member
                    )
                )
            }
            if !DiscoveryJudge.isOnIssuerHost(url, issuer: document.issuer) {
                foreign.append(
                    document.observation(
                        IdentityProviderRule.endpointForeignHost,
                        .needsReview,
                        "\(member) \"\(text)\" is on another host than the issuer (\(document.issuer.host ?? "?")); "
                            + "it was not fetched: confirm the host belongs to the identity provider",
                        key: member
                    )
                )
            }
        }
        let list = checked.joined(separator: ", ")
        func verdict(_ rule: RuleID, _ found: [Observation], _ holds: String) -> [Observation] {
            if !found.isEmpty { return found }
            if checked.isEmpty {
                return [document.observation(rule, .inapplicable, "The metadata publishes no endpoints")]
            }
            return [document.observation(rule, .passed, "\(holds): \(list)")]
        }
        return verdict(IdentityProviderRule.endpointNotHTTPS, notHTTPS, "Every endpoint is an https URL")
            + verdict(
                IdentityProviderRule.endpointQueryOrFragment,
                queryOrFragment,
                "No endpoint has a query or fragment"
            )
            + verdict(IdentityProviderRule.endpointForeignHost, foreign, "Every endpoint is on the issuer's host")
    }
}
