import AccessibilityChecks
import ArgumentParser
import Foundation
import PortcullisCore

/// `portcullis act-report`: runs the W3C ACT rules test cases through the accessibility rules and prints the
/// implementation report (per ACT rule: agree, disagree, can't tell, W3C consistency).
struct ACTReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "act-report",
        abstract: "Run the W3C ACT test cases and print the implementation report.",
        discussion: """
            The folder holds the corpus `index.json` (one entry per case: ruleId, testcaseId, expected, file) and \
            the case documents. Each case's document is parsed and checked by the rules whose catalog entry \
            references the ACT rule (`act: <id>`); element outcomes become a page outcome (failed, can't tell, \
            passed, inapplicable) compared with the expected one.

            Example: portcullis act-report ../shared/corpora/act --format markdown > act.md
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The ACT corpus folder (with index.json).", valueName: "folder"))
    var corpus: String

    @Option(help: ArgumentHelp("Output: text (table and disagreements) or markdown (table).", valueName: "format"))
    var format = "text"

    @Option(
        name: .customLong("act-rules"),
        help: ArgumentHelp("Only these ACT rule ids, comma-separated.", valueName: "ids")
    )
    var actRules: String?

    func validate() throws {
        guard ["text", "markdown"].contains(format) else { throw ValidationError("--format must be text or markdown") }
    }

    func run() async throws {
        global.bootstrapLogging()
        let catalog = try global.catalog()
        let folder = URL(fileURLWithPath: corpus)
        var cases: [ACTCase]
        do {
            cases = try ACTCase.load(corpus: folder)
        } catch {
            throw ConfigurationError("\(folder.appendingPathComponent("index.json").path): \(error)")
        }
        if let actRules {
            let wanted = Set(actRules.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            cases = cases.filter { wanted.contains($0.ruleId) }
        }
        let runner = ACTRunner(catalog: catalog, rules: AccessibilityRuleSet.all)
        let clock = ContinuousClock()
        let started = clock.now
        let report = ACTReport(cases.map { runner.run($0, corpus: folder) })
        let elapsed = clock.now - started
        var text = report.markdown
        if format == "text" {
            for result in report.results where result.outcome != nil && !result.agrees {
                text +=
                    "  \(result.testCase.ruleId) \(result.testCase.testcaseTitle): expected "
                    + "\(result.testCase.expected), got \(result.outcome?.rawValue ?? "-") (\(result.testCase.file))\n"
            }
            text += "\(report.total) cases in \(elapsed)\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
