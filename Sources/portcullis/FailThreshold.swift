import ArgumentParser
import PortcullisCore

/// The `--fail-on` value of `scan`, `report` and `diff`.
enum FailThreshold {
    /// The severity `text` names, nil for `none` (no gate); a usage error otherwise.
    static func parse(_ text: String) throws -> Severity? {
        text.lowercased() == "none" ? nil : try severity(text, known: "info, low, medium, high, critical, none")
    }

    /// The severity `text` names, where a gate is required (`none` is refused).
    static func severity(_ text: String, known: String = "info, low, medium, high, critical") throws -> Severity {
        guard let severity = Severity(rawValue: text.lowercased()) else {
            throw ValidationError("--fail-on must be one of \(known) (got '\(text)')")
        }
        return severity
    }
}
