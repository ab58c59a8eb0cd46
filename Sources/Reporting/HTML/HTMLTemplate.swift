public import Foundation
import Mustache
import PortcullisCore

/// The parsed Mustache template the HTML audit report is rendered with, and where it came from.
///
/// The template lives in `Reports/audit-report.mustache` beside `Rules/`, so it can be restyled without
/// recompiling; a copy is compiled into the binary (``HTMLTemplateSource``) so the CLI works from anywhere.
///
/// The two big sections, findings and waived findings, are written by Swift straight into the report stream (a
/// Mustache view of 100,000 findings takes seconds and hundreds of megabytes). The template marks where with
/// ``findingsMarker`` and ``waivedMarker`` (Mustache comments, so the file stays valid Mustache); it is rendered in
/// three parts around them, and its stylesheet styles the classes the Swift-written markup uses.
public struct HTMLTemplate: Sendable {
    /// The template file's name inside the reports folder.
    public static let fileName = "audit-report.mustache"
    /// The environment variable that names the reports folder.
    public static let environmentVariable = "PORTCULLIS_REPORTS"

    /// Where the findings section's body is written: everything the findings writer emits goes here.
    public static let findingsMarker = "{{! portcullis:findings }}"
    /// Where the waived findings table is written.
    public static let waivedMarker = "{{! portcullis:waived }}"

    /// Where the template was read from: a file path, or `built-in`.
    public let origin: String
    /// The template before the findings marker, between the markers, and after the waived marker.
    let parts: [MustacheTemplate]

    /// Parses `source`; `origin` names it in errors.
    ///
    /// Throws ``HTMLReportError`` when `source` is not valid Mustache, or does not hold ``findingsMarker`` and
    /// then ``waivedMarker`` once each, outside any section.
    public init(source: String, origin: String) throws(HTMLReportError) {
        self.origin = origin
        _ = try Self.parse(source, origin: origin)
        let first = source.components(separatedBy: Self.findingsMarker)
        let second = first.count == 2 ? first[1].components(separatedBy: Self.waivedMarker) : []
        guard first.count == 2, second.count == 2 else {
            throw HTMLReportError(
                file: origin,
                reason: "the template must contain \(Self.findingsMarker) and then \(Self.waivedMarker), once each, "
                    + "where the findings and the waived findings are written"
            )
        }
        var parts: [MustacheTemplate] = []
        for part in [first[0], second[0], second[1]] {
            do {
                parts.append(try Self.parse(part, origin: origin))
            } catch {
                throw HTMLReportError(
                    file: origin,
                    reason: "\(Self.findingsMarker) and \(Self.waivedMarker) must not be inside a Mustache section "
                        + "(\(error.reason))"
                )
            }
        }
        self.parts = parts
    }

    private static func parse(_ source: String, origin: String) throws(HTMLReportError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            throw HTMLReportError(
                file: origin,
                line: error.context.lineNumber,
                reason: "invalid Mustache template (\(error.error)) near \"\(error.context.line)\""
            )
        } catch {
            throw HTMLReportError(file: origin, reason: "invalid Mustache template (\(error))")
        }
    }

    /// The copy compiled into the binary.
    public static var builtIn: HTMLTemplate {
        get throws(HTMLReportError) {
            try HTMLTemplate(source: HTMLTemplateSource.auditReport, origin: "built-in")
        }
    }

    /// The template file in the reports folder, or the built-in copy when no folder is found.
    ///
    /// Order, as for the rules folder: `$PORTCULLIS_REPORTS`, then a `Reports/` folder next to or above the
    /// executable, then `share/portcullis/Reports` beside an installed `bin/`, then `Reports/` in or above the
    /// current directory. A file that is found but unreadable or invalid is an error, never silently replaced.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String = CommandLine.arguments.first ?? "",
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(HTMLReportError) -> HTMLTemplate {
        let file = locate(
            environment: environment,
            executablePath: executablePath,
            currentDirectory: currentDirectory
        )
        guard let file else { return try builtIn }
        return try load(file: file)
    }

    /// Reads and parses the template at `file`.
    public static func load(file: URL) throws(HTMLReportError) -> HTMLTemplate {
        let source: String
        do {
            source = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw HTMLReportError(file: file.path, reason: "cannot read the template as UTF-8 (\(error))")
        }
        return try HTMLTemplate(source: source, origin: file.path)
    }

    /// The template file to use, or nil when there is none and the built-in copy applies.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String = CommandLine.arguments.first ?? "",
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> URL? {
        if let folder = environment[environmentVariable], !folder.isEmpty {
            return URL(fileURLWithPath: folder).appendingPathComponent(fileName)
        }
        return RulesDirectory.candidateFolders(
            named: "Reports",
            executablePath: executablePath,
            currentDirectory: currentDirectory
        ).map { $0.appendingPathComponent(fileName) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// `view` rendered through part `index` of the template (0: head, 1: middle, 2: tail).
    func render(part index: Int, _ view: [String: Any]) -> String {
        parts[index].render(view)
    }
}
