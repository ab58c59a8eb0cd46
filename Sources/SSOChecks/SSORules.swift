public import PortcullisCore

/// Every rule id the SSO family can emit: relying party, SAML and identity provider.
public enum SSORules {
    /// The union of ``RelyingPartyRules/all``, ``SAMLRules/all`` and ``IdentityProviderRule/all``.
    public static let all: Set<RuleID> = Set(RelyingPartyRules.all + SAMLRules.all + IdentityProviderRule.all)
}
