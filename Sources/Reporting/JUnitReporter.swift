public import Foundation
public import PortcullisCore

/// Renders a scan result as JUnit XML, so any CI system can show and gate on it as test results.
///
/// There is one `<testsuite>` per provider (per origin for findings that match no target) and one `<testcase>`
/// per rule and location: `classname` is the rule id, `name` the URL (and element path). A finding that fails the
/// gate (see ``ReportOptions/fails(_:)``) is a `<failure>` whose message is the title, type the severity and text
/// the evidence; a waived (suppressed) finding is `<skipped>` with its reason, and a waiver's owner, ticket, expiry
/// and source one per line inside; anything else passes, with the evidence in `<system-out>`. Each rule that ran
/// and found nothing for a provider is one passing test case, and a target that could not be scanned is an
/// `<error>`. All scanned text is XML-escaped and characters XML 1.0 forbids are replaced, so a hostile page cannot
/// break the document. Test cases are written straight into the stream as they are reached; only the counts each
/// `<testsuite>` tag carries are worked out first.
public enum JUnitReporter {
    /// Writes `result` to `stream`, gated by `options.failOn` (no failures at all when it is `nil`).
    public static func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) {
        let suites = JUnitSuitePlan(result: result, options: options)
        stream.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" as StaticString)
        XMLText.write(result.tool.name, to: stream)
        stream.write("\"" as StaticString)
        suites.totals.write(to: stream)
        stream.write(" time=\"\(String(format: "%.3f", ReportTime.durationSeconds(result)))\">\n")
        let timestamp = ReportTime.iso8601(result.startedAt)
        for (index, suite) in suites.suites.enumerated() {
            stream.write("  <testsuite id=\"" as StaticString)
            stream.write(decimal: index)
            stream.write("\" name=\"" as StaticString)
            XMLText.write(suite.name, to: stream)
            stream.write("\"" as StaticString)
            suite.counts.write(to: stream)
            stream.write(" timestamp=\"\(timestamp)\">\n    <properties>\n")
            stream.write("      <property name=\"profile\" value=\"" as StaticString)
            XMLText.write(result.profile, to: stream)
            stream.write("\"/>\n      <property name=\"tool.version\" value=\"" as StaticString)
            XMLText.write(result.tool.version, to: stream)
            stream.write("\"/>\n    </properties>\n" as StaticString)
            suites.writeCases(of: suite, to: stream)
            stream.write("  </testsuite>\n" as StaticString)
        }
        stream.write("</testsuites>\n" as StaticString)
    }

    /// The JUnit XML bytes of `result`, gated by `options.failOn` (no failures at all when it is `nil`).
    public static func render(_ result: ScanResult, options: ReportOptions = ReportOptions()) -> Data {
        let stream = ReportStream()
        write(result, options: options, to: stream)
        return stream.bytes
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

    /// Writes ` tests="…" failures="…" errors="…" skipped="…"`.
    func write(to stream: ReportStream) {
        stream.write(" tests=\"" as StaticString)
        stream.write(decimal: tests)
        stream.write("\" failures=\"" as StaticString)
        stream.write(decimal: failures)
        stream.write("\" errors=\"" as StaticString)
        stream.write(decimal: errors)
        stream.write("\" skipped=\"" as StaticString)
        stream.write(decimal: skipped)
        stream.write("\"" as StaticString)
    }
}

/// What a finding's test cases report: the gate decides between failure and pass, a waiver skips.
enum JUnitOutcome {
    case passed
    case failure
    case skipped

    init(_ finding: Finding, options: ReportOptions) {
        if finding.suppression != nil {
            self = .skipped
        } else if options.fails(finding) {
            self = .failure
        } else {
            self = .passed
        }
    }
}

/// A scan result grouped into JUnit suites in a stable order, with each suite's counts, ready to be written.
///
/// A suite holds, in order: an error case per target of its provider that could not be scanned, a case per
/// location of its findings (report order), and a passing case per rule that found nothing (scanned providers).
struct JUnitSuitePlan {
    /// One `<testsuite>`: a provider (or an origin) and what its cases are made of.
    struct Suite {
        var name: String
        var failedTargets: [TargetResult] = []
        /// Indices into the result's findings, in report order.
        var findings: [Int] = []
        /// Rules that found nothing here (only for scanned providers), in rule order.
        var quietRules: [RuleID] = []
        var counts = JUnitCounts()
    }

    let result: ScanResult
    let options: ReportOptions
    private(set) var suites: [Suite] = []
    private(set) var totals = JUnitCounts()

    init(result: ScanResult, options: ReportOptions) {
        self.result = result
        self.options = options
        var byName: [String: Suite] = [:]
        for target in result.targets {
            var suite = byName[target.provider] ?? Suite(name: target.provider)
            if target.status == .failed {
                suite.failedTargets.append(target)
                suite.counts.add(JUnitCounts(tests: 1, errors: 1))
            }
            byName[target.provider] = suite
        }
        let providers = ReportProviders(result.targets, findings: result.findings)
        var rulesFound: [String: Set<RuleID>] = [:]
        let findings = result.findings
        for index in ReportOrder.indices(findings) {
            let finding = findings[index]
            let group = providers.group(of: finding)
            rulesFound[group, default: []].insert(finding.ruleID)
            let cases = max(1, finding.locations.count)
            var counts = JUnitCounts(tests: cases)
            switch JUnitOutcome(finding, options: options) {
            case .passed: break
            case .failure: counts.failures = cases
            case .skipped: counts.skipped = cases
            }
            byName[group, default: Suite(name: group)].findings.append(index)
            byName[group, default: Suite(name: group)].counts.add(counts)
        }
        let scannedProviders = Set(result.targets.filter { $0.status == .scanned }.map(\.provider))
        let rules = ReportOrder.rules(result.rules)
        for provider in scannedProviders {
            let found = rulesFound[provider] ?? []
            let quiet = rules.map(\.id).filter { !found.contains($0) }
            byName[provider, default: Suite(name: provider)].quietRules = quiet
            byName[provider, default: Suite(name: provider)].counts.add(JUnitCounts(tests: quiet.count))
        }
        suites = byName.keys.sorted().compactMap { byName[$0] }
        totals = suites.reduce(into: JUnitCounts()) { $0.add($1.counts) }
    }

    /// Writes every `<testcase>` of `suite`.
    func writeCases(of suite: Suite, to stream: ReportStream) {
        for target in suite.failedTargets {
            let problems = result.problems.filter { $0.url == target.url }.map { "\($0.kind): \($0.message)" }
            writeOpen(classname: "scan.target", url: target.url, elementPath: nil, to: stream)
            stream.write(">\n      <error message=\"target could not be scanned\" type=\"scan\">" as StaticString)
            XMLText.write(problems.joined(separator: "\n"), to: stream)
            stream.write("</error>\n    </testcase>\n" as StaticString)
        }
        for index in suite.findings {
            writeCases(of: result.findings[index], to: stream)
        }
        for rule in suite.quietRules {
            writeOpen(classname: rule.rawValue, url: "no findings", elementPath: nil, to: stream)
            stream.write("/>\n" as StaticString)
        }
    }

    /// Writes one `<testcase>` per location of `finding` (one at its origin when it has none).
    private func writeCases(of finding: Finding, to stream: ReportStream) {
        let outcome = JUnitOutcome(finding, options: options)
        let locations = ReportOrder.sortedLocations(finding.locations)
        for location in locations.isEmpty ? [Location(url: finding.origin)] : locations {
            writeOpen(
                classname: finding.ruleID.rawValue,
                url: location.url,
                elementPath: location.elementPath,
                to: stream
            )
            let evidence = location.snippet ?? finding.message
            switch outcome {
            case .skipped:
                writeSkipped(finding, to: stream)
            case .failure:
                stream.write(">\n      <failure message=\"" as StaticString)
                XMLText.write(finding.title, to: stream)
                stream.write("\" type=\"" as StaticString)
                XMLText.write(finding.severity.rawValue, to: stream)
                stream.write("\">" as StaticString)
                XMLText.write(evidence, to: stream)
                stream.write("</failure>\n    </testcase>\n" as StaticString)
            case .passed:
                stream.write(">\n      <system-out>" as StaticString)
                XMLText.write(finding.needsReview ? "needs review" : finding.severity.rawValue, to: stream)
                stream.write(": " as StaticString)
                XMLText.write(finding.title, to: stream)
                stream.write("&#10;" as StaticString)
                XMLText.write(evidence, to: stream)
                stream.write("</system-out>\n    </testcase>\n" as StaticString)
            }
        }
    }

    /// Writes `<skipped>` for a waived finding: the waiver's label (reason, owner, ticket, expiry, source) as the
    /// message and each detail on its own line inside; a bare suppression label for a finding without one.
    private func writeSkipped(_ finding: Finding, to stream: ReportStream) {
        stream.write(">\n      <skipped message=\"" as StaticString)
        guard let waiver = finding.waiver else {
            XMLText.write("suppressed: \(finding.suppression ?? "")", to: stream)
            stream.write("\"/>\n    </testcase>\n" as StaticString)
            return
        }
        XMLText.write("waived: \(waiver.label)", to: stream)
        stream.write("\">" as StaticString)
        let details: [(String, String?)] = [
            ("reason", waiver.reason), ("owner", waiver.owner), ("ticket", waiver.ticket),
            ("expires", waiver.expires), ("source", waiver.source.isEmpty ? nil : waiver.source),
        ]
        let lines = details.compactMap { name, value in value.map { "\(name): \($0)" } }
        XMLText.write(lines.joined(separator: "\n"), to: stream)
        stream.write("</skipped>\n    </testcase>\n" as StaticString)
    }

    /// Writes `    <testcase classname="…" name="URL[ element]" time="0"`, leaving the tag open.
    private func writeOpen(classname: String, url: String, elementPath: String?, to stream: ReportStream) {
        stream.write("    <testcase classname=\"" as StaticString)
        XMLText.write(classname, to: stream)
        stream.write("\" name=\"" as StaticString)
        XMLText.write(url, to: stream)
        if let elementPath {
            stream.write(byte: UInt8(ascii: " "))
            XMLText.write(elementPath, to: stream)
        }
        stream.write("\" time=\"0\"" as StaticString)
    }
}
