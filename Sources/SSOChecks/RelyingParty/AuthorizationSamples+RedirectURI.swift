import Foundation
import PortcullisCore

/// RP-08: the `redirect_uri` the provider asks codes to be sent to is https, its own, fragment-free and registered.
extension AuthorizationSamples {
    func redirectURIObservations(_ context: RedirectJudgeContext) -> [Observation] {
        let rules = [
            RelyingPartyRules.redirectURINotHTTPS, RelyingPartyRules.redirectURIForeign,
            RelyingPartyRules.redirectURIFragment, RelyingPartyRules.redirectURIUnregistered,
        ]
        var values: [String] = []
        for sample in redirects {
            for value in sample.request.values("redirect_uri") where !values.contains(value) { values.append(value) }
        }
        guard !values.isEmpty else {
            let reason =
                isPushed
                ? "Pushed authorization request: the redirect_uri is in the pushed request, not seen"
                : "No redirect_uri in the request: the identity provider uses the registered default"
            return rules.map { context.make($0, .inapplicable, reason) }
        }
        let evidence = first.response
        let listed = values.joined(separator: ", ")
        let parsed = values.map { ($0, URL(string: $0)) }
        var observations: [Observation] = []

        let insecure = parsed.filter { $0.1?.scheme?.lowercased() != "https" }.map(\.0)
        observations.append(
            insecure.isEmpty
                ? context.make(
                    RelyingPartyRules.redirectURINotHTTPS,
                    .passed,
                    "redirect_uri is https: \(listed)",
                    evidence
                )
                : context.make(
                    RelyingPartyRules.redirectURINotHTTPS,
                    .failed,
                    "redirect_uri \(insecure.joined(separator: ", ")) is not https: the authorization code travels "
                        + "in clear text (RFC 9700 §4.1)",
                    evidence
                )
        )

        let own = OriginComparison.describe(providerOrigin)
        let foreign = parsed.filter { value in
            value.1.map { !OriginComparison.sameSite($0, as: providerOrigin) } ?? true
        }
        observations.append(
            foreign.isEmpty
                ? context.make(
                    RelyingPartyRules.redirectURIForeign,
                    .passed,
                    "redirect_uri is on the provider's origin \(own)",
                    evidence
                )
                : context.make(
                    RelyingPartyRules.redirectURIForeign,
                    .failed,
                    "redirect_uri \(foreign.map(\.0).joined(separator: ", ")) is not on the provider's origin "
                        + "\(own): codes for this client are delivered to another host",
                    evidence
                )
        )

        let fragments = values.filter { $0.contains("#") }
        observations.append(
            fragments.isEmpty
                ? context.make(RelyingPartyRules.redirectURIFragment, .passed, "redirect_uri has no fragment", evidence)
                : context.make(
                    RelyingPartyRules.redirectURIFragment,
                    .failed,
                    "redirect_uri \(fragments.joined(separator: ", ")) has a fragment, which RFC 6749 §3.1.2 forbids",
                    evidence
                )
        )

        if policy.redirectURIs.isEmpty {
            observations.append(
                context.make(
                    RelyingPartyRules.redirectURIUnregistered,
                    .inapplicable,
                    "The plan lists no registered redirect URIs"
                )
            )
        } else {
            let unregistered = values.filter { !policy.redirectURIs.contains($0) }
            observations.append(
                unregistered.isEmpty
                    ? context.make(
                        RelyingPartyRules.redirectURIUnregistered,
                        .passed,
                        "redirect_uri is registered: \(listed)",
                        evidence
                    )
                    : context.make(
                        RelyingPartyRules.redirectURIUnregistered,
                        .failed,
                        "redirect_uri \(unregistered.joined(separator: ", ")) is not among the registered "
                            + policy.redirectURIs.joined(separator: ", "),
                        evidence
                    )
            )
        }
        return observations
    }
}
