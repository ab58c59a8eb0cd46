public import Foundation

/// A problem that kept part of a scan from completing: unreachable host, TLS failure, timeout, cap reached.
///
/// Problems are reported next to findings; they are never silent and never abort the other targets.
public struct ScanProblem: Sendable, Hashable, Codable {
    /// The URL the problem arose at.
    public var url: String
    /// A stable machine-readable kind, such as `connection-refused`, `timeout`, `tls`, `body-truncated`.
    public var kind: String
    /// What happened, for people.
    public var message: String

    public init(url: String, kind: String, message: String) {
        self.url = url
        self.kind = kind
        self.message = message
    }
}

/// A waiver (``Suppression``) that did not do its job in a scan: expired, or covering nothing. Reported next to the
/// findings so waivers are reviewed rather than left to rot.
public struct WaiverNote: Sendable, Hashable, Codable {
    /// Why the waiver is noted.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Its expiry day is before the scan's start: it no longer applies.
        case expired
        /// It applied but covered no finding of the scan.
        case stale
    }

    /// Why the waiver is noted.
    public var kind: Kind
    /// The waiver's rule id or `prefix*` pattern.
    public var rule: String
    /// The waiver's ``Suppression/label`` (reason, owner, ticket, expiry and source).
    public var label: String
    /// Where the waiver was written (`file:line`).
    public var source: String

    /// Creates a note.
    public init(kind: Kind, rule: String, label: String, source: String) {
        self.kind = kind
        self.rule = rule
        self.label = label
        self.source = source
    }
}

/// What became of one target.
public struct TargetResult: Sendable, Hashable, Codable {
    /// Whether the target could be fetched and checked.
    public enum Status: String, Sendable, Hashable, Codable {
        case scanned
        case failed
    }

    public var provider: String
    public var url: String
    public var status: Status
    /// The URL of the final response after redirects.
    public var finalURL: String?
    /// The status code of the final response.
    public var httpStatus: Int?
    /// The protocol version of the final response.
    public var httpVersion: String?
    /// Each redirect followed, as `status url`.
    public var redirects: [String]
    /// The TLS protocol version negotiated, if HTTPS.
    public var tlsVersion: String?
    /// The TLS cipher suite negotiated, if HTTPS.
    public var tlsCipher: String?
    /// How many certificates the peer presented.
    public var peerCertificateCount: Int?
    /// Timings of the final request.
    public var timings: Timings?
    /// Body bytes received (after decoding, capped).
    public var bodyBytes: Int?

    public init(
        provider: String,
        url: String,
        status: Status,
        finalURL: String? = nil,
        httpStatus: Int? = nil,
        httpVersion: String? = nil,
        redirects: [String] = [],
        tlsVersion: String? = nil,
        tlsCipher: String? = nil,
        peerCertificateCount: Int? = nil,
        timings: Timings? = nil,
        bodyBytes: Int? = nil
    ) {
        self.provider = provider
        self.url = url
        self.status = status
        self.finalURL = finalURL
        self.httpStatus = httpStatus
        self.httpVersion = httpVersion
        self.redirects = redirects
        self.tlsVersion = tlsVersion
        self.tlsCipher = tlsCipher
        self.peerCertificateCount = peerCertificateCount
        self.timings = timings
        self.bodyBytes = bodyBytes
    }
}

/// The name and version of the tool that produced a result.
public struct ToolInfo: Sendable, Hashable, Codable {
    public var name: String
    public var version: String
    public var informationURI: String

    public init(
        name: String = "Portcullis",
        version: String = ToolInfo.currentVersion,
        informationURI: String = ToolInfo.homepage
    ) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }

    /// The version of this build.
    public static let currentVersion = "0.1.0"
    /// Where people learn about the tool.
    public static let homepage = "https://github.com/portcullis-scanner/portcullis"
}

/// Everything a scan produced: the input every reporter turns into bytes.
public struct ScanResult: Sendable, Hashable, Codable {
    public var tool: ToolInfo
    public var startedAt: Date
    public var finishedAt: Date
    /// The profile the scan ran with.
    public var profile: String
    public var targets: [TargetResult]
    /// Findings in report order (most severe first).
    public var findings: [Finding]
    public var problems: [ScanProblem]
    /// What each provider's crawl did, where it stopped and what it skipped.
    public var crawls: [CrawlSummary]
    /// The Observatory-compatible grade of each HTTPS origin of an entry URL.
    public var grades: [OriginGrade]
    /// The TLS host probe's summary of each HTTPS origin probed.
    public var tls: [TLSHostSummary]
    /// The rules the scan ran, so reports can describe every finding's rule.
    public var rules: [Rule]
    /// The waivers that expired or covered nothing in this scan.
    public var waiverNotes: [WaiverNote]

    public init(
        tool: ToolInfo = ToolInfo(),
        startedAt: Date,
        finishedAt: Date,
        profile: String,
        targets: [TargetResult],
        findings: [Finding],
        problems: [ScanProblem],
        crawls: [CrawlSummary] = [],
        grades: [OriginGrade] = [],
        tls: [TLSHostSummary] = [],
        rules: [Rule],
        waiverNotes: [WaiverNote] = []
    ) {
        self.tool = tool
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.profile = profile
        self.targets = targets
        self.findings = findings
        self.problems = problems
        self.crawls = crawls
        self.grades = grades
        self.tls = tls
        self.rules = rules
        self.waiverNotes = waiverNotes
    }

    /// Whether any finding is at or above `threshold`.
    /// Suppressed findings and needs-review items never count.
    public func hasFindings(atOrAbove threshold: Severity) -> Bool {
        findings.contains { $0.severity >= threshold && $0.suppression == nil && !$0.needsReview }
    }

    /// Whether not a single target could be scanned.
    public var nothingScanned: Bool { !targets.contains { $0.status == .scanned } }

    /// The rule a finding refers to.
    public func rule(for finding: Finding) -> Rule? { rules.first { $0.id == finding.ruleID } }
}
