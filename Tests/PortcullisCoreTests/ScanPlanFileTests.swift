import Foundation
import PortcullisCore
import Testing

@Suite struct ScanPlanFileTests {
    static let valid = """
        profile: onboarding
        ca-file: corp-root.pem
        limits:
          timeout: 15
          max-body: 1048576
        defaults:
          max-pages: 50
          rate: 5
        providers:
          - name: learning
            entry: https://learn.example/
            scope: domain
            exclude: ["/logout"]
            max-depth: 3
            robots: ignore
            headers:
              Authorization: env:LEARN_TOKEN
              X-Tenant: acme
          - name: library
            entry: [https://lib.example/a, https://lib.example/b]
            max-pages: 500
        """

    @Test func parsesProvidersDefaultsAndSecrets() throws {
        let plan = try ScanPlanFile.parse(
            Self.valid,
            file: "/plans/p.yaml",
            environment: ["LEARN_TOKEN": "Bearer s3cr3t"]
        )
        #expect(plan.profile == "onboarding")
        #expect(plan.tlsProfile == nil)
        #expect(plan.caFile == "/plans/corp-root.pem")
        #expect(plan.limits?.totalTimeout == 15)
        #expect(plan.limits?.maxBodyBytes == 1_048_576)
        #expect(plan.providers.map(\.name) == ["learning", "library"])
        let learning = plan.providers[0]
        #expect(learning.scope.kind == "domain")
        #expect(learning.scope.exclude == ["/logout"])
        #expect(learning.budget.maxDepth == 3)
        #expect(learning.budget.maxPages == 50, "defaults apply")
        #expect(learning.budget.requestsPerSecond == 5)
        #expect(!learning.obeysRobots)
        #expect(
            learning.headers == [
                HeaderField(name: "Authorization", value: "Bearer s3cr3t"),
                HeaderField(name: "X-Tenant", value: "acme"),
            ]
        )
        let library = plan.providers[1]
        #expect(library.entryURLs.count == 2)
        #expect(library.budget.maxPages == 500, "a provider's value beats the defaults")
        #expect(library.obeysRobots)
    }

    @Test(arguments: [
        ("providers: []\n", 1, "non-empty list"),
        ("providers:\n  - name: a\n", 2, "missing required key 'entry'"),
        ("providers:\n  - name: a\n    entry: ftp://x/\n", 3, "not an http(s) URL"),
        ("providers:\n  - name: a\n    entry: https://x/\n    scope: galaxy\n", 4, "unknown scope 'galaxy'"),
        ("providers:\n  - name: a\n    entry: https://x/\n    exclude: [\"(\"]\n", 4, "invalid regular expression"),
        ("providers:\n  - name: a\n    entry: https://x/\n    max-pages: lots\n", 4, "must be a number"),
        ("providers:\n  - name: a\n    entry: https://x/\n    robots: maybe\n", 4, "'robots' must be"),
        (
            "providers:\n  - name: a\n    entry: https://x/\n    headers:\n      Cookie: env:NOPE\n", 5,
            "NOPE is not set"
        ),
        ("providers:\n  - name: a\n    entry: https://x/\n    max_pages: 3\n", 4, "unknown key 'max_pages'"),
        ("tls-profile: strict\nproviders:\n  - name: a\n    entry: https://x/\n", 1, "'tls-profile' must be"),
        ("providers:\n  - name: a\n    entry: https://x/\n  - name: a\n    entry: https://y/\n", 4, "listed twice"),
        ("limits:\n  timeout: -1\nproviders:\n  - name: a\n    entry: https://x/\n", 2, "at least 0"),
        ("providers: [unclosed\n", 2, "YAML syntax error"),
        ("providers:\n  - name: a\n    entry: https://x/\n    sso:\n      client_id: a\n", 5, "unknown key"),
        ("providers:\n  - name: a\n    entry: https://x/\n    sso:\n      issuer: login\n", 5, "'issuer'"),
        ("providers:\n  - name: a\n    entry: https://x/\n    sso:\n      require-pkce: often\n", 5, "true or false"),
        ("providers:\n  - name: a\n    entry: https://x/\n    sso:\n      callback-path: cb\n", 5, "start with '/'"),
    ])
    func problemsNameFileLineAndWhat(text: String, line: Int, message: String) {
        #expect {
            _ = try ScanPlanFile.parse(text, file: "plan.yaml", environment: [:])
        } throws: { error in
            guard let error = error as? PortcullisError else { return false }
            return error.code == .invalidConfiguration && error.file == "plan.yaml" && error.line == line
                && error.reason.contains(message)
        }
    }

    @Test func choosesTheMozillaTLSProfile() throws {
        let plan = try ScanPlanFile.parse(
            "tls-profile: modern\nproviders:\n  - name: a\n    entry: https://x/\n",
            file: "/plans/p.yaml"
        )
        #expect(plan.tlsProfile == "modern")
    }

    @Test func readsTheSSOBlock() throws {
        let text = """
            providers:
              - name: a
                entry: https://lms.example/
                sso:
                  protected: [https://lms.example/courses, https://lms.example/admin]
                  issuer: https://login.example/realms/corp
                  client-id: lms
                  redirect-uris: [https://lms.example/oidc/callback]
                  post-logout-redirect-uri: https://lms.example/bye
                  logout: https://lms.example/logout
                  require-nonce: true
                  require-par: false
              - name: b
                entry: https://b.example/
            """
        let plan = try ScanPlanFile.parse(text, file: "/plans/p.yaml")
        let sso = try #require(plan.providers[0].sso)
        #expect(sso.protectedURLs.map(\.path) == ["/courses", "/admin"])
        #expect(sso.issuer?.absoluteString == "https://login.example/realms/corp")
        #expect(sso.clientID == "lms")
        #expect(sso.redirectURIs == ["https://lms.example/oidc/callback"])
        #expect(sso.logoutURL?.path == "/logout")
        #expect(sso.requiresNonce && sso.requiresPKCE && !sso.requiresPAR)
        #expect(plan.providers[1].sso == nil)
    }
}

@Suite struct FindingAccumulatorTests {
    static func engine() throws -> RuleEngine {
        try RuleEngine(catalog: ProfileTests.catalog, profile: .default, checkRules: RuleEngineTests.allIDs)
    }

    static func pageObservations(_ count: Int) -> [Observation] {
        (0..<count).map { .failed("headers.a", at: URL(string: "https://p.example/page/\($0)")!, "missing") }
    }

    @Test func capsLocationsButCountsEveryOccurrence() throws {
        var accumulator = FindingAccumulator(engine: try Self.engine())
        accumulator.add(contentsOf: Self.pageObservations(250))
        let finding = try #require(accumulator.findings().first)
        #expect(finding.locations.count == FindingAccumulator.maxLocations)
        #expect(finding.occurrences == 250)
        #expect(finding.locations == finding.locations.sorted())
    }

    @Test func resultDoesNotDependOnArrivalOrderOrSplitting() throws {
        let observations = Self.pageObservations(250) + RuleEngineTests.observations()
        var inOrder = FindingAccumulator(engine: try Self.engine())
        inOrder.add(contentsOf: observations)
        var shuffled = FindingAccumulator(engine: try Self.engine())
        var generator = SeededGenerator(seed: 7)
        shuffled.add(contentsOf: observations.shuffled(using: &generator))
        var first = FindingAccumulator(engine: try Self.engine())
        var second = FindingAccumulator(engine: try Self.engine())
        first.add(contentsOf: observations.prefix(120))
        second.add(contentsOf: observations.dropFirst(120))
        first.merge(second)
        #expect(inOrder.findings() == shuffled.findings())
        #expect(inOrder.findings() == first.findings())
    }

    @Test func unknownRuleIdsAreCollectedNotDropped() throws {
        var accumulator = FindingAccumulator(engine: try Self.engine())
        accumulator.add(.failed("headers.ghost", at: URL(string: "https://p.example/")!, "x"))
        #expect(accumulator.undeclaredRuleIDs == ["headers.ghost"])
        #expect(accumulator.findings().isEmpty)
    }
}

/// A small deterministic generator, so shuffles are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}
