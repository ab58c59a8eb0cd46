// A copy of Reports/audit-report.mustache: edit the file, then paste its text between the delimiters below,
// every line indented by 8 spaces (the closing delimiter's indentation, which Swift strips), the file's final
// newline being the blank line before the closing delimiter. HTMLReporterTests fails until the two are identical.

/// The HTML audit report template compiled into the binary, so the CLI renders it from any directory.
enum HTMLTemplateSource {
    /// The text of `Reports/audit-report.mustache`.
    static let auditReport = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{toolName}} audit report — {{startedAt}}</title>
        <style>
        :root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0; }
        main { max-width: 1100px; margin: 0 auto; padding: 1rem 2rem 4rem; }
        h1 { font-size: 2rem; margin: 0 0 .5rem; }
        h2 { border-bottom: 2px solid var(--line); padding-bottom: .25rem; margin-top: 2.5rem; }
        table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .9rem; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: var(--bg-alt); }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg-alt); padding: .5rem; margin: .25rem 0; }
        td, li { overflow-wrap: anywhere; }
        .muted { color: var(--muted); }
        .sev { display: inline-block; min-width: 4.5rem; text-align: center; border-radius: 3px; padding: 0 .3rem;
          font-weight: 600; font-size: .8rem; color: #fff; }
        .sev-critical { background: #8b0000; fill: #8b0000; }
        .sev-high { background: #cf222e; fill: #cf222e; }
        .sev-medium { background: #bc4c00; fill: #bc4c00; }
        .sev-low { background: #9a6700; fill: #9a6700; }
        .sev-info { background: #57606a; fill: #57606a; }
        .sev-family { fill: #0969da; }
        .status-pass { color: #1a7f37; font-weight: 600; }
        .status-fail { color: #cf222e; font-weight: 600; }
        .status-not-tested, .status-not-scanned { color: var(--muted); font-weight: 600; }
        details.rule { border: 1px solid var(--line); border-radius: 4px; margin: .5rem 0; padding: 0 .75rem; }
        details.rule > summary { cursor: pointer; padding: .5rem 0; font-weight: 600; }
        .finding { border-top: 1px dashed var(--line); padding: .5rem 0; }
        table.compact, table.waived { font-size: .8rem; }
        table.compact td, table.waived td { padding: .15rem .4rem; }
        .more { font-style: italic; color: var(--muted); }
        .warning { border-left: 4px solid #bc4c00; background: #fff8c5; padding: .4rem .75rem; }
        .charts { display: flex; flex-wrap: wrap; gap: 2rem; }
        svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
        @media print {
          body { font-size: 11pt; color: #000; }
          main { max-width: none; padding: 0; }
          * { background: none !important; box-shadow: none !important; }
          .sev { color: #000; border: 1px solid #000; }
          section { break-before: page; }
          section#cover { break-before: auto; }
          details > summary { list-style: none; }
          details::details-content { content-visibility: visible; display: block; }
          details:not([open]) > :not(summary) { display: block; }
          tr, .finding { break-inside: avoid; }
        }
        </style>
        </head>
        <body>
        <main>
        <section id="cover">
        <h1>{{toolName}} security and compliance audit report</h1>
        <table>
        <tr><th scope="row">Scan id</th><td class="mono">{{scanID}}</td></tr>
        <tr><th scope="row">Date</th><td>{{startedAt}} to {{finishedAt}} ({{durationSeconds}} s)</td></tr>
        <tr><th scope="row">Tool</th><td>{{toolName}} {{toolVersion}}</td></tr>
        <tr><th scope="row">Profile</th><td>{{profile}}</td></tr>
        <tr><th scope="row">Scope</th><td>
        {{#scope}}
        <div><strong>{{provider}}</strong><ul>{{#urls}}<li class="mono">{{url}}</li>{{/urls}}</ul></div>
        {{/scope}}
        {{^scope}}<span class="muted">No targets.</span>{{/scope}}
        </td></tr>
        </table>
        </section>

        <section id="executive-summary">
        <h2>Executive summary</h2>
        <p>{{totalActive}} findings ({{totalReview}} awaiting review), {{totalSuppressed}} waived or suppressed.
        Gate: findings at or above <strong>{{gate}}</strong> fail a provider.</p>
        <div class="charts">
        {{#severityChart}}
        <figure>
        <figcaption>Findings by severity</figcaption>
        <svg role="img" aria-label="Findings by severity"
          width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}">
        {{#bars}}
        <text x="0" y="{{textY}}">{{label}}</text>
        <rect class="sev-{{style}}" x="{{x}}" y="{{y}}" width="{{width}}" height="16"></rect>
        <text x="{{countX}}" y="{{textY}}">{{count}}</text>
        {{/bars}}
        </svg>
        </figure>
        {{/severityChart}}
        {{#familyChart}}
        <figure>
        <figcaption>Findings by family</figcaption>
        <svg role="img" aria-label="Findings by family"
          width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}">
        {{#bars}}
        <text x="0" y="{{textY}}">{{label}}</text>
        <rect class="sev-{{style}}" x="{{x}}" y="{{y}}" width="{{width}}" height="16"></rect>
        <text x="{{countX}}" y="{{textY}}">{{count}}</text>
        {{/bars}}
        </svg>
        </figure>
        {{/familyChart}}
        </div>
        <h3>Verdict per provider</h3>
        <table>
        <thead><tr><th>Provider</th><th>Targets scanned</th><th>Critical</th><th>High</th><th>Medium</th><th>Low</th>
        <th>Info</th><th>Observatory grade</th><th>TLS profile</th><th>Verdict</th></tr></thead>
        <tbody>
        {{#verdicts}}
        <tr><td>{{provider}}</td><td>{{targets}}</td><td>{{critical}}</td><td>{{high}}</td><td>{{medium}}</td>
        <td>{{low}}</td><td>{{info}}</td><td>{{observatory}}</td><td>{{tls}}</td>
        <td class="status-{{verdictClass}}">{{verdict}}</td></tr>
        {{/verdicts}}
        </tbody>
        </table>
        <h3>What changed since the baseline</h3>
        {{#baseline}}
        <table>
        <thead><tr><th>New</th><th>Updated</th><th>Unchanged</th><th>Fixed</th></tr></thead>
        <tbody><tr><td>{{new}}</td><td>{{updated}}</td><td>{{unchanged}}</td><td>{{fixed}}</td></tr></tbody>
        </table>
        {{#warnings}}<p class="warning">Warning: {{text}}</p>
        {{/warnings}}
        {{#changes}}
        <h4>{{heading}} <span class="muted">({{note}})</span></h4>
        {{^hasFindings}}<p class="muted">None.</p>{{/hasFindings}}
        {{#hasFindings}}
        <table>
        <thead><tr><th>Severity</th><th>Rule</th><th>Provider</th><th>Location</th></tr></thead>
        <tbody>
        {{#findings}}
        <tr><td><span class="sev sev-{{severity}}">{{severity}}</span></td><td><code>{{ruleID}}</code> {{title}}</td>
        <td>{{provider}}</td>
        <td class="mono">{{url}}{{#elementPath}} <code>{{elementPath}}</code>{{/elementPath}}</td></tr>
        {{/findings}}
        </tbody>
        </table>
        {{#hasMore}}<p class="more">… and {{more}} more {{kind}} findings.</p>{{/hasMore}}
        {{/hasFindings}}
        {{/changes}}
        {{#hasFixed}}
        <table>
        <thead><tr><th>Severity</th><th>Rule</th><th>Provider</th><th>Location</th></tr></thead>
        <tbody>
        {{#fixedFindings}}
        <tr><td><span class="sev sev-{{severity}}">{{severity}}</span></td><td><code>{{ruleID}}</code> {{title}}</td>
        <td>{{provider}}</td>
        <td class="mono">{{url}}{{#elementPath}} <code>{{elementPath}}</code>{{/elementPath}}</td></tr>
        {{/fixedFindings}}
        </tbody>
        </table>
        {{#hasFixedMore}}<p class="more">… and {{fixedMore}} more fixed findings.</p>{{/hasFixedMore}}
        {{/hasFixed}}
        {{/baseline}}
        {{^baseline}}<p class="muted">No baseline was given, so nothing is compared: run with
        <code>--baseline previous.json</code> to see new, updated, unchanged and fixed findings.</p>{{/baseline}}
        </section>

        <section id="scope-and-method">
        <h2>Scope and method</h2>
        <h3>Targets</h3>
        <table>
        <thead><tr><th>Provider</th><th>URL</th><th>Status</th><th>HTTP</th><th>Final URL</th><th>TLS</th></tr></thead>
        <tbody>
        {{#targets}}
        <tr><td>{{provider}}</td><td class="mono">{{url}}</td><td>{{status}}</td><td>{{httpStatus}}</td>
        <td class="mono">{{finalURL}}</td><td>{{tlsVersion}}</td></tr>
        {{/targets}}
        </tbody>
        </table>
        <h3>Crawl</h3>
        {{#hasCrawls}}
        <table>
        <thead><tr><th>Provider</th><th>Pages</th><th>Other responses</th><th>Errors</th><th>Bytes</th><th>Seconds</th>
        <th>Not reached</th><th>Budgets reached</th><th>Skipped (robots.txt, scope, traps)</th></tr></thead>
        <tbody>
        {{#crawls}}
        <tr><td>{{provider}}</td><td>{{pages}}</td><td>{{otherResponses}}</td><td>{{errors}}</td><td>{{bytes}}</td>
        <td>{{durationSeconds}}</td><td>{{notReached}}</td>
        <td>{{#stops}}<div><strong>{{limit}}</strong>: {{detail}}</div>{{/stops}}{{^hasStops}}none{{/hasStops}}</td>
        <td>{{#skipped}}<div><strong>{{reason}}</strong>: {{count}} <span class="mono muted">{{examples}}</span></div>
        {{/skipped}}{{^hasSkipped}}none{{/hasSkipped}}</td></tr>
        {{/crawls}}
        </tbody>
        </table>
        {{/hasCrawls}}
        {{^hasCrawls}}<p class="muted">Entry URLs only; no crawl was run.</p>{{/hasCrawls}}
        <h3>What could not be checked</h3>
        {{#hasNotScanned}}
        <p>Targets that could not be scanned (none of their rules ran):</p>
        <ul>{{#notScanned}}<li><strong>{{provider}}</strong> <span class="mono">{{url}}</span></li>{{/notScanned}}</ul>
        {{/hasNotScanned}}
        {{#hasProblems}}
        <p>Problems that kept part of the scan from completing:</p>
        <table>
        <thead><tr><th>URL</th><th>Kind</th><th>Why</th></tr></thead>
        <tbody>
        {{#problems}}
        <tr><td class="mono">{{url}}</td><td>{{kind}}</td><td>{{message}}</td></tr>
        {{/problems}}
        </tbody>
        </table>
        {{#hasProblemsMore}}<p class="more">… and {{problemsMore}} more problems: see portcullis-report.json.</p>
        {{/hasProblemsMore}}
        {{/hasProblems}}
        {{#everythingChecked}}<p class="muted">Everything in scope could be checked.</p>{{/everythingChecked}}
        </section>

        <section id="findings">
        <h2>Findings</h2>
        {{^hasFindings}}<p>No findings.</p>{{/hasFindings}}
        {{#findingsTruncated}}
        <p class="muted">This scan has more findings than a page can show in full: {{findingsDetailed}} are shown
        in full (at most {{locationLimit}} locations each), {{findingsCompact}} in brief tables, and {{findingsOmitted}}
        are counted under their rule. Every finding is in portcullis-report.csv and portcullis-report.json.</p>
        {{/findingsTruncated}}
        {{! portcullis:findings }}
        </section>

        <section id="compliance">
        <h2>Compliance matrix</h2>
        {{#compliance}}
        <p>{{passCount}} controls pass, {{failCount}} fail, {{notTestedCount}} not tested. A control fails when a rule
        referring to it has a finding, passes when such a rule ran without findings, and is not tested otherwise.</p>
        {{#hasRows}}
        <table>
        <thead><tr><th>Framework</th><th>Control</th><th>Status</th><th>Findings</th><th>Rules</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><td>{{framework}}</td><td>{{control}}</td><td class="status-{{statusClass}}">{{status}}</td>
        <td>{{findings}}</td><td class="mono">{{rules}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        {{/hasRows}}
        {{/compliance}}
        </section>

        <section id="suppressed">
        <h2>Waived and suppressed findings</h2>
        <p>Waived findings stay visible here but do not fail the gate.</p>
        {{^hasSuppressed}}<p class="muted">None.</p>{{/hasSuppressed}}
        {{! portcullis:waived }}
        <h3>Waivers that did not apply</h3>
        {{^hasWaiverNotes}}<p class="muted">None: every waiver applied and none has expired.</p>{{/hasWaiverNotes}}
        {{#hasWaiverNotes}}
        <table>
        <thead><tr><th>Status</th><th>Rule</th><th>Waiver</th><th>Written at</th></tr></thead>
        <tbody>
        {{#waiverNotes}}
        <tr><td>{{kind}}</td><td><code>{{rule}}</code></td><td>{{label}}</td><td class="mono">{{source}}</td></tr>
        {{/waiverNotes}}
        </tbody>
        </table>
        {{/hasWaiverNotes}}
        </section>

        <section id="appendix-rules">
        <h2>Appendix: rules that ran</h2>
        <table>
        <thead><tr><th>Rule</th><th>Family</th><th>Severity</th><th>Title</th><th>Findings</th><th>References</th></tr></thead>
        <tbody>
        {{#rules}}
        <tr><td><code>{{ruleID}}</code></td><td>{{family}}</td><td><span class="sev sev-{{severity}}">{{severity}}</span></td>
        <td>{{title}}</td><td>{{findings}}</td><td>{{#references}}<div>{{kind}} {{id}}</div>{{/references}}</td></tr>
        {{/rules}}
        </tbody>
        </table>
        </section>
        </main>
        </body>
        </html>

        """#
}
