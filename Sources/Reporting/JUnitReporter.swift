public import Foundation
public import PortcullisCore

/// Renders a scan result as JUnit XML, so any CI system can show and gate on it as test results.
///
/// There is one `<testsuite>` per provider (per origin for findings that match no target) and one `<testcase>`
/// per rule and location: `classname` is the rule id, `name` the URL (and element path). A finding that fails the
/// gate (see ``ReportOptions/fails(_:)``) is a `<failure>` whose message is the title, type the severity and text
/// the evidence; a suppressed finding is `<skipped>` with its reason; anything else passes, with the evidence in
/// `<system-out>`. Each rule that ran and found nothing for a provider is one passing test case, and a target
/// that could not be scanned is an `<error>`. All scanned text is XML-escaped and characters XML 1.0 forbids are
/// replaced, so a hostile page cannot break the document.
public enum JUnitReporter {
    /// Writes `result` to `stream`, gated by `options.failOn`.
    public static func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) {
        stream.write(render(result, options: options))
    }

    /// The JUnit XML bytes of `result`, gated by `options.failOn` (no failures at all when it is `nil`).
    public static func render(_ result: ScanResult, options: ReportOptions = ReportOptions()) -> Data {
        let suites = JUnitSuiteBuilder(result: result, options: options).suites()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let totals = suites.reduce(into: JUnitCounts()) { $0.add($1.counts) }
        xml += "<testsuites name=\"\(XMLText.escape(result.tool.name))\"\(totals.attributes)"
        xml += " time=\"\(String(format: "%.3f", ReportTime.durationSeconds(result)))\">\n"
        let timestamp = ReportTime.iso8601(result.startedAt)
        for (index, suite) in suites.enumerated() {
            xml += "  <testsuite id=\"\(index)\" name=\"\(XMLText.escape(suite.name))\"\(suite.counts.attributes)"
            xml += " timestamp=\"\(timestamp)\">\n"
            xml += "    <properties>\n"
            xml += "      <property name=\"profile\" value=\"\(XMLText.escape(result.profile))\"/>\n"
            xml += "      <property name=\"tool.version\" value=\"\(XMLText.escape(result.tool.version))\"/>\n"
            xml += "    </properties>\n"
            for testCase in suite.cases { xml += testCase.xml }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return Data(xml.utf8)
    }
}

/// Test, failure, error and skipped totals of a suite or of the whole document.
struct JUnitCounts: Sendable, Hashable {
    var tests = 0
    var failures = 0
    var errors = 0
    var skipped = 0

    mutating func add(_ other: JUnitCounts) {
        tests += other.tests
        failures += other.failures
        errors += other.errors
        skipped += other.skipped
    }

    /// ` tests="…" failures="…" errors="…" skipped="…"`.
    var attributes: String {
        " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
    }
}

/// One `<testcase>` and what it counts as.
struct JUnitCase: Sendable {
    enum Outcome: Sendable {
        case passed(output: String?)
        case failure(message: String, type: String, text: String)
        case skipped(message: String)
        case error(message: String, text: String)
    }

    var classname: String
    var name: String
    var outcome: Outcome

    var xml: String {
        let open =
            "    <testcase classname=\"\(XMLText.escape(classname))\" name=\"\(XMLText.escape(name))\" time=\"0\""
        switch outcome {
        case .passed(nil):
            return open + "/>\n"
        case .passed(let output?):
            return open + ">\n      <system-out>\(XMLText.escape(output))</system-out>\n    </testcase>\n"
        case .failure(let message, let type, let text):
            return open + ">\n      <failure message=\"\(XMLText.escape(message))\" type=\"\(XMLText.escape(type))\">"
                + XMLText.escape(text) + "</failure>\n    </testcase>\n"
        case .skipped(let message):
            return open + ">\n      <skipped message=\"\(XMLText.escape(message))\"/>\n    </testcase>\n"
        case .error(let message, let text):
            return open + ">\n      <error message=\"\(XMLText.escape(message))\" type=\"scan\">"
                + XMLText.escape(text) + "</error>\n    </testcase>\n"
        }
    }

    var counts: JUnitCounts {
        switch outcome {
        case .passed: return JUnitCounts(tests: 1)
        case .failure: return JUnitCounts(tests: 1, failures: 1)
        case .skipped: return JUnitCounts(tests: 1, skipped: 1)
        case .error: return JUnitCounts(tests: 1, errors: 1)
        }
    }
}

/// One `<testsuite>`: a provider (or an origin) and its test cases.
struct JUnitSuite: Sendable {
    var name: String
    var cases: [JUnitCase]

    var counts: JUnitCounts { cases.reduce(into: JUnitCounts()) { $0.add($1.counts) } }
}

/// Groups a scan result into JUnit suites and cases in a stable order.
struct JUnitSuiteBuilder {
    var result: ScanResult
    var options: ReportOptions

    func suites() -> [JUnitSuite] {
        let providers = ReportProviders(result.targets)
        var cases: [String: [JUnitCase]] = [:]
        var rulesFound: [String: Set<RuleID>] = [:]
        for target in result.targets {
            cases[target.provider, default: []].append(contentsOf: targetCases(target))
        }
        for finding in ReportOrder.findings(result.findings) {
            let group = providers.group(of: finding)
            rulesFound[group, default: []].insert(finding.ruleID)
            cases[group, default: []].append(contentsOf: findingCases(finding))
        }
        let scannedProviders = Set(result.targets.filter { $0.status == .scanned }.map(\.provider))
        let rules = ReportOrder.rules(result.rules)
        for provider in scannedProviders {
            let found = rulesFound[provider] ?? []
            for rule in rules where !found.contains(rule.id) {
                cases[provider, default: []].append(
                    JUnitCase(classname: rule.id.rawValue, name: "no findings", outcome: .passed(output: nil))
                )
            }
        }
        return cases.keys.sorted().map { JUnitSuite(name: $0, cases: cases[$0] ?? []) }
    }

    private func targetCases(_ target: TargetResult) -> [JUnitCase] {
        guard target.status == .failed else { return [] }
        let problems = result.problems.filter { $0.url == target.url }.map { "\($0.kind): \($0.message)" }
        return [
            JUnitCase(
                classname: "scan.target",
                name: target.url,
                outcome: .error(
                    message: "target could not be scanned",
                    text: problems.joined(separator: "\n")
                )
            )
        ]
    }

    private func findingCases(_ finding: Finding) -> [JUnitCase] {
        let locations = finding.locations.isEmpty ? [Location(url: finding.origin)] : finding.locations
        return locations.map { location in
            let name = location.elementPath.map { "\(location.url) \($0)" } ?? location.url
            let evidence = location.snippet ?? finding.message
            let outcome: JUnitCase.Outcome
            if let suppression = finding.suppression {
                outcome = .skipped(message: "suppressed: \(suppression)")
            } else if options.fails(finding) {
                outcome = .failure(message: finding.title, type: finding.severity.rawValue, text: evidence)
            } else {
                let note = finding.needsReview ? "needs review" : finding.severity.rawValue
                outcome = .passed(output: "\(note): \(finding.title)\n\(evidence)")
            }
            return JUnitCase(classname: finding.ruleID.rawValue, name: name, outcome: outcome)
        }
    }
}
