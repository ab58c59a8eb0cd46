public import Foundation

/// The allowlist-bypass URL lists (JSONP, AngularJS, Flash) csp-evaluator uses, loaded from data files so they can
/// be updated without rebuilding.
public struct CSPBypassLists: Hashable, Sendable {
    /// URLs hosting JSONP endpoints (`//host/path`).
    public var jsonp: [String]
    /// URLs hosting AngularJS libraries.
    public var angular: [String]
    /// URLs hosting Flash files.
    public var flash: [String]
    /// JSONP hosts that only bypass when `'unsafe-eval'` is also allowed.
    public var jsonpNeedingEval: Set<String>
    /// The lists pre-split into host and path, so that matching does not re-parse them.
    let parsedJSONP: [BypassEntry]
    let parsedAngular: [BypassEntry]
    let parsedFlash: [BypassEntry]

    /// The hosts of csp-evaluator's `jsonp.NEEDS_EVAL`.
    public static let defaultJSONPNeedingEval: Set<String> = [
        "googletagmanager.com", "www.googletagmanager.com", "www.googleadservices.com", "google-analytics.com",
        "ssl.google-analytics.com", "www.google-analytics.com",
    ]

    /// Creates lists directly (tests, callers with their own data).
    public init(
        jsonp: [String],
        angular: [String],
        flash: [String],
        jsonpNeedingEval: Set<String> = CSPBypassLists.defaultJSONPNeedingEval
    ) {
        self.jsonp = jsonp
        self.angular = angular
        self.flash = flash
        self.jsonpNeedingEval = jsonpNeedingEval
        parsedJSONP = jsonp.map(BypassEntry.init)
        parsedAngular = angular.map(BypassEntry.init)
        parsedFlash = flash.map(BypassEntry.init)
    }

    /// Empty lists: every allowlisted host is then only a MEDIUM_MAYBE "no bypass found" finding.
    public static let empty = CSPBypassLists(jsonp: [], angular: [], flash: [])

    /// Why loading the lists failed.
    public struct LoadError: Error, Hashable, Sendable {
        /// The file that could not be read.
        public var path: String
    }

    /// Loads `jsonp.txt`, `angular.txt` and `flash.txt` from `directory` (one URL per line, `#` comments).
    public static func load(directory: URL) throws(LoadError) -> CSPBypassLists {
        func read(_ name: String) throws(LoadError) -> [String] {
            let url = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw LoadError(path: url.path) }
            return text.split(whereSeparator: \.isNewline).compactMap { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
            }
        }
        return CSPBypassLists(
            jsonp: try read("jsonp.txt"),
            angular: try read("angular.txt"),
            flash: try read("flash.txt")
        )
    }
}

/// One bypass-list URL split into lowercased host and path.
struct BypassEntry: Hashable, Sendable {
    var url: String
    var host: String
    var path: String

    init(_ url: String) {
        self.url = url
        (host, path) = CSPEvaluatorURL.parse(CSPEvaluatorURL.schemeFree(url))
    }
}
