import Foundation
import PortcullisCore
import TestSupport
import Testing

/// Suppression files: what they cover, and every malformed entry named by file and line.
@Suite struct SuppressionTests {
    static func write(_ text: String) throws -> String {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("suppressions.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func readsAListOrAMappingAndCoversRulesAndURLs() throws {
        let list = try Suppression.load(
            file: try Self.write(
                """
                - rule: a11y.image-alt
                  selector: header img.logo
                  reason: The logo is named by the link around it
                - rule: headers.*
                  url: '^https://legacy\\.example/'
                  reason: Legacy host, retired in Q3
                """
            )
        )
        #expect(list.count == 2)
        #expect(list[0].covers(RuleID("a11y.image-alt")))
        #expect(!list[0].covers(RuleID("a11y.image-alt-extra")))
        #expect(list[0].namesElements)
        #expect(list[0].label.hasPrefix("The logo is named by the link around it (suppressions.yaml:1)"))
        #expect(list[1].covers(RuleID("headers.csp-missing")))
        #expect(list[1].covers(url: URL(string: "https://legacy.example/a")!))
        #expect(!list[1].covers(url: URL(string: "https://new.example/")!))
        let mapped = try Suppression.load(
            file: try Self.write("suppressions:\n  - rule: tls.cert.no-sct\n    reason: private CA\n")
        )
        #expect(mapped.map(\.rule) == ["tls.cert.no-sct"])
    }

    @Test(arguments: [
        ("- rule: a11y.image-alt\n", 1, "missing required key 'reason'"),
        ("- rule: A11Y\n  reason: x\n", 1, "'rule' must be a rule id"),
        ("- rule: a\n  selector: img\n  xpath: //img\n  reason: x\n", 1, "either 'selector' or 'xpath'"),
        ("- rule: a\n  url: '('\n  reason: x\n", 2, "not a valid regular expression"),
        ("- rule: a\n  reasons: x\n", 2, "unknown key 'reasons'"),
        ("rule: a\n", 1, "unknown key 'rule'"),
        ("- rule: a\n  reason: x\n  expires: 2027-02-30\n", 3, "'expires' must be a calendar date"),
        ("- rule: a\n  reason: x\n  expires: next week\n", 3, "YYYY-MM-DD (got 'next week')"),
        ("- rule: a\n  reason: x\n  expires: 2027-1-5\n", 3, "'expires' must be a calendar date"),
        ("- rule: a\n  reason: x\n  owner: ''\n", 3, "'owner' must be a non-empty string"),
        ("- rule: a\n  reason: x\n\n  expiry: 2027-01-05\n", 4, "unknown key 'expiry'"),
    ])
    func malformedEntriesNameFileAndLine(text: String, line: Int, message: String) throws {
        let file = try Self.write(text)
        do {
            _ = try Suppression.load(file: file)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.reason.contains(message), "\(error)")
        }
    }

    @Test func readsWaiverFieldsAndShowsOwnerTicketAndExpiryInTheLabel() throws {
        let list = try Suppression.load(
            file: try Self.write(
                """
                - rule: headers.csp-missing
                  provider: lms
                  url: '^https://lms\\.example/'
                  reason: Vendor ships a CSP in release 12
                  owner: web-team@example.org
                  ticket: SEC-1234
                  expires: 2027-03-31
                - rule: tls.*
                  reason: No owner given
                """
            )
        )
        #expect(list.count == 2)
        let waiver = list[0]
        #expect(waiver.owner == "web-team@example.org")
        #expect(waiver.ticket == "SEC-1234")
        #expect(waiver.expires == "2027-03-31")
        #expect(waiver.provider == "lms")
        #expect(waiver.covers(provider: "lms"))
        #expect(!waiver.covers(provider: "lms-staging"))
        #expect(list[1].covers(provider: "anything"))
        #expect(
            waiver.label
                == "Vendor ships a CSP in release 12 [owner: web-team@example.org, ticket: SEC-1234, "
                + "expires: 2027-03-31] (suppressions.yaml:1)"
        )
        #expect(list[1].label == "No owner given (suppressions.yaml:8)")
        #expect(list[1].owner == nil && list[1].expires == nil && list[1].provider == nil)
    }

    @Test func expiresAfterItsLastDayInUTC() throws {
        let waiver = Suppression(rule: "a", reason: "x", expires: "2027-03-31")
        let utc = TimeZone(identifier: "UTC")!
        func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int) -> Date {
            DateComponents(
                calendar: Calendar(identifier: .gregorian),
                timeZone: utc,
                year: year,
                month: month,
                day: day,
                hour: hour
            ).date!
        }
        #expect(!waiver.isExpired(asOf: date(2027, 3, 30, 12)))
        #expect(!waiver.isExpired(asOf: date(2027, 3, 31, 23)), "the expiry day itself still applies")
        #expect(waiver.isExpired(asOf: date(2027, 4, 1, 0)))
        #expect(waiver.isExpired(asOf: date(2028, 1, 1, 0)))
        #expect(!Suppression(rule: "a", reason: "x").isExpired(asOf: date(2999, 1, 1, 0)))
        #expect(Suppression.day(of: date(2027, 4, 1, 0)) == "2027-04-01")
    }
}
