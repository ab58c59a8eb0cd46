import Foundation
import PortcullisCore
import PortcullisHTTP
import SSOChecks

/// The SSO probe's requests: anonymous GETs that never follow a redirect off the provider's origin, recorded as
/// ``ProbeResponse``s, with the identity provider's share counted and paced.
actor SSORequester {
    private let client: HTTPClient
    private var identityProviderRequests = 0
    private var lastIdentityProviderRequest: ContinuousClock.Instant?

    init(client: HTTPClient) {
        self.client = client
    }

    /// An anonymous GET of a protected page, following redirects only within the provider's origin (a local
    /// `/login` step), so the answer is the redirect that leaves for the identity provider. Cookies set on every
    /// hop are kept on the response: the one binding `state` may be set before the last hop.
    func loginRedirect(_ page: URL, providerOrigin: URL) async -> ProbeResponse {
        let origin = Origin(providerOrigin)
        do {
            let exchange = try await client.fetch(page) { Origin($0) == origin }
            var response = Self.response(page.absoluteString, exchange.hops, body: exchange.body)
            let earlier = exchange.hops.dropLast().flatMap { $0.values(of: "Set-Cookie") }
            response.headers += earlier.map { HeaderField(name: "Set-Cookie", value: $0) }
            return response
        } catch {
            return Self.failure(page.absoluteString, error)
        }
    }

    /// A fresh login's `state` (nil when the provider sends none) and the cookies it set, as `name=value`.
    func login(_ page: URL, providerOrigin: URL) async -> (state: String?, cookies: [String]) {
        let response = await loginRedirect(page, providerOrigin: providerOrigin)
        let state = response.location.flatMap(URL.init(string:)).flatMap { location in
            RawQuery.parameters(of: location).first { $0.name == "state" }?.value
        }
        let cookies = response.setCookies.compactMap { header in
            header.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return (state, cookies)
    }

    /// A GET of `url` on the provider with `cookies`; redirects are recorded, not followed.
    func get(_ url: URL, cookies: [String]) async -> ProbeResponse {
        let headers = cookies.isEmpty ? [] : [HeaderField(name: "Cookie", value: cookies.joined(separator: "; "))]
        do {
            let exchange = try await client.fetch(url, headers: headers) { _ in false }
            return Self.response(url.absoluteString, exchange.hops, body: exchange.body)
        } catch {
            return Self.failure(url.absoluteString, error)
        }
    }

    /// A GET of `url` at the identity provider: counted against ``SSOHostProbe/identityProviderBudget`` and
    /// spaced by ``SSOHostProbe/identityProviderSpacing``; once the budget is spent the answer is a failure saying so.
    func identityProvider(_ url: URL) async -> ProbeResponse {
        guard identityProviderRequests < SSOHostProbe.identityProviderBudget else {
            return ProbeResponse(
                requestURL: url.absoluteString,
                status: 0,
                failure: "not sent: the \(SSOHostProbe.identityProviderBudget)-request budget for the identity "
                    + "provider is spent"
            )
        }
        identityProviderRequests += 1
        let clock = ContinuousClock()
        if let last = lastIdentityProviderRequest {
            let wait = last + SSOHostProbe.identityProviderSpacing - clock.now
            if wait > .zero { try? await Task.sleep(for: wait) }
        }
        lastIdentityProviderRequest = clock.now
        return await get(url, cookies: [])
    }

    /// How many requests went to the identity provider (for tests and the closing figures).
    var identityProviderRequestCount: Int { identityProviderRequests }

    private static func response(_ requestURL: String, _ hops: [ResponseHop], body: Data) -> ProbeResponse {
        guard let last = hops.last else {
            return ProbeResponse(requestURL: requestURL, status: 0, failure: "no response")
        }
        return ProbeResponse(requestURL: requestURL, status: last.status, headers: last.headers, body: body)
    }

    private static func failure(_ requestURL: String, _ error: any Error) -> ProbeResponse {
        if let error = error as? HTTPError, let last = error.hops.last {
            var response = ProbeResponse(requestURL: requestURL, status: last.status, headers: last.headers)
            response.failure = error.reason
            return response
        }
        return ProbeResponse(requestURL: requestURL, status: 0, failure: "\(error)")
    }
}
