public import Foundation
public import PortcullisCore

/// The HTML audit report: one self-contained page (inline CSS and SVG, no scripts, a strict CSP) following
/// the structure of OWASP WSTG's reporting chapter, for auditors who want evidence per control.
///
/// A pure function of a scan result and options: the same inputs give the same bytes.
public enum HTMLReporter {
    /// Writes `result` to `stream` with the template from the `Reports/` folder, or the built-in copy.
    ///
    /// Throws ``HTMLReportError`` when a template file is found but cannot be read or parsed.
    public static func write(
        _ result: ScanResult,
        options: ReportOptions,
        to stream: ReportStream
    ) throws(HTMLReportError) {
        write(result, options: options, template: try HTMLTemplate.load(), to: stream)
    }

    /// `result` rendered with the template from the `Reports/` folder, or the built-in copy when there is none.
    ///
    /// Throws ``HTMLReportError`` when a template file is found but cannot be read or parsed.
    public static func render(_ result: ScanResult, options: ReportOptions) throws(HTMLReportError) -> Data {
        render(result, options: options, template: try HTMLTemplate.load())
    }

    /// `result` rendered with `template`, in memory; `catalog` may name rules that did not run, so the compliance
    /// matrix lists their controls as not tested.
    public static func render(
        _ result: ScanResult,
        options: ReportOptions,
        template: HTMLTemplate,
        catalog: [Rule] = []
    ) -> Data {
        let stream = ReportStream()
        write(result, options: options, template: template, catalog: catalog, to: stream)
        return stream.bytes
    }

    /// Writes `result` rendered with `template` to `stream`.
    ///
    /// The template's small sections are rendered with Mustache; the findings and waived findings are streamed at
    /// the template's markers (``HTMLTemplate/findingsMarker``, ``HTMLTemplate/waivedMarker``) by Swift writers that
    /// escape on UTF-8 bytes, so a scan of 100,000 findings renders in a fraction of a second.
    public static func write(
        _ result: ScanResult,
        options: ReportOptions,
        template: HTMLTemplate,
        catalog: [Rule] = [],
        to stream: ReportStream
    ) {
        let model = HTMLReportModel(result: result, options: options, catalog: catalog)
        let view = model.view
        let out = HTMLOutput(stream: stream)
        stream.write(template.render(part: 0, view))
        HTMLFindingsWriter(groups: model.groups).write(to: out)
        stream.write(template.render(part: 1, view))
        HTMLWaivedWriter(findings: model.waived, provider: model.provider(of:)).write(to: out)
        stream.write(template.render(part: 2, view))
    }
}
