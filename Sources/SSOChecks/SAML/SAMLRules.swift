public import PortcullisCore

/// The rule ids the SAML request judge emits; titles, severities and references live in `Rules/sso-rp.yaml`.
public enum SAMLRules {
    /// The `SAMLRequest` does not base64-decode, inflate or parse as an AuthnRequest.
    public static let unparseable: RuleID = "sso.saml.request-unparseable"
    /// The AssertionConsumerServiceURL is not https.
    public static let acsNotHTTPS: RuleID = "sso.saml.acs-not-https"
    /// The AssertionConsumerServiceURL is not on the provider's own origin.
    public static let acsForeign: RuleID = "sso.saml.acs-foreign-origin"
    /// `Destination` is missing or differs from the endpoint the request is sent to.
    public static let destinationMismatch: RuleID = "sso.saml.destination-mismatch"
    /// Policy requires signed requests and this one carries no `SigAlg`/`Signature`.
    public static let unsigned: RuleID = "sso.saml.request-unsigned"
    /// The request is signed with a SHA-1 algorithm.
    public static let sha1Signature: RuleID = "sso.saml.sha1-signature"
    /// `RelayState` is longer than 80 bytes or an absolute URL.
    public static let relayStateUnsafe: RuleID = "sso.saml.relay-state-unsafe"

    /// Every SAML rule id, for catalog consistency checks.
    public static let all: [RuleID] = [
        unparseable, acsNotHTTPS, acsForeign, destinationMismatch, unsigned, sha1Signature, relayStateUnsafe,
    ]
}
