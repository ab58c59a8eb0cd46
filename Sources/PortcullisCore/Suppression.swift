public import Foundation
import Yams

/// A user's decision that a rule does not apply to some element or page, with the reason (a waiver): waived findings
/// stay in every report, marked with the reason, owner and expiry, and no longer fail the gate.
///
/// Written in a plan file (`suppressions:`) or a file given with `--waivers` (alias `--suppressions`), one entry per
/// rule and place:
/// ```yaml
/// - rule: a11y.image-alt          # a rule id, or a prefix ending in * (a11y.*)
///   provider: lms                 # optional: only this provider of the plan
///   selector: "header img.logo"   # or xpath: //header//img; neither = every element / the whole page
///   url: "^https://lms\\.example/legacy/"   # optional regular expression on the page URL
///   reason: The logo's name comes from the adjacent link text
///   owner: web-team@example.org   # optional: who answers for the decision
///   ticket: A11Y-42               # optional: where it is tracked
///   expires: 2027-03-31           # optional: the last day (UTC) the waiver applies
/// ```
/// An expired entry no longer applies and is reported as expired; an entry that covers nothing in a scan is
/// reported as stale (see ``WaiverNote``).
public struct Suppression: Sendable, Hashable, Codable {
    /// The rule id or `prefix*` pattern.
    public var rule: String
    /// A CSS selector (the subset of ``PortcullisHTML/CSSSelector``) naming the elements.
    public var selector: String?
    /// An XPath 1.0 expression naming the elements.
    public var xpath: String?
    /// A regular expression the page URL must match.
    public var url: String?
    /// Why the finding does not apply: shown next to it in every report.
    public var reason: String
    /// Where the entry was written (`file:line`), for error messages and reports.
    public var source: String
    /// Who answers for the decision (a person or team), shown with the finding.
    public var owner: String?
    /// The ticket tracking the decision.
    public var ticket: String?
    /// The last day the entry applies, `YYYY-MM-DD` (a valid calendar date, read as UTC); nil never expires.
    public var expires: String?
    /// The name of the one provider of the plan the entry applies to; nil applies to every provider.
    public var provider: String?

    /// Creates a suppression.
    public init(
        rule: String,
        selector: String? = nil,
        xpath: String? = nil,
        url: String? = nil,
        reason: String,
        source: String = "",
        owner: String? = nil,
        ticket: String? = nil,
        expires: String? = nil,
        provider: String? = nil
    ) {
        self.rule = rule
        self.selector = selector
        self.xpath = xpath
        self.url = url
        self.reason = reason
        self.source = source
        self.owner = owner
        self.ticket = ticket
        self.expires = expires
        self.provider = provider
    }

    /// Whether the entry covers `ruleID` (exact, or by a `prefix*` pattern).
    public func covers(_ ruleID: RuleID) -> Bool {
        rule.hasSuffix("*") ? ruleID.rawValue.hasPrefix(String(rule.dropLast())) : ruleID.rawValue == rule
    }

    /// Whether the entry covers the page `url` (always, without a `url` pattern).
    public func covers(url page: URL) -> Bool {
        guard let url else { return true }
        return page.absoluteString.range(of: url, options: .regularExpression) != nil
    }

    /// Whether the entry names elements (a selector or an XPath) rather than the whole page.
    public var namesElements: Bool { selector != nil || xpath != nil }

    /// Whether the entry covers the provider named `name` (always, without a `provider`).
    public func covers(provider name: String) -> Bool { provider.map { $0 == name } ?? true }

    /// Whether the entry has expired by `date`: its `expires` day (UTC) is before the day of `date`.
    public func isExpired(asOf date: Date) -> Bool {
        guard let expires else { return false }
        return expires < Self.day(of: date)
    }

    /// The text reports show: the reason, then owner, ticket and expiry when given, then where it was written.
    public var label: String {
        let details = [owner.map { "owner: \($0)" }, ticket.map { "ticket: \($0)" }, expires.map { "expires: \($0)" }]
            .compactMap { $0 }
        var text = reason
        if !details.isEmpty { text += " [\(details.joined(separator: ", "))]" }
        return source.isEmpty ? text : "\(text) (\(source))"
    }

    /// The `YYYY-MM-DD` day of `date` in UTC, the form `expires` is written in.
    public static func day(of date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Whether `text` is a real calendar day written `YYYY-MM-DD` (so 2027-02-30 is rejected).
    static func isDay(_ text: String) -> Bool {
        guard text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil else {
            return false
        }
        let numbers = text.split(separator: "-").compactMap { Int($0) }
        let parts = DateComponents(
            calendar: Calendar(identifier: .gregorian),
            timeZone: .gmt,
            year: numbers[0],
            month: numbers[1],
            day: numbers[2]
        )
        return parts.isValidDate
    }

    private static let keys: Set<String> = [
        "rule", "selector", "xpath", "url", "reason", "owner", "ticket", "expires", "provider",
    ]

    /// Reads a `--waivers` (or `--suppressions`) file: a list of entries, or a mapping with a `suppressions` list.
    public static func load(file: String) throws(PortcullisError) -> [Suppression] {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw PortcullisError(.io, "cannot read: \(error.localizedDescription)", file: file)
        }
        guard let root = try YAMLDocument.parse(text, file: file, code: .invalidConfiguration) else { return [] }
        if case .mapping = root {
            let map = try YAMLMapping(root, file: file, what: "a suppressions file", code: .invalidConfiguration)
            try map.rejectUnknownKeys(["suppressions"], in: "a suppressions file")
            return try map.node("suppressions").map { node throws(PortcullisError) in try parse(node, file: file) }
                ?? []
        }
        return try parse(root, file: file)
    }

    /// Parses a YAML list of entries, validating each with its file and line.
    static func parse(_ node: Node, file: String) throws(PortcullisError) -> [Suppression] {
        guard case .sequence(let entries) = node else {
            throw PortcullisError(
                .invalidConfiguration,
                "suppressions must be a list",
                file: file,
                line: node.mark?.line
            )
        }
        var result: [Suppression] = []
        for entry in entries {
            let map = try YAMLMapping(entry, file: file, what: "a suppression", code: .invalidConfiguration)
            try map.rejectUnknownKeys(keys, in: "a suppression")
            let rule = try map.requiredString("rule")
            guard rule.range(of: #"^(\*|[a-z0-9]+(\.[a-z0-9*-]+)*\*?)$"#, options: .regularExpression) != nil else {
                throw map.error(
                    "'rule' must be a rule id or a prefix ending in * (got '\(rule)')",
                    at: map.node("rule")
                )
            }
            let selector = try map.string("selector", required: false)
            let xpath = try map.string("xpath", required: false)
            if selector != nil, xpath != nil { throw map.error("give either 'selector' or 'xpath', not both") }
            let url = try map.string("url", required: false)
            if let url, (try? NSRegularExpression(pattern: url)) == nil {
                throw map.error("'url' is not a valid regular expression: \(url)", at: map.node("url"))
            }
            let reason = try map.requiredString("reason")
            let expires = try map.string("expires", required: false)?.trimmingCharacters(in: .whitespaces)
            if let expires, !isDay(expires) {
                throw map.error(
                    "'expires' must be a calendar date written YYYY-MM-DD (got '\(expires)')",
                    at: map.node("expires")
                )
            }
            func text(_ key: String) throws(PortcullisError) -> String? {
                try map.string(key, required: false)?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            result.append(
                Suppression(
                    rule: rule,
                    selector: selector,
                    xpath: xpath,
                    url: url,
                    reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                    source: "\((file as NSString).lastPathComponent):\(map.line ?? 0)",
                    owner: try text("owner"),
                    ticket: try text("ticket"),
                    expires: expires,
                    provider: try text("provider")
                )
            )
        }
        return result
    }
}
