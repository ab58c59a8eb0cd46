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
        help: ArgumentHelp(
            "A previous JSON report: the summary and the SARIF, JSON and HTML reports say what is new, fixed or updated.",
            valueName: "report.json"
        )
    )
    var baseline: String?

    @Flag(
        name: .customLong("fail-on-new"),
        help: "With --baseline: exit with 1 only for new findings at or above --fail-on."
    )
    var failOnNew = false

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

    @Option(
        help: ArgumentHelp(
            "Run only these check families, comma-separated: headers, csp, tls, sso, accessibility, crawl "
                + "(--only tls probes TLS and skips page checks; --only sso runs the SSO probe of each provider).",
            valueName: "families"
        )
    )
    var only: String?

    @Option(
        name: .customLong("tls-profile"),
        help: ArgumentHelp("Mozilla server-side TLS profile to judge by: modern, intermediate, old.", valueName: "name")
    )
    var tlsProfile: String?

    @Option(
        name: .customLong("expiry-warning-days"),
        help: ArgumentHelp("Report certificates expiring within this many days.", valueName: "days")
    )
    var expiryWarningDays: Int = 30

    @Option(
        name: .customLong("tls-connections"),
        help: ArgumentHelp("Most connections the TLS probe opens to one host at once (1-16).", valueName: "count")
    )
    var tlsConnections: Int = 4

    /// The waivers file (`--waivers`, alias `--suppressions`).
    @Option(
        name: [.customLong("waivers"), .customLong("suppressions")],
        help: ArgumentHelp(
            "A YAML file of waivers (rule; provider, url, selector or xpath; reason, owner, ticket, expires "
                + "YYYY-MM-DD); waived findings stay in the reports, marked, and never fail the gate; expired and "
                + "unused waivers are reported. --suppressions is an alias.",
            valueName: "file"
        )
    )
    var suppressions: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the terminal summary.")
    var noColor = false

    mutating func validate() throws {
        _ = try failThreshold()
        _ = try reportFormats()
        _ = try families()
        guard (0...3650).contains(expiryWarningDays) else {
            throw ValidationError("--expiry-warning-days must be between 0 and 3650")
        }
        guard (1...16).contains(tlsConnections) else { throw ValidationError("--tls-connections must be 1 to 16") }
        if let tlsProfile, !TLSScanOptions.profileNames.contains(tlsProfile) {
            throw ValidationError("--tls-profile must be modern, intermediate or old (got '\(tlsProfile)')")
        }
        guard timeout > 0, connectTimeout > 0 else { throw ValidationError("timeouts must be positive") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body must be positive") }
        guard (0...50).contains(maxRedirects) else { throw ValidationError("--max-redirects must be between 0 and 50") }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ValidationError("--ca-file '\(caFile)' is not a readable file")
        }
    }

    /// The `--only` families, nil when every family runs.
    func families() throws -> Set<Family>? {
        guard let only else { return nil }
        var families: Set<Family> = []
        for name in only.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let family = Family(rawValue: trimmed) else {
                throw ValidationError(
                    "--only: unknown family '\(trimmed)' (known: headers, csp, tls, sso, accessibility, crawl)"
                )
            }
            families.insert(family)
        }
        guard !families.isEmpty else { throw ValidationError("--only needs at least one family") }
        return families
    }

    /// How the TLS host probe runs; `planProfile` comes from a plan file and loses to the flag.
    func tlsOptions(planProfile: String? = nil) -> TLSScanOptions {
        TLSScanOptions(
            profile: tlsProfile ?? planProfile ?? TLSProfileDefinition.defaultName,
            expiryWarningDays: expiryWarningDays,
            connectionsPerHost: tlsConnections
        )
    }

    /// The `--fail-on` severity, `nil` for `none`.
    func failThreshold() throws -> Severity? { try FailThreshold.parse(failOn) }

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
