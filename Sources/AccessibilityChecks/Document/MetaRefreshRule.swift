public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a page that refreshes or redirects itself after a delay, which takes control away from users who
/// need more time to read (WCAG 2.2.1; axe `meta-refresh`; ACT bc659a) — or, in the no-exceptions variant (WCAG
/// 2.2.4 and 3.2.5, AAA; axe `meta-refresh-no-exceptions`; ACT bisz58), after any delay at all.
///
/// As browsers, only the first `<meta http-equiv=refresh>` whose `content` parses (HTML "shared declarative refresh
/// steps") acts; others are inapplicable. An instant redirect (delay 0) passes; the WCAG 2.2.1 exception lets a
/// delay above 20 hours (72,000 s) pass too, except in the no-exceptions variant.
public struct MetaRefreshRule: A11yRule {
    /// The WCAG 2.2.1 rule id.
    public static let id: RuleID = "a11y.meta-refresh"
    /// The AAA, no-exceptions rule id.
    public static let noExceptionsID: RuleID = "a11y.meta-refresh-no-exceptions"

    /// Whether a delay above 20 hours fails too.
    public let noExceptions: Bool

    /// The rule; `noExceptions` selects the AAA variant.
    public init(noExceptions: Bool = false) {
        self.noExceptions = noExceptions
    }

    public var rules: [RuleID] { [noExceptions ? Self.noExceptionsID : Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let rule = rules[0]
        for index in page.snapshot.indices(named: "meta") {
            let node = page.node(index)
            guard node.attribute("http-equiv")?.trimmingASCIIWhitespace.lowercased() == "refresh",
                let content = node.attribute("content"), let refresh = MetaRefreshContent(content)
            else { continue }
            let kind = refresh.redirects ? "redirects" : "reloads"
            let passes = refresh.delay == 0 || (!noExceptions && refresh.delay > 72_000)
            let summary =
                passes
                ? "The page \(kind) after \(refresh.delay) s"
                : "The page \(kind) after \(refresh.delay) s without the user asking for it"
            return [
                A11yObservation.element(
                    rule,
                    passes ? .passed : .failed,
                    page: page,
                    index: index,
                    url: url,
                    summary: summary
                )
            ]
        }
        return []
    }
}

/// A `<meta http-equiv=refresh>` content value parsed as the HTML "shared declarative refresh steps" do: a
/// non-negative integer delay (a fraction is ignored), then optionally `;` or `,` and a URL.
struct MetaRefreshContent: Hashable {
    /// The delay in seconds.
    let delay: Int
    /// Whether a URL follows (a redirect rather than a reload).
    let redirects: Bool

    init?(_ content: String) {
        let characters = Array(content.unicodeScalars)
        let isSpace: (Unicode.Scalar) -> Bool = { " \t\n\r\u{0C}".unicodeScalars.contains($0) }
        var position = 0
        while position < characters.count, isSpace(characters[position]) { position += 1 }
        var digits = ""
        while position < characters.count, ("0"..."9").contains(characters[position]) {
            digits.unicodeScalars.append(characters[position])
            position += 1
        }
        if digits.isEmpty {
            guard position < characters.count, characters[position] == "." else { return nil }
            digits = "0"
        }
        while position < characters.count, ("0"..."9").contains(characters[position]) || characters[position] == "." {
            position += 1
        }
        // Huge delays are clamped: anything past an Int is "more than 20 hours".
        delay = Int(digits) ?? Int.max
        guard position < characters.count else {
            redirects = false
            return
        }
        let next = characters[position]
        guard isSpace(next) || next == ";" || next == "," else { return nil }
        let rest = String(String.UnicodeScalarView(characters[position...]))
        redirects = !rest.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\u{0C};,")).isEmpty
    }
}
