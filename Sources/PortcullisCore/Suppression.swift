public import Foundation
import Yams

/// A user's decision that a rule does not apply to some element or page, with the reason: suppressed findings stay
/// in every report, marked as suppressed with the reason, and no longer fail the gate.
///
/// Written in a plan file (`suppressions:`) or a file given with `--suppressions`, one entry per rule and place:
/// ```yaml
/// - rule: a11y.image-alt          # a rule id, or a prefix ending in * (a11y.*)
///   selector: "header img.logo"   # or xpath: //header//img; neither = every element / the whole page
///   url: "^https://lms\\.example/legacy/"   # optional regular expression on the page URL
///   reason: The logo's name comes from the adjacent link text (ticket A11Y-42)
/// ```
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

    /// Creates a suppression.
    public init(
        rule: String,
        selector: String? = nil,
        xpath: String? = nil,
        url: String? = nil,
        reason: String,
        source: String = ""
    ) {
        self.rule = rule
        self.selector = selector
        self.xpath = xpath
        self.url = url
        self.reason = reason
        self.source = source
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

    /// The text reports show: the reason and where it was written.
    public var label: String { source.isEmpty ? reason : "\(reason) (\(source))" }

    private static let keys: Set<String> = ["rule", "selector", "xpath", "url", "reason"]

    /// Reads a `--suppressions` file: a list of entries, or a mapping with a `suppressions` list.
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
            result.append(
                Suppression(
                    rule: rule,
                    selector: selector,
                    xpath: xpath,
                    url: url,
                    reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                    source: "\((file as NSString).lastPathComponent):\(map.line ?? 0)"
                )
            )
        }
        return result
    }
}
