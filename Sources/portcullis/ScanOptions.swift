import ArgumentParser
import Foundation
import PortcullisCore
import Reporting

/// How a scan runs and what it writes: shared by `scan` and `demo`.
struct ScanOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Rule profile: a name from Rules/profiles (onboarding, audit, scheduled) or a YAML file.",
            valueName: "profile"
        )
    )
    var profile: String?

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp("Report formats to write, comma-separated: json, sarif.", valueName: "formats")
    )
    var formats: String?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Folder to write the reports into.", valueName: "dir")
    )
    var output: String?

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Exit with 1 when a finding is at or above this severity: info, low, medium, high, critical, or none.",
            valueName: "severity"
        )
    )
    var failOn = "high"

    @Option(
        name: .customLong("ca-file"),
        help: ArgumentHelp("Extra trust anchors (PEM) for providers on a private PKI.", valueName: "pem")
    )
    var caFile: String?

    @Option(help: ArgumentHelp("Seconds allowed for each request, body included.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(
        name: .customLong("connect-timeout"),
        help: ArgumentHelp("Seconds allowed to connect.", valueName: "seconds")
    )
    var connectTimeout: Double = 10

    @Option(
        name: .customLong("max-body"),
        help: ArgumentHelp("Body bytes kept per response (after decompression).", valueName: "bytes")
    )
    var maxBodyBytes: Int = 5 * 1024 * 1024

    @Option(
        name: .customLong("max-redirects"),
        help: ArgumentHelp("Redirects followed per request.", valueName: "count")
    )
    var maxRedirects: Int = 10

    @Flag(name: .customLong("no-color"), help: "Never colour the terminal summary.")
    var noColor = false

    mutating func validate() throws {
        _ = try failThreshold()
        _ = try reportFormats()
        guard timeout > 0, connectTimeout > 0 else { throw ValidationError("timeouts must be positive") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body must be positive") }
        guard (0...50).contains(maxRedirects) else { throw ValidationError("--max-redirects must be between 0 and 50") }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ValidationError("--ca-file '\(caFile)' is not a readable file")
        }
    }

    /// The `--fail-on` severity, `nil` for `none`.
    func failThreshold() throws -> Severity? {
        if failOn.lowercased() == "none" { return nil }
        guard let severity = Severity(rawValue: failOn.lowercased()) else {
            throw ValidationError("--fail-on must be one of info, low, medium, high, critical, none (got '\(failOn)')")
        }
        return severity
    }

    /// The requested report formats.
    func reportFormats() throws -> [ReportFormat] {
        guard let formats else { return [] }
        return try formats.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ReportFormat(rawValue: trimmed) else {
                let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown report format '\(trimmed)' (known: \(known))")
            }
            return format
        }
    }

    /// The fetch limits the flags set.
    var limits: FetchLimits {
        FetchLimits(
            connectTimeout: connectTimeout,
            totalTimeout: timeout,
            maxBodyBytes: maxBodyBytes,
            maxRedirects: maxRedirects
        )
    }
}
