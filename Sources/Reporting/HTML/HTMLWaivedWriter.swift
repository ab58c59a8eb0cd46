import PortcullisCore

/// Writes the waived findings table (at the template's waived marker) straight into the stream: each waived
/// finding with its rule, provider, location, and the waiver's reason, owner, ticket, expiry and source.
///
/// A finding read from an older report has no structured ``Finding/waiver``; its ``Finding/suppression`` label is
/// shown as the reason. At most ``limit`` rows are written, then a count of the rest.
struct HTMLWaivedWriter {
    /// Most waived findings listed.
    static let limit = 2_000

    /// Waived findings in report order.
    let findings: [Finding]
    /// The provider of a finding.
    let provider: (Finding) -> String

    /// Writes the table (nothing when no finding is waived) to `out`.
    func write(to out: HTMLOutput) {
        guard !findings.isEmpty else { return }
        out.markup("<table class=\"waived\">\n<thead><tr><th>Severity</th><th>Rule</th><th>Provider</th>")
        out.markup("<th>Location</th><th>Reason</th><th>Owner</th><th>Ticket</th><th>Expires</th><th>Waiver</th>")
        out.markup("<th>Occurrences</th><th>Fingerprint</th></tr></thead>\n<tbody>\n")
        for finding in findings.prefix(Self.limit) { row(finding, to: out) }
        out.markup("</tbody>\n</table>\n")
        if findings.count > Self.limit {
            out.markup("<p class=\"more\">… and ")
            out.number(findings.count - Self.limit)
            out.markup(" more waived findings: see portcullis-report.csv / .json</p>\n")
        }
    }

    private func row(_ finding: Finding, to out: HTMLOutput) {
        out.markup("<tr><td><span class=\"sev sev-")
        out.trusted(finding.severity.rawValue)
        out.markup("\">")
        out.trusted(finding.severity.rawValue)
        out.markup("</span></td><td><code>")
        out.text(finding.ruleID.rawValue)
        out.markup("</code> ")
        out.text(finding.title)
        out.markup("</td><td>")
        out.text(provider(finding))
        out.markup("</td><td><span class=\"mono\">")
        let location = finding.locations.first
        out.text(location?.url ?? finding.origin)
        out.markup("</span>")
        if let path = location?.elementPath {
            out.markup(" <code>")
            out.text(path)
            out.markup("</code>")
        }
        if finding.occurrences > 1 {
            out.markup(" <span class=\"muted\">and ")
            out.number(finding.occurrences - 1)
            out.markup(" more</span>")
        }
        out.markup("</td><td>")
        if let waiver = finding.waiver {
            out.evidence(waiver.reason)
            cell(waiver.owner, to: out)
            cell(waiver.ticket, to: out)
            cell(waiver.expires, to: out)
            out.markup("</td><td class=\"mono\">")
            out.text(waiver.source.isEmpty ? "—" : waiver.source)
        } else {
            out.evidence(finding.suppression ?? "")
            out.markup("</td><td>—</td><td>—</td><td>—</td><td class=\"mono\">—")
        }
        out.markup("</td><td>")
        out.number(finding.occurrences)
        out.markup("</td><td class=\"mono\">")
        out.text(finding.fingerprint)
        out.markup("</td></tr>\n")
    }

    /// Closes the previous cell and writes `value` (or a dash) in a new one.
    private func cell(_ value: String?, to out: HTMLOutput) {
        out.markup("</td><td>")
        out.text(value ?? "—")
    }
}
