public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a `<meta name=viewport>` that stops users from zooming: `user-scalable=no` or a `maximum-scale` below
/// the threshold (WCAG 1.4.4 with 2; axe `meta-viewport`; ACT b4f0c3) — or below 5 in the best-practice variant
/// (axe `meta-viewport-large`).
///
/// The content is parsed as browsers do: `,` or `;` separated `key=value` pairs, keys case-insensitive, values
/// mapped as CSS Device Adaptation maps them (`yes` → 1, `no` → 0.1, `device-width` → 10, unknown words → 0,
/// numbers as is; a negative `maximum-scale` is ignored; `user-scalable` is off when its number is below 1).
/// Applies only when the content sets `user-scalable` or `maximum-scale`.
public struct MetaViewportRule: A11yRule {
    /// The WCAG 1.4.4 rule id (scale threshold 2).
    public static let id: RuleID = "a11y.meta-viewport"
    /// The best-practice rule id (scale threshold 5).
    public static let largeID: RuleID = "a11y.meta-viewport-large"

    /// The smallest `maximum-scale` that passes.
    public let minimumScale: Double

    /// The rule; `large` selects the best-practice variant (threshold 5 instead of 2).
    public init(large: Bool = false) {
        minimumScale = large ? 5 : 2
    }

    public var rules: [RuleID] { [minimumScale >= 5 ? Self.largeID : Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let rule = rules[0]
        var observations: [Observation] = []
        for index in page.snapshot.indices(named: "meta") {
            let node = page.node(index)
            guard node.attribute("name")?.trimmingASCIIWhitespace.lowercased() == "viewport",
                let content = node.attribute("content")
            else { continue }
            let properties = ViewportContent(content)
            let scalable = properties.value(of: "user-scalable")
            let maximum = properties.value(of: "maximum-scale")
            guard scalable != nil || maximum != nil else { continue }
            var problems: [String] = []
            if let scalable, Self.number(scalable).map({ abs($0) < 1 }) ?? true {
                problems.append("user-scalable=\(scalable) disables zooming")
            }
            if let maximum, let scale = Self.number(maximum).map({ $0 < 0 ? nil : max($0, 0.1) }) ?? 0,
                scale < minimumScale
            {
                problems.append("maximum-scale=\(maximum) limits zoom below \(Int(minimumScale))×")
            }
            observations.append(
                A11yObservation.element(
                    rule,
                    problems.isEmpty ? .passed : .failed,
                    page: page,
                    index: index,
                    url: url,
                    summary: problems.isEmpty ? "The viewport allows zooming" : problems.joined(separator: "; ")
                )
            )
        }
        return observations
    }

    /// A viewport value as a number: `yes` 1, `no` 0.1, `device-width`/`device-height` 10, numbers as written
    /// (leading number of the value), nil for other words (which browsers treat as 0).
    private static func number(_ value: String) -> Double? {
        switch value.lowercased() {
        case "yes": return 1
        case "no": return 0.1
        case "device-width", "device-height": return 10
        default:
            let prefix = value.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }
            return Double(prefix)
        }
    }
}

/// The `key=value` pairs of a viewport `content` attribute (keys lower-cased; the last of a repeated key wins).
struct ViewportContent {
    private var values: [String: String] = [:]

    init(_ content: String) {
        let separators = CharacterSet(charactersIn: ",;")
        for pair in content.components(separatedBy: separators) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let key = parts.first?.trimmingHTMLWhitespace().lowercased(), !key.isEmpty
            else { continue }
            values[key] = parts.count > 1 ? parts[1].trimmingHTMLWhitespace() : ""
        }
    }

    /// The value of `key` (lower-case), nil when absent.
    func value(of key: String) -> String? { values[key] }
}
