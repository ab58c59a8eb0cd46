public import Foundation
import Yams

/// Picks rules out of the catalog: `*`, an id, an id prefix glob (`headers.*`), `family:NAME` or `tag:NAME`.
public struct RuleSelector: Sendable, Hashable, CustomStringConvertible {
    public var pattern: String

    public init(_ pattern: String) { self.pattern = pattern }

    /// Whether `rule` is picked by this selector.
    public func matches(_ rule: Rule) -> Bool {
        if pattern == "*" { return true }
        if pattern.hasPrefix("family:") { return rule.family.rawValue == pattern.dropFirst("family:".count) }
        if pattern.hasPrefix("tag:") { return rule.tags.contains(String(pattern.dropFirst("tag:".count))) }
        if pattern.hasSuffix("*") { return rule.id.rawValue.hasPrefix(pattern.dropLast()) }
        return rule.id.rawValue == pattern
    }

    public var description: String { pattern }
}

/// A named selection of rules with severity overrides, such as `onboarding` or `audit`.
///
/// Profiles let one catalog serve different gates without editing rules, as ZAP's baseline config does.
public struct Profile: Sendable, Hashable {
    public var name: String
    public var description: String
    /// Rules to run; empty means every rule.
    public var include: [RuleSelector]
    /// Rules to leave out even if included.
    public var exclude: [RuleSelector]
    /// Severities that replace the catalog's.
    public var severityOverrides: [RuleID: Severity]
    /// Where the profile came from, for messages.
    public var source: String
    /// The line each override is on, for messages.
    var overrideLines: [RuleID: Int]

    public init(
        name: String,
        description: String = "",
        include: [RuleSelector] = [],
        exclude: [RuleSelector] = [],
        severityOverrides: [RuleID: Severity] = [:],
        source: String = "built-in"
    ) {
        self.name = name
        self.description = description
        self.include = include
        self.exclude = exclude
        self.severityOverrides = severityOverrides
        self.source = source
        self.overrideLines = [:]
    }

    /// Every rule, catalog severities.
    public static let `default` = Profile(name: "default", description: "Every rule at its catalog severity.")

    /// Whether the profile runs `rule`.
    public func selects(_ rule: Rule) -> Bool {
        let included = include.isEmpty || include.contains { $0.matches(rule) }
        return included && !exclude.contains { $0.matches(rule) }
    }

    /// The severity `rule` gets under this profile.
    public func severity(for rule: Rule) -> Severity { severityOverrides[rule.id] ?? rule.severity }

    /// Checks that every override names a catalog rule and every selector picks at least one rule.
    public func validate(against catalog: RuleCatalog) throws(PortcullisError) {
        let file = source == "built-in" ? nil : source
        for id in severityOverrides.keys.sorted() where catalog[id] == nil {
            throw PortcullisError(
                .invalidProfile,
                "profile '\(name)' overrides the severity of unknown rule '\(id)'",
                file: file,
                line: overrideLines[id]
            )
        }
        for selector in include + exclude where !catalog.rules.values.contains(where: selector.matches) {
            throw PortcullisError(
                .invalidProfile,
                "profile '\(name)': selector '\(selector)' matches no rule",
                file: file
            )
        }
    }

    /// Parses a profile file: `name`, optional `description`, `include`, `exclude` and a `severity` mapping.
    public static func parse(_ text: String, file: String) throws(PortcullisError) -> Profile {
        guard let root = try YAMLDocument.parse(text, file: file) else {
            throw PortcullisError(.invalidProfile, "the profile file is empty", file: file, line: 1)
        }
        let map = try YAMLMapping(root, file: file, what: "a profile")
        try map.rejectUnknownKeys(["name", "description", "include", "exclude", "severity"], in: "a profile")
        var profile = Profile(
            name: try map.requiredString("name"),
            description: try map.string("description", required: false) ?? "",
            include: try map.stringList("include").map(RuleSelector.init),
            exclude: try map.stringList("exclude").map(RuleSelector.init),
            source: file
        )
        if let overrides = map.node("severity") {
            let severityMap = try YAMLMapping(overrides, file: file, what: "'severity'")
            for (key, value) in severityMap.pairs {
                guard let name = value.string, let severity = Severity(rawValue: name) else {
                    let known = Severity.allCases.map(\.rawValue).joined(separator: ", ")
                    throw map.error("severity for '\(key)' must be one of \(known)", at: value)
                }
                profile.severityOverrides[RuleID(key)] = severity
                profile.overrideLines[RuleID(key)] = value.mark?.line
            }
        }
        return profile
    }

    /// Loads the profile `nameOrPath`: a YAML file path, or the name of a file in `directory` (`NAME.yaml`).
    public static func load(_ nameOrPath: String, profilesDirectory directory: URL) throws(PortcullisError) -> Profile {
        if nameOrPath == Profile.default.name { return .default }
        let candidates = [
            URL(fileURLWithPath: nameOrPath),
            directory.appendingPathComponent("\(nameOrPath).yaml"),
        ]
        guard
            let file = candidates.first(where: {
                FileManager.default.fileExists(atPath: $0.path) && $0.pathExtension == "yaml"
            })
        else {
            let known = (try? available(in: directory)) ?? []
            throw PortcullisError(
                .invalidProfile,
                "unknown profile '\(nameOrPath)' (known: \((["default"] + known).joined(separator: ", ")))"
            )
        }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw PortcullisError(.io, "cannot read: \(error.localizedDescription)", file: file.path)
        }
        return try parse(text, file: file.path)
    }

    /// The names of the profiles in `directory`, sorted.
    public static func available(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(".yaml".count)) }
            .sorted()
    }
}
