public import PortcullisCore

/// Mozilla HTTP Observatory-compatible results, score and grade for one origin, computed from our spec-exact
/// analyses. Where the Observatory's own parsing departs from the specs (see docs/conformance.md), the result
/// follows the spec; the modifiers, extra-credit rule and grade chart are the MDN Observatory's.
public enum Observatory {
    /// What the grade is computed from: the final HTTPS response of the origin's entry page and facts the check
    /// layer supplies.
    public struct Input: Sendable {
        /// Headers of the final HTTPS response; nil when the origin has no working HTTPS.
        public var httpsHeaders: [HeaderField]?
        /// Whether the HTTPS certificate verified.
        public var certificateValid: Bool
        /// Whether the host is on the HSTS preload list (with includeSubDomains), if the caller knows.
        public var hstsPreloaded: Bool
        /// Every `Set-Cookie` line the scanned responses sent (one line per cookie).
        public var setCookieLines: [String]
        /// The `content` of each `<meta name=referrer>` in document order.
        public var metaReferrer: [String]
        /// CSP facts from the CSP module.
        public var csp: ObservatoryCSPFacts
        /// Whether an enforced header policy has `frame-ancestors`.
        public var enforcedFrameAncestors: Bool
        /// Results of tests computed elsewhere (redirection, subresource integrity, CORS), added as given.
        public var otherResults: [ObservatoryResult]

        /// Creates an input.
        public init(
            httpsHeaders: [HeaderField]?,
            certificateValid: Bool = true,
            hstsPreloaded: Bool = false,
            setCookieLines: [String] = [],
            metaReferrer: [String] = [],
            csp: ObservatoryCSPFacts = .notImplemented,
            enforcedFrameAncestors: Bool = false,
            otherResults: [ObservatoryResult] = []
        ) {
            self.httpsHeaders = httpsHeaders
            self.certificateValid = certificateValid
            self.hstsPreloaded = hstsPreloaded
            self.setCookieLines = setCookieLines
            self.metaReferrer = metaReferrer
            self.csp = csp
            self.enforcedFrameAncestors = enforcedFrameAncestors
            self.otherResults = otherResults
        }
    }

    /// A score, its grade and the results it was computed from.
    public struct Grade: Sendable, Hashable, Codable {
        /// The score (0 or more; above 100 with extra credit).
        public var score: Int
        /// The letter grade from A+ to F.
        public var grade: String
        /// The results, one per test.
        public var results: [ObservatoryResult]
    }

    /// Cookie names the Observatory never judges (set by CDNs, not the site).
    public static let ignoredCookieNames: Set = ["__cfduid", "heroku-session-affinity"]

    /// All per-test results and the grade for `input`.
    public static func grade(_ input: Input) -> Grade {
        let headers = input.httpsHeaders ?? []
        let hsts = hstsResult(input)
        var results = [input.csp.result, cookiesResult(input.setCookieLines, hstsProtects: hsts.passes)]
        results.append(referrerResult(ReferrerPolicy(headers: headers, metaValues: input.metaReferrer)))
        results.append(hsts)
        results.append(contentTypeOptionsResult(ContentTypeOptions(headers: headers)))
        results.append(
            frameOptionsResult(FrameOptions(headers: headers, enforcedFrameAncestors: input.enforcedFrameAncestors))
        )
        results.append(coopResult(CrossOriginOpenerPolicy(headers: headers)))
        results.append(coepResult(CrossOriginEmbedderPolicy(headers: headers)))
        results.append(corpResult(CrossOriginResourcePolicy(headers: headers)))
        results.append(contentsOf: input.otherResults)
        return grade(results: results)
    }

    /// The MDN/Python scoring: start at 100, add every modifier; if the score without bonuses is below 90, the
    /// bonuses are dropped; clamp at 0; grade from the chart in steps of five.
    public static func grade(results: [ObservatoryResult]) -> Grade {
        let withExtraCredit = 100 + results.map(\.modifier).reduce(0, +)
        let uncurved = 100 + results.map(\.modifier).filter { $0 < 0 }.reduce(0, +)
        let score = max(0, uncurved >= 90 ? withExtraCredit : uncurved)
        return Grade(score: score, grade: letter(score), results: results)
    }

    /// The MDN grade chart.
    public static func letter(_ score: Int) -> String {
        let bucket = min(score - score % 5, 100)
        let chart: [Int: String] = [
            100: "A+", 95: "A", 90: "A", 85: "A-", 80: "B+", 75: "B", 70: "B", 65: "B-", 60: "C+", 55: "C", 50: "C",
            45: "C-", 40: "D+", 35: "D", 30: "D", 25: "D-",
        ]
        return chart[bucket] ?? "F"
    }

    /// The HSTS test.
    public static func hstsResult(_ input: Input) -> ObservatoryResult {
        guard let headers = input.httpsHeaders else { return .hstsNotImplementedNoHttps }
        guard input.certificateValid else { return .hstsInvalidCert }
        if input.hstsPreloaded { return .hstsPreloaded }
        let hsts = StrictTransportSecurity(headers: headers, isHTTPS: true)
        switch hsts.state {
        case .absent, .ignoredOverPlainHTTP: return .hstsNotImplemented
        case .invalid: return .hstsHeaderInvalid
        case .valid:
            return (hsts.maxAge ?? 0) >= StrictTransportSecurity.sixMonths
                ? .hstsImplementedMaxAgeAtLeastSixMonths : .hstsImplementedMaxAgeLessThanSixMonths
        }
    }

    /// The X-Content-Type-Options test.
    public static func contentTypeOptionsResult(_ analysis: ContentTypeOptions) -> ObservatoryResult {
        if !analysis.present { return .xContentTypeOptionsNotImplemented }
        return analysis.nosniff ? .xContentTypeOptionsNosniff : .xContentTypeOptionsHeaderInvalid
    }

    /// The X-Frame-Options test (ALLOW-FROM and ALLOWALL give no protection per HTML, so they score as invalid).
    public static func frameOptionsResult(_ analysis: FrameOptions) -> ObservatoryResult {
        switch analysis.disposition {
        case .supersededByFrameAncestors: .xFrameOptionsImplementedViaCsp
        case .absent: .xFrameOptionsNotImplemented
        case .deny, .sameOrigin, .conflictingBlocks: .xFrameOptionsSameoriginOrDeny
        case .allowFrom, .allowAll, .invalid: .xFrameOptionsHeaderInvalid
        }
    }

    /// The Referrer-Policy test.
    public static func referrerResult(_ analysis: ReferrerPolicy) -> ObservatoryResult {
        guard let policy = analysis.policy else {
            return analysis.headerPresent ? .referrerPolicyHeaderInvalid : .referrerPolicyNotImplemented
        }
        return policy.classification == .privateToOrigin ? .referrerPolicyPrivate : .referrerPolicyUnsafe
    }

    /// The Cross-Origin-Opener-Policy test.
    public static func coopResult(_ analysis: CrossOriginOpenerPolicy) -> ObservatoryResult {
        switch (analysis.present, analysis.value) {
        case (false, _): .coopNotImplemented
        case (true, nil): .coopHeaderInvalid
        case (true, .sameOrigin?): .coopImplementedWithSameOrigin
        case (true, .sameOriginAllowPopups?): .coopImplementedWithSameOriginAllowPopups
        case (true, .noopenerAllowPopups?): .coopImplementedWithNoopenerAllowPopups
        case (true, .unsafeNone?): .coopImplementedWithUnsafeNone
        }
    }

    /// The Cross-Origin-Embedder-Policy test.
    public static func coepResult(_ analysis: CrossOriginEmbedderPolicy) -> ObservatoryResult {
        switch (analysis.present, analysis.value) {
        case (false, _): .coepNotImplemented
        case (true, nil): .coepHeaderInvalid
        case (true, .requireCorp?): .coepImplementedWithRequireCorp
        case (true, .credentialless?): .coepImplementedWithCredentialless
        case (true, .unsafeNone?): .coepImplementedWithUnsafeNone
        }
    }

    /// The Cross-Origin-Resource-Policy test.
    public static func corpResult(_ analysis: CrossOriginResourcePolicy) -> ObservatoryResult {
        switch (analysis.present, analysis.value) {
        case (false, _): .corpNotImplemented
        case (true, nil): .corpHeaderInvalid
        case (true, .sameOrigin?): .corpImplementedWithSameOrigin
        case (true, .sameSite?): .corpImplementedWithSameSite
        case (true, .crossOrigin?): .corpImplementedWithCrossOrigin
        }
    }

    /// The cookies test: the worst result over every cookie, using the Observatory's own name heuristics (session
    /// = name contains `login` or `sess`; anti-CSRF = contains `csrf`) so the score stays comparable;
    /// `hstsProtects` is whether the HSTS test passed.
    public static func cookiesResult(_ lines: [String], hstsProtects: Bool) -> ObservatoryResult {
        let parsed = lines.compactMap(SetCookie.init)
        guard !parsed.isEmpty else { return .cookiesNotFound }
        let cookies = parsed.filter { !ignoredCookieNames.contains($0.name) }
        let order = ObservatoryResult.allCases
        var worst: ObservatoryResult?
        func note(_ result: ObservatoryResult) {
            if let current = worst, (order.firstIndex(of: current) ?? 0) >= (order.firstIndex(of: result) ?? 0) {
                return
            }
            worst = result
        }
        var allSameSite = !cookies.isEmpty
        for cookie in cookies {
            let lower = cookie.name.lowercased()
            let session = lower.contains("login") || lower.contains("sess")
            let antiCSRF = lower.contains("csrf")
            switch cookie.sameSite {
            case nil:
                allSameSite = false
                if antiCSRF { note(.cookiesAnticsrfWithoutSamesiteFlag) }
            case .invalid?:
                allSameSite = false
                note(.cookiesSamesiteFlagInvalid)
            case SetCookie.SameSite.none?:
                if !cookie.secure { note(.cookiesSamesiteFlagInvalid) }
            default: break
            }
            if !cookie.secure {
                note(hstsProtects ? .cookiesWithoutSecureFlagButProtectedByHsts : .cookiesWithoutSecureFlag)
                if session {
                    note(
                        hstsProtects
                            ? .cookiesSessionWithoutSecureFlagButProtectedByHsts
                            : .cookiesSessionWithoutSecureFlag
                    )
                }
            }
            if session && !cookie.httpOnly { note(.cookiesSessionWithoutHttponlyFlag) }
        }
        return worst
            ?? (allSameSite
                ? .cookiesSecureWithHttponlySessionsAndSamesite
                : .cookiesSecureWithHttponlySessions)
    }
}
