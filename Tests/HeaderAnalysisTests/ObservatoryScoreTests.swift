import Foundation
import HeaderAnalysis
import PortcullisCore
import TestSupport
import Testing

/// The score table, grade chart and scoring rule match `observatory-score-tables.json` (MDN, algorithm v6).
@Suite struct ObservatoryScoreTests {
    static func tables() throws -> [String: Any] {
        let url = TestPaths.shared.appendingPathComponent("corpora/csp/observatory-score-tables.json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    @Test func modifiersMatchTheMDNTable() throws {
        let mdn = try Self.tables()["mdn_observatory"] as? [String: Any]
        let table = try #require(mdn?["scoreTable"] as? [String: [String: Any]])
        #expect(Set(table.keys) == Set(ObservatoryResult.allCases.map(\.rawValue)))
        for result in ObservatoryResult.allCases {
            #expect(table[result.rawValue]?["modifier"] as? Int == result.modifier, "\(result.rawValue)")
        }
    }

    @Test func gradeChartMatches() throws {
        let mdn = try Self.tables()["mdn_observatory"] as? [String: Any]
        let chart = try #require(mdn?["gradeChart"] as? [String: String])
        for (score, grade) in chart { #expect(Observatory.letter(Int(score) ?? -1) == grade, "\(score)") }
        #expect(Observatory.letter(137) == "A+")
        #expect(Observatory.letter(84) == "B+")
        #expect(Observatory.letter(0) == "F")
    }

    @Test func extraCreditOnlyAtNinetyOrAbove() {
        // 100 - 5 + 10 + 10: uncurved 95 ≥ 90 so bonuses count.
        let bonus = Observatory.grade(results: [
            .xContentTypeOptionsNotImplemented, .coopImplementedWithSameOrigin, .corpImplementedWithSameSite,
        ])
        #expect(bonus.score == 115)
        #expect(bonus.grade == "A+")
        // 100 - 20 + 10: uncurved 80 < 90 so the +10 is dropped.
        let noBonus = Observatory.grade(results: [.hstsNotImplemented, .coopImplementedWithSameOrigin])
        #expect(noBonus.score == 80)
        #expect(noBonus.grade == "B+")
        #expect(Observatory.grade(results: Array(repeating: .cspNotImplemented, count: 6)).score == 0)
    }

    @Test func wholeOriginGrade() {
        let good = Observatory.grade(
            Observatory.Input(
                httpsHeaders: fields([
                    ("Strict-Transport-Security", "max-age=63072000; includeSubDomains"),
                    ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                    ("Cross-Origin-Opener-Policy", "same-origin"),
                ]),
                setCookieLines: ["__Host-SESSION=x; Secure; HttpOnly; Path=/; SameSite=Lax"],
                csp: ObservatoryCSPFacts(presence: .implemented, defaultSrcNone: true),
                enforcedFrameAncestors: true
            )
        )
        #expect(good.results.contains(.xFrameOptionsImplementedViaCsp))
        #expect(good.results.contains(.cookiesSecureWithHttponlySessionsAndSamesite))
        #expect(good.score == 135)
        #expect(good.grade == "A+")
        let bad = Observatory.grade(Observatory.Input(httpsHeaders: nil, setCookieLines: ["SESSIONID=x"]))
        #expect(bad.results.contains(.hstsNotImplementedNoHttps))
        #expect(bad.results.contains(.cookiesSessionWithoutSecureFlag))
        #expect(bad.grade == "F")
    }

    @Test func cookieResultEdges() {
        #expect(Observatory.cookiesResult([], hstsProtects: false) == .cookiesNotFound)
        #expect(Observatory.cookiesResult(["a=b\u{1}"], hstsProtects: false) == .cookiesNotFound)
        #expect(Observatory.cookiesResult(["__cfduid=x"], hstsProtects: false) == .cookiesSecureWithHttponlySessions)
        #expect(Observatory.cookiesResult(["x=1; SameSite=None"], hstsProtects: true) == .cookiesSamesiteFlagInvalid)
        // The worst result wins, in the table's goodness order.
        let lines = ["loginid=x; Secure", "SESSIONID=y; HttpOnly"]
        #expect(Observatory.cookiesResult(lines, hstsProtects: false) == .cookiesSessionWithoutSecureFlag)
        #expect(Observatory.cookiesResult(lines, hstsProtects: true) == .cookiesSessionWithoutHttponlyFlag)
    }

    @Test(arguments: [
        (ObservatoryCSPFacts(presence: .reportOnly), ObservatoryResult.cspNotImplementedButReportingEnabled),
        (
            ObservatoryCSPFacts(presence: .implemented, unsafeScripts: true, unsafeEval: true),
            .cspImplementedWithUnsafeInline
        ),
        (
            ObservatoryCSPFacts(presence: .implemented, unsafeEval: true, insecureSchemePassive: true),
            .cspImplementedWithUnsafeEval
        ),
        (ObservatoryCSPFacts(presence: .implemented, defaultSrcNone: true), .cspImplementedWithNoUnsafeDefaultSrcNone),
        (
            ObservatoryCSPFacts(presence: .implemented, unsafeStyles: true, defaultSrcNone: true),
            .cspImplementedWithUnsafeInlineInStyleSrcOnly
        ),
    ])
    func cspFactsPrecedence(facts: ObservatoryCSPFacts, expected: ObservatoryResult) {
        #expect(facts.result == expected)
    }
}
