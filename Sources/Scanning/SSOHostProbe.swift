import Foundation
import PortcullisCore
import PortcullisHTTP
import SSOChecks

/// The SSO probe as a scan runs it, once per provider: sample the login redirect of each protected page, find the
/// identity provider and its metadata, then exercise the provider's callback and logout and the identity
/// provider's authorization and logout endpoints, handing every response to the judges in `SSOChecks`.
///
/// Scanner safety: redirects are never followed off the provider's origin (the login redirect is read, not
/// followed); the identity provider is contacted only at the authorization endpoint the provider itself sends
/// users to, its issuer and the same host's metadata endpoints; at most ``identityProviderBudget`` requests go to
/// it, spaced by ``identityProviderSpacing``.
struct SSOHostProbe: Sendable {
    /// How many anonymous login redirects are sampled per protected page (randomness needs several).
    static let samplesPerPage = 3
    /// The most requests one provider's scan sends to its identity provider.
    static let identityProviderBudget = 60
    /// The pause between two requests to the identity provider (politeness to a shared service).
    static let identityProviderSpacing: Duration = .milliseconds(10)

    let client: HTTPClient
    let provider: ProviderPlan

    /// What one run found, and what it cost the identity provider.
    struct Report: Sendable {
        /// Every observation; unreachable pages and endpoints are observations too (their evidence says so).
        var observations: [Observation]
        /// How many requests went to the identity provider (at most ``SSOHostProbe/identityProviderBudget``).
        var identityProviderRequests: Int
    }

    /// Everything the probe found, as observations.
    func run() async -> [Observation] { await report().observations }

    /// Runs every check and reports the observations with the identity provider's request count.
    func report() async -> Report {
        let requester = SSORequester(client: client)
        let observations = await observations(requester: requester)
        return Report(
            observations: observations,
            identityProviderRequests: await requester.identityProviderRequestCount
        )
    }

    private func observations(requester: SSORequester) async -> [Observation] {
        let policy = provider.sso ?? SSOPolicy()
        let pages = policy.protectedURLs.isEmpty ? provider.entryURLs.filter { !$0.isFileURL } : policy.protectedURLs
        guard let first = pages.first, let providerOrigin = Self.originURL(of: first) else { return [] }
        var observations: [Observation] = []
        var flows: [LoginFlow] = []
        for page in pages {
            var samples: [ProbeResponse] = []
            for _ in 0..<Self.samplesPerPage {
                samples.append(await requester.loginRedirect(page, providerOrigin: providerOrigin))
            }
            flows.append(LoginFlow(page: page, samples: samples))
        }
        // The identity provider: the plan's issuer, else discovered from the first OAuth redirect.
        let authorization = flows.lazy.compactMap(\.authorizationRequest).first
        let issuerCandidates =
            policy.issuer.map { [$0] } ?? authorization.map { Self.issuerCandidates(of: $0.endpoint) } ?? []
        var issuer: URL?
        var metadata: ProviderMetadata?
        for candidate in issuerCandidates {
            var responses: [ProbeResponse] = []
            for url in DiscoveryJudge.documentURLs(issuer: candidate) {
                responses.append(await requester.identityProvider(url))
            }
            let judged = DiscoveryJudge.evaluate(issuer: candidate, responses: responses)
            // Without a configured issuer, candidates without any metadata are guesses, not findings.
            if judged.metadata != nil || policy.issuer != nil || candidate == issuerCandidates.last {
                issuer = candidate
                metadata = judged.metadata
                observations += judged.observations
                break
            }
        }
        if let issuer, let metadata {
            let jwks = metadata.jwksURI.flatMap { Self.sameHost($0, issuer) ? $0 : nil }
            let jwksResponse: ProbeResponse? =
                if let jwks { await requester.identityProvider(jwks) } else { nil }
            observations += JWKSJudge.evaluate(jwksResponse, jwksURI: metadata.jwksURI, issuer: issuer)
        }
        for flow in flows {
            if let location = flow.samples.compactMap(\.location).first.flatMap({ URL(string: $0) }),
                RawQuery.parameters(of: location).contains(where: { $0.name == "SAMLRequest" })
            {
                observations += SAMLRedirectJudge.evaluate(
                    location: location,
                    entryURL: flow.page,
                    providerOrigin: providerOrigin,
                    policy: policy
                )
                continue
            }
            observations += RelyingPartyRedirectJudge.evaluate(
                samples: flow.samples,
                entryURL: flow.page,
                providerOrigin: providerOrigin,
                policy: policy,
                issuer: issuer,
                authorizationEndpoint: metadata?.authorizationEndpoint
            )
        }
        if let flow = flows.first(where: { $0.authorizationRequest != nil }),
            let callback = Self.callbackURL(flow.authorizationRequest!, policy: policy, providerOrigin: providerOrigin)
        {
            observations += await probeCallback(
                callback,
                flow: flow,
                issuer: issuer,
                requester: requester,
                providerOrigin: providerOrigin
            )
        }
        observations += await probeReturnParameters(
            policy: policy,
            pages: pages,
            providerOrigin: providerOrigin,
            requester: requester
        )
        if let issuer, let request = authorization {
            observations += await probeIdentityProvider(
                request,
                issuer: issuer,
                metadata: metadata,
                policy: policy,
                requester: requester
            )
        }
        return observations
    }

    // MARK: - The provider's callback (RP-12 … RP-16)

    private func probeCallback(
        _ callback: URL,
        flow: LoginFlow,
        issuer: URL?,
        requester: SSORequester,
        providerOrigin: URL
    ) async -> [Observation] {
        var observations: [Observation] = []
        // Each test starts a fresh login so its state and the cookie binding it are current.
        let forged = await requester.login(flow.page, providerOrigin: providerOrigin)
        let forgedResponse = await requester.get(
            Self.url(
                callback,
                [QueryParameter("code", "portcullis-probe"), QueryParameter("state", Self.randomToken())]
            ),
            cookies: forged.cookies
        )
        observations.append(CallbackJudge.forgedState(forgedResponse, callbackURL: callback))
        let missing = await requester.login(flow.page, providerOrigin: providerOrigin)
        let missingResponse = await requester.get(
            Self.url(callback, [QueryParameter("code", "portcullis-probe")]),
            cookies: missing.cookies
        )
        observations.append(CallbackJudge.missingState(missingResponse, callbackURL: callback))
        let reflected = await requester.login(flow.page, providerOrigin: providerOrigin)
        var errorParameters = [
            QueryParameter("error", "access_denied"), QueryParameter("error_description", CallbackJudge.errorPayload),
        ]
        if let state = reflected.state { errorParameters.append(QueryParameter("state", state)) }
        let errorResponse = await requester.get(Self.url(callback, errorParameters), cookies: reflected.cookies)
        observations.append(CallbackJudge.reflectedError(errorResponse, callbackURL: callback))
        observations.append(CallbackJudge.referrerPolicy(errorResponse, callbackURL: callback))
        // RFC 9207: the same callback with a wrong `iss` and without one must not be treated alike.
        let wrong = await requester.login(flow.page, providerOrigin: providerOrigin)
        var wrongParameters = [QueryParameter("code", "portcullis-probe")]
        if let state = wrong.state { wrongParameters.append(QueryParameter("state", state)) }
        wrongParameters.append(QueryParameter("iss", "https://portcullis-mix-up.invalid"))
        let wrongResponse = await requester.get(Self.url(callback, wrongParameters), cookies: wrong.cookies)
        let absent = await requester.login(flow.page, providerOrigin: providerOrigin)
        var absentParameters = [QueryParameter("code", "portcullis-probe")]
        if let state = absent.state { absentParameters.append(QueryParameter("state", state)) }
        let absentResponse = await requester.get(Self.url(callback, absentParameters), cookies: absent.cookies)
        observations.append(
            CallbackJudge.mixUp(wrongIssuer: wrongResponse, noIssuer: absentResponse, callbackURL: callback)
        )
        return observations
    }

    // MARK: - Return parameters (RP-17)

    private func probeReturnParameters(
        policy: SSOPolicy,
        pages: [URL],
        providerOrigin: URL,
        requester: SSORequester
    ) async -> [Observation] {
        let logout = policy.logoutURL ?? providerOrigin.appendingPathComponent("logout")
        var observations: [Observation] = []
        for parameter in CallbackJudge.returnParameters {
            let url = Self.url(logout, [QueryParameter(parameter, CallbackJudge.offSiteTarget)])
            let response = await requester.get(url, cookies: [])
            guard response.status != 404 else { break }  // no logout route at all: nothing to judge
            observations.append(
                CallbackJudge.openRedirect(response, parameter: parameter, providerOrigin: providerOrigin, at: logout)
            )
        }
        return observations
    }

    // MARK: - The identity provider (RURI, AUTH, PKCE, LOGOUT)

    private func probeIdentityProvider(
        _ request: AuthorizationRequest,
        issuer: URL,
        metadata: ProviderMetadata?,
        policy: SSOPolicy,
        requester: SSORequester
    ) async -> [Observation] {
        let endpoint = metadata?.authorizationEndpoint ?? request.endpoint
        guard Self.sameHost(endpoint, issuer) else { return [] }
        // The legitimate request, with our own fresh state and nonce.
        let legitimate = request.parameters.map { parameter in
            switch parameter.name {
            case "state", "nonce": QueryParameter(parameter.name, Self.randomToken())
            default: parameter
            }
        }
        var observations: [Observation] = []
        let baseline = await requester.identityProvider(Self.url(endpoint, rawQuery: RawQuery.encode(legitimate)))
        observations.append(AuthorizationEndpointJudge.framing(baseline, endpoint: endpoint))
        for variant in RedirectURITampering.variants(legitimate: legitimate) {
            let response = await requester.identityProvider(Self.url(endpoint, rawQuery: variant.rawQuery))
            observations.append(
                RedirectURITampering.judge(variant, response: response, baseline: baseline, endpoint: endpoint)
            )
        }
        let unknown = await requester.identityProvider(
            Self.url(endpoint, rawQuery: AuthorizationEndpointJudge.unknownClientQuery(legitimate))
        )
        observations.append(AuthorizationEndpointJudge.unknownClient(unknown, endpoint: endpoint))
        let state = Self.randomToken()
        let token = await requester.identityProvider(
            Self.url(endpoint, rawQuery: AuthorizationEndpointJudge.tokenResponseTypeQuery(legitimate, state: state))
        )
        observations += AuthorizationEndpointJudge.tokenResponseType(
            token,
            state: state,
            issuer: metadata?.issuer ?? issuer.absoluteString,
            endpoint: endpoint
        )
        let plain = await requester.identityProvider(
            Self.url(endpoint, rawQuery: AuthorizationEndpointJudge.plainPKCEQuery(legitimate))
        )
        observations.append(AuthorizationEndpointJudge.plainPKCE(plain, baseline: baseline, endpoint: endpoint))
        if let logout = metadata?.endSessionEndpoint, Self.sameHost(logout, issuer) {
            let query = AuthorizationEndpointJudge.logoutQuery(
                postLogoutRedirectURI: AuthorizationEndpointJudge.unregisteredLogoutTarget,
                clientID: policy.clientID ?? request.value("client_id"),
                idTokenHint: nil
            )
            let response = await requester.identityProvider(Self.url(logout, rawQuery: query))
            observations.append(
                AuthorizationEndpointJudge.logout(
                    response,
                    smuggled: AuthorizationEndpointJudge.unregisteredLogoutTarget,
                    endpoint: logout
                )
            )
        }
        return observations
    }

    // MARK: - Helpers

    /// The issuer URLs to try for an authorization endpoint: its path trimmed one segment at a time, longest
    /// first (`/realms/corp/protocol/openid-connect/auth` → `/realms/corp/protocol/openid-connect`, …, the origin).
    static func issuerCandidates(of endpoint: URL) -> [URL] {
        guard let origin = originURL(of: endpoint) else { return [] }
        var segments = endpoint.path.split(separator: "/").map(String.init)
        var result: [URL] = []
        while !segments.isEmpty {
            segments.removeLast()
            let path = segments.isEmpty ? "" : "/" + segments.joined(separator: "/")
            if let url = URL(string: origin.absoluteString.dropLastSlash + path) { result.append(url) }
        }
        return Array(result.prefix(6))
    }

    /// The provider's callback: the request's `redirect_uri` when it is on the provider's origin, else the
    /// plan's callback path there.
    static func callbackURL(_ request: AuthorizationRequest, policy: SSOPolicy, providerOrigin: URL) -> URL? {
        if let text = request.value("redirect_uri"), let url = URL(string: text), originURL(of: url) == providerOrigin {
            return url
        }
        guard let path = policy.callbackPath else { return nil }
        return URL(string: providerOrigin.absoluteString.dropLastSlash + path)
    }

    /// `scheme://host:port` of `url` (no path), nil without a host.
    static func originURL(of url: URL) -> URL? {
        guard let origin = Origin(url) else { return nil }
        return URL(string: origin.description)
    }

    static func sameHost(_ a: URL, _ b: URL) -> Bool {
        a.host(percentEncoded: false)?.lowercased() == b.host(percentEncoded: false)?.lowercased()
    }

    static func url(_ base: URL, _ parameters: [QueryParameter]) -> URL {
        url(base, rawQuery: RawQuery.encode(parameters))
    }

    /// `base` (its own query dropped) with `rawQuery`, exactly as given.
    static func url(_ base: URL, rawQuery: String) -> URL {
        var text = base.absoluteString
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
        return URL(string: text + (rawQuery.isEmpty ? "" : "?" + rawQuery)) ?? base
    }

    /// 32 random bytes, base64url: values the probe sends as its own state or nonce.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// One protected page's sampled login redirects.
struct LoginFlow: Sendable {
    let page: URL
    let samples: [ProbeResponse]

    /// The OAuth authorization request of the first sample that carries one.
    var authorizationRequest: AuthorizationRequest? {
        samples.lazy.compactMap { $0.location.flatMap(URL.init(string:)).flatMap(AuthorizationRequest.init) }.first
    }
}

extension String {
    /// The text without one trailing `/`.
    fileprivate var dropLastSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}

extension SSOHostProbe {
    /// Whether `location` sends the user to log in: an OAuth 2.0 / OIDC authorization request or a SAML
    /// HTTP-Redirect binding request.
    static func isLoginRedirect(_ location: String) -> Bool {
        guard let url = URL(string: location) else { return false }
        return AuthorizationRequest(location: url) != nil
            || RawQuery.parameters(of: url).contains { $0.name == "SAMLRequest" }
    }
}
