import PortcullisCore

/// Writes the body of the findings section (between the template's findings marker and `</section>`) straight
/// into the stream: one `<details class="rule">` per provider, family and rule, with findings in full, then a
/// compact table, then a count of the rest.
///
/// The markup uses only the classes `Reports/audit-report.mustache` styles (`rule`, `finding`, `sev`, `sev-*`,
/// `muted`, `mono`, `compact`, `more`), so the template still defines the look. Every scanned string goes
/// through ``HTMLOutput/text(_:)`` or ``HTMLOutput/evidence(_:limit:)``.
struct HTMLFindingsWriter {
    let groups: HTMLFindingGroups

    /// Writes every provider's findings to `out`.
    func write(to out: HTMLOutput) {
        for provider in groups.providers {
            out.markup("<h3>")
            out.text(provider.provider)
            out.markup(" <span class=\"muted\">(")
            out.number(provider.count)
            out.markup(" findings)</span></h3>\n")
            for family in provider.families {
                out.markup("<h4>")
                out.trusted(family.family.rawValue)
                out.markup(" <span class=\"muted\">(")
                out.number(family.count)
                out.markup(")</span></h4>\n")
                for rule in family.rules { write(rule, to: out) }
            }
        }
    }

    private func write(_ group: HTMLFindingGroups.RuleGroup, to out: HTMLOutput) {
        out.markup(groups.open ? "<details class=\"rule\" open>\n" : "<details class=\"rule\">\n")
        out.markup("<summary>")
        severity(group.severity, to: out)
        out.markup(" <code>")
        out.text(group.ruleID.rawValue)
        out.markup("</code> ")
        out.text(group.rule?.title ?? group.shown.first?.title ?? "")
        out.markup("\n<span class=\"muted\">— ")
        out.number(group.count)
        out.markup(" findings, ")
        out.number(group.occurrences)
        out.markup(" occurrences</span></summary>\n<p>")
        out.text(group.rule?.description ?? "")
        out.markup("</p>\n<p><strong>Remediation:</strong> ")
        out.text(group.rule?.remediation ?? "")
        out.markup("</p>\n")
        let references = group.rule?.references ?? []
        if !references.isEmpty {
            out.markup("<p><strong>References:</strong></p><ul>")
            for reference in references {
                out.markup("<li>")
                out.trusted(reference.kind.rawValue)
                out.markup(" ")
                out.text(reference.id)
                if let url = reference.url, url != reference.id {
                    out.markup(" <span class=\"mono muted\">")
                    out.text(url)
                    out.markup("</span>")
                }
                out.markup("</li>")
            }
            out.markup("</ul>\n")
        }
        for finding in group.shown.prefix(group.detailed) { write(finding, to: out) }
        if group.compact > 0 {
            out.markup("<p class=\"muted\">Findings ")
            out.number(group.detailed + 1)
            out.markup(" to ")
            out.number(group.detailed + group.compact)
            out.markup(" of ")
            out.number(group.count)
            out.markup(" in brief (first location only):</p>\n<table class=\"compact\">\n<thead><tr><th>Severity</th>")
            out.markup("<th>URL</th><th>Element</th><th>Occurrences</th><th>Fingerprint</th></tr></thead>\n<tbody>\n")
            for finding in group.shown.dropFirst(group.detailed) { row(finding, to: out) }
            out.markup("</tbody>\n</table>\n")
        }
        if group.omitted > 0 {
            out.markup("<p class=\"more\">… and ")
            out.number(group.omitted)
            out.markup(" more findings of this rule: see portcullis-report.csv / .json</p>\n")
        }
        out.markup("</details>\n")
    }

    private func write(_ finding: Finding, to out: HTMLOutput) {
        out.markup("<div class=\"finding\">\n<div>")
        severity(finding.severity, to: out)
        out.markup(" ")
        out.text(finding.title)
        if finding.needsReview { out.markup(" <em>(needs review)</em>") }
        out.markup(" <span class=\"muted\">on</span> <span class=\"mono\">")
        out.text(finding.origin)
        out.markup("</span></div>\n<div><strong>Evidence:</strong></div>\n<pre>")
        out.evidence(finding.message)
        out.markup("</pre>\n<div class=\"muted\">Fingerprint <code>")
        out.text(finding.fingerprint)
        out.markup("</code>; ")
        out.number(finding.occurrences)
        out.markup(" occurrences.</div>\n<ul>\n")
        let listed = finding.locations.prefix(groups.locationLimit)
        for location in listed {
            out.markup("<li><span class=\"mono\">")
            out.text(location.url)
            out.markup("</span>")
            if let path = location.elementPath {
                out.markup(" <code>")
                out.text(path)
                out.markup("</code>")
            }
            if let snippet = location.snippet {
                out.markup("\n<pre>")
                out.evidence(snippet)
                out.markup("</pre>")
            }
            out.markup("</li>\n")
        }
        let more = max(0, finding.occurrences - listed.count)
        if more > 0 {
            out.markup("<li class=\"muted\">and ")
            out.number(more)
            out.markup(" more locations</li>\n")
        }
        out.markup("</ul>\n</div>\n")
    }

    private func row(_ finding: Finding, to out: HTMLOutput) {
        out.markup("<tr><td>")
        severity(finding.severity, to: out)
        out.markup("</td><td class=\"mono\">")
        let location = finding.locations.first
        out.text(location?.url ?? finding.origin)
        out.markup("</td><td><code>")
        out.text(location?.elementPath ?? "")
        out.markup("</code></td><td>")
        out.number(finding.occurrences)
        out.markup("</td><td class=\"mono\">")
        out.text(finding.fingerprint)
        out.markup("</td></tr>\n")
    }

    private func severity(_ severity: Severity, to out: HTMLOutput) {
        out.markup("<span class=\"sev sev-")
        out.trusted(severity.rawValue)
        out.markup("\">")
        out.trusted(severity.rawValue)
        out.markup("</span>")
    }
}
