public import Foundation

/// Finds the `Rules/` folder the catalog is loaded from.
///
/// Order: an explicit `--rules` path, then `$PORTCULLIS_RULES`, then a `Rules/` folder next to or above the
/// executable (a source checkout's `.build/debug/portcullis`), then `share/portcullis/Rules` beside an
/// installed `bin/`, then `Rules/` in or above the current directory.
public enum RulesDirectory {
    /// The environment variable that names the rules folder.
    public static let environmentVariable = "PORTCULLIS_RULES"

    /// The rules folder to use, or an error naming every place looked at.
    public static func locate(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String = CommandLine.arguments.first ?? "",
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(PortcullisError) -> URL {
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard isRulesDirectory(url) else {
                throw PortcullisError(.invalidConfiguration, "not a rules folder (no *.yaml files)", file: explicit)
            }
            return url
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            let url = URL(fileURLWithPath: fromEnvironment)
            guard isRulesDirectory(url) else {
                throw PortcullisError(
                    .invalidConfiguration,
                    "$\(environmentVariable) does not name a rules folder (no *.yaml files)",
                    file: fromEnvironment
                )
            }
            return url
        }
        let candidates = candidateFolders(
            named: "Rules",
            executablePath: executablePath,
            currentDirectory: currentDirectory
        )
        if let found = candidates.first(where: isRulesDirectory) { return found }
        throw PortcullisError(
            .invalidConfiguration,
            "cannot find the Rules/ folder; pass --rules DIR or set $\(environmentVariable)"
        )
    }

    /// Where a data folder shipped with Portcullis (`Rules`, `Reports`) may be, in search order: `name/` next to
    /// or above the executable, `share/portcullis/name` beside an installed `bin/`, then `name/` in or above the
    /// current directory.
    public static func candidateFolders(named name: String, executablePath: String, currentDirectory: String) -> [URL] {
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        return ancestors(of: executable).map { $0.appendingPathComponent(name) }
            + [executable.deletingLastPathComponent().appendingPathComponent("share/portcullis/\(name)")]
            + ancestors(of: URL(fileURLWithPath: currentDirectory)).map { $0.appendingPathComponent(name) }
    }

    private static func ancestors(of url: URL) -> [URL] {
        var result: [URL] = []
        var current = url.standardizedFileURL
        for _ in 0..<8 {
            result.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return result
    }

    private static func isRulesDirectory(_ url: URL) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return entries.contains { $0.hasSuffix(".yaml") }
    }

    /// The profiles folder inside a rules folder.
    public static func profiles(in rules: URL) -> URL { rules.appendingPathComponent("profiles") }
}
