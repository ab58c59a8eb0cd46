public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an `autocomplete` value that is not a valid HTML autofill detail token list, so browsers and assistive
/// technology cannot identify the purpose of the field (WCAG 1.3.5; axe `autocomplete-valid`; ACT 73f2c2).
///
/// Grammar (HTML "autofill detail tokens", case-insensitive): `[section-*] [shipping|billing]
/// [home|work|mobile|fax|pager] field-name [webauthn]`, where the contact part (`home`, `work`, …) is allowed only
/// before a contact field (`tel*`, `email`, `impp`). Applies, as ACT, to rendered `input` (not `hidden`, `button`,
/// `submit`, `reset`, `image`), `select` and `textarea` elements that are not disabled or `aria-disabled`, with
/// a non-blank value other than `on`/`off`. Deliberately not checked: whether the field name suits the input
/// `type` (axe's separate `autocomplete-appropriate`; ACT 73f2c2 passes `tel` with `bday-day`).
public struct AutocompleteValidRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.autocomplete-valid"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    private static let excludedTypes: Set<String> = ["hidden", "button", "submit", "reset", "image"]

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let snapshot = page.snapshot
        let candidates =
            (snapshot.indices(named: "input") + snapshot.indices(named: "select")
            + snapshot.indices(named: "textarea")).filter { snapshot.nodes[$0].hasAttribute("autocomplete") }.sorted()
        guard !candidates.isEmpty else { return [] }
        let rendered = RenderedTree.of(page)
        var observations: [Observation] = []
        for index in candidates {
            let node = snapshot.nodes[index]
            let type = node.attribute("type")?.trimmingASCIIWhitespace.lowercased() ?? "text"
            let value = (node.attribute("autocomplete") ?? "").trimmingASCIIWhitespace
            guard !(node.name == "input" && Self.excludedTypes.contains(type)), !value.isEmpty,
                !["on", "off"].contains(value.lowercased()), !node.hasAttribute("disabled"), !page.isDisabled(index),
                node.attribute("aria-disabled")?.trimmingASCIIWhitespace.lowercased() != "true",
                !rendered.notRendered[index]
            else { continue }
            if let problem = AutofillTokens.problem(in: value) {
                observations.append(
                    A11yObservation.element(
                        Self.id,
                        .failed,
                        page: page,
                        index: index,
                        url: url,
                        summary: "autocomplete=\"\(value)\" on <\(node.name)> is not a valid autofill value: \(problem)"
                    )
                )
            } else {
                observations.append(
                    A11yObservation.element(Self.id, .passed, page: page, index: index, url: url, summary: "Valid")
                )
            }
        }
        return observations
    }
}

/// The HTML autofill detail token grammar.
enum AutofillTokens {
    /// Field names that take no contact part.
    static let fieldNames: Set<String> = [
        "name", "honorific-prefix", "given-name", "additional-name", "family-name", "honorific-suffix", "nickname",
        "username", "new-password", "current-password", "one-time-code", "organization-title", "organization",
        "street-address", "address-line1", "address-line2", "address-line3", "address-level4", "address-level3",
        "address-level2", "address-level1", "country", "country-name", "postal-code", "cc-name", "cc-given-name",
        "cc-additional-name", "cc-family-name", "cc-number", "cc-exp", "cc-exp-month", "cc-exp-year", "cc-csc",
        "cc-type", "transaction-currency", "transaction-amount", "language", "bday", "bday-day", "bday-month",
        "bday-year", "sex", "url", "photo",
    ]
    /// Contact field names, which may follow `home`, `work`, `mobile`, `fax` or `pager`.
    static let contactFieldNames: Set<String> = [
        "tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local", "tel-local-prefix",
        "tel-local-suffix", "tel-extension", "email", "impp",
    ]
    private static let contactParts: Set<String> = ["home", "work", "mobile", "fax", "pager"]

    /// Why `value` is not a valid token list; nil when it is.
    static func problem(in value: String) -> String? {
        var tokens = value.lowercased().split(whereSeparator: { " \t\n\r\u{0C}".contains($0) }).map(String.init)[...]
        if tokens.count == 1, tokens.first == "on" || tokens.first == "off" { return nil }
        if tokens.last == "webauthn" { tokens = tokens.dropLast() }
        guard let field = tokens.popLast() else { return "no field name" }
        var contact = false
        if let last = tokens.last, contactParts.contains(last) {
            contact = true
            tokens = tokens.dropLast()
        }
        if let last = tokens.last, last == "shipping" || last == "billing" { tokens = tokens.dropLast() }
        if let last = tokens.last, last.hasPrefix("section-") { tokens = tokens.dropLast() }
        if let extra = tokens.last { return "unexpected token \"\(extra)\" before \"\(field)\"" }
        if contactFieldNames.contains(field) { return nil }
        if fieldNames.contains(field) { return contact ? "\"\(field)\" is not a contact field" : nil }
        return "\"\(field)\" is not an autofill field name"
    }
}
