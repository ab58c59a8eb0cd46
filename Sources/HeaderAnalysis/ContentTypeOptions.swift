public import PortcullisCore

/// `X-Content-Type-Options` per Fetch "determine nosniff": the first value of get-decode-split, compared ASCII
/// case-insensitively with `nosniff`. Later values are irrelevant to browsers.
public struct ContentTypeOptions: Sendable, Hashable {
    /// Whether browsers apply nosniff.
    public var nosniff: Bool
    /// Whether the header is present at all.
    public var present: Bool
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Analyses `X-Content-Type-Options`.
    public init(headers: [HeaderField]) {
        let values = FieldValues.decodeSplit("X-Content-Type-Options", in: headers)
        present = values != nil
        nosniff = values?.first?.lowercased() == "nosniff"
        problems = []
        if values == nil {
            problems.append(HeaderProblem(.nosniffMissing, "No X-Content-Type-Options: nosniff"))
        } else if !nosniff {
            let shown = HeaderProblem.excerpt(values?.first ?? "")
            problems.append(
                HeaderProblem(
                    .nosniffInvalid,
                    "X-Content-Type-Options first value is not nosniff: "
                        + shown
                )
            )
        }
    }
}
