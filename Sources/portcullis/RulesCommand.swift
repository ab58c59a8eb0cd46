import ArgumentParser
import Foundation
import PortcullisCore

/// `portcullis rules`: browse the rule catalog.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rule catalog or show one rule.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    /// `portcullis rules list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rules: id, severity, family and title.")

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                "Only rules of this family (headers, tls, sso, accessibility, crawl).",
                valueName: "family"
            )
        )
        var family: String?

        @Option(help: ArgumentHelp("Only rules this profile runs, with its severities.", valueName: "profile"))
        var profile: String?

        func run() async throws {
            global.bootstrapLogging()
            let catalog = try global.catalog()
            var selected = Profile.default
            if let profile {
                do {
                    selected = try Profile.load(
                        profile,
                        profilesDirectory: RulesDirectory.profiles(in: try global.rulesFolder())
                    )
                    try selected.validate(against: catalog)
                } catch {
                    throw ConfigurationError(error)
                }
            }
            if let family, Family(rawValue: family) == nil {
                throw ValidationError(
                    "unknown family '\(family)' (known: \(Family.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            let rules = catalog.sorted.filter { rule in
                selected.selects(rule) && (family == nil || rule.family.rawValue == family)
            }
            let width = rules.map(\.id.rawValue.count).max() ?? 0
            for rule in rules {
                let id = rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = selected.severity(for: rule).rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let family = rule.family.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
                print("\(id)  \(severity)  \(family)  \(rule.title)")
            }
            print("\(rules.count) rules")
        }
    }

    /// `portcullis rules show ID`
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a rule in full: description, remediation, references."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The rule id, e.g. headers.csp-missing.", valueName: "id"))
        var id: String

        func run() async throws {
            global.bootstrapLogging()
            let catalog = try global.catalog()
            guard let rule = catalog[RuleID(id)] else {
                let close = catalog.sorted.map(\.id.rawValue).filter { $0.contains(id) || id.contains($0) }
                let hint =
                    close.isEmpty ? "run 'portcullis rules list'" : "did you mean \(close.joined(separator: ", "))?"
                throw ValidationError("no rule '\(id)'; \(hint)")
            }
            print(RuleText.render(rule))
        }
    }
}

/// A rule as plain text for the terminal.
enum RuleText {
    static func render(_ rule: Rule) -> String {
        var lines = [
            "\(rule.id) — \(rule.title)",
            "severity: \(rule.severity)   family: \(rule.family)   tags: \(rule.tags.joined(separator: ", "))",
            "",
            rule.description,
            "",
            "Remediation:",
            rule.remediation,
        ]
        if !rule.references.isEmpty {
            lines += ["", "References:"]
            lines += rule.references.map { reference in
                "  \(reference.kind.rawValue): \(reference.id)"
                    + (reference.url.map { reference.kind == .url ? "" : "  <\($0)>" } ?? "")
            }
        }
        lines += ["", "Defined at \(rule.source)"]
        return lines.joined(separator: "\n")
    }
}
