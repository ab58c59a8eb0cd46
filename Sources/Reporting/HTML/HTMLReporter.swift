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
        stream.write(try render(result, options: options))
    }

    /// `result` rendered with the template from the `Reports/` folder, or the built-in copy when there is none.
    ///
    /// Throws ``HTMLReportError`` when a template file is found but cannot be read or parsed.
    public static func render(_ result: ScanResult, options: ReportOptions) throws(HTMLReportError) -> Data {
        render(result, options: options, template: try HTMLTemplate.load())
    }

    /// `result` rendered with `template`; `catalog` may name rules that did not run, so the compliance matrix
    /// lists their controls as not tested.
    public static func render(
        _ result: ScanResult,
        options: ReportOptions,
        template: HTMLTemplate,
        catalog: [Rule] = []
    ) -> Data {
        let model = HTMLReportModel(result: result, options: options, catalog: catalog)
        return Data(template.render(model.view).utf8)
    }
}
