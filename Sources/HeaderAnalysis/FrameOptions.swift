public import PortcullisCore

/// `X-Frame-Options` processed as HTML's "check a navigation response's adherence to `X-Frame-Options`": values
/// from get-decode-split, lowercased and deduplicated; one distinct value applies; several distinct values
/// that include `deny`, `sameorigin` or `allowall` block framing; anything else (`ALLOW-FROM`, unknown) gives no
/// protection. An enforced CSP with `frame-ancestors` makes the UA ignore the header (CSP3 §6.4.2.2).
public struct FrameOptions: Sendable, Hashable {
    /// What the header does for framing.
    public enum Disposition: String, Sendable, Hashable, Codable {
        /// No header.
        case absent
        /// Framing blocked everywhere.
        case deny
        /// Framing allowed by same-origin parents only.
        case sameOrigin
        /// Several distinct values including a recognised one: HTML blocks framing, but the header is malformed.
        case conflictingBlocks
        /// `ALLOW-FROM`: obsolete and ignored, no protection.
        case allowFrom
        /// `ALLOWALL`: explicitly allows framing.
        case allowAll
        /// Unrecognised value(s): no protection.
        case invalid
        /// Ignored because an enforced policy has `frame-ancestors`.
        case supersededByFrameAncestors
    }

    /// What the header does.
    public var disposition: Disposition
    /// The distinct lowercased values, in first-seen order.
    public var values: [String]
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Whether framing is restricted (by the header or by `frame-ancestors`).
    public var protects: Bool {
        [.deny, .sameOrigin, .conflictingBlocks, .supersededByFrameAncestors].contains(disposition)
    }

    /// Analyses `X-Frame-Options`; `enforcedFrameAncestors` is whether an enforced (not report-only, not meta)
    /// Content-Security-Policy of the response has a `frame-ancestors` directive.
    public init(headers: [HeaderField], enforcedFrameAncestors: Bool) {
        let split = FieldValues.decodeSplit("X-Frame-Options", in: headers)
        var distinct: [String] = []
        for value in split ?? [] where !distinct.contains(value.lowercased()) {
            distinct.append(value.lowercased())
        }
        values = distinct
        problems = []
        if enforcedFrameAncestors {
            disposition = .supersededByFrameAncestors
            if split != nil {
                problems.append(
                    HeaderProblem(
                        .xfoIgnoredByFrameAncestors,
                        "X-Frame-Options is ignored because "
                            + "an enforced Content-Security-Policy has frame-ancestors"
                    )
                )
            }
            return
        }
        guard split != nil else {
            disposition = .absent
            problems.append(HeaderProblem(.xfoMissing, "No X-Frame-Options header and no frame-ancestors"))
            return
        }
        let recognised: Set = ["deny", "allowall", "sameorigin"]
        let shown = HeaderProblem.excerpt(distinct.joined(separator: ", "))
        if distinct.count > 1 {
            if distinct.contains(where: recognised.contains) {
                disposition = .conflictingBlocks
                problems.append(
                    HeaderProblem(
                        .xfoConflicting,
                        "X-Frame-Options has several distinct values "
                            + "(\(shown)); browsers block all framing"
                    )
                )
            } else {
                disposition = .invalid
                problems.append(HeaderProblem(.xfoInvalid, "X-Frame-Options values not recognised: \(shown)"))
            }
            return
        }
        switch distinct[0] {
        case "deny": disposition = .deny
        case "sameorigin": disposition = .sameOrigin
        case "allowall":
            disposition = .allowAll
            problems.append(HeaderProblem(.xfoInvalid, "X-Frame-Options ALLOWALL allows framing by any site"))
        case let value where value.hasPrefix("allow-from"):
            disposition = .allowFrom
            problems.append(
                HeaderProblem(
                    .xfoAllowFrom,
                    "X-Frame-Options ALLOW-FROM is obsolete and ignored by "
                        + "browsers; use CSP frame-ancestors"
                )
            )
        default:
            disposition = .invalid
            problems.append(HeaderProblem(.xfoInvalid, "X-Frame-Options value not recognised: \(shown)"))
        }
    }
}
