import ArgumentParser
import Foundation
import Logging
import PortcullisCore

/// Options every subcommand shares: where the rules are and how chatty the logs on stderr are.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "The rule catalog folder (default: the Rules/ folder shipped with Portcullis).",
            valueName: "dir"
        )
    )
    var rulesDirectory: String?

    @Flag(name: .shortAndLong, help: "Log details of every request to stderr.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log only errors to stderr.")
    var quiet = false

    /// Sets up swift-log to write to stderr at the level the flags ask for.
    func bootstrapLogging() {
        let level: Logger.Level = verbose ? .debug : (quiet ? .error : .warning)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// The rules folder, located as ``RulesDirectory`` documents.
    func rulesFolder() throws -> URL {
        do {
            return try RulesDirectory.locate(explicit: rulesDirectory)
        } catch {
            throw ConfigurationError(error)
        }
    }

    /// The loaded catalog; a malformed file gives its name, line and what is wrong.
    func catalog() throws -> RuleCatalog {
        do {
            return try RuleCatalog.load(directory: try rulesFolder())
        } catch let error as PortcullisError {
            throw ConfigurationError(error)
        }
    }
}

/// A configuration problem: printed as `error: ...` and mapped to exit code 2.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String

    init(_ error: any Error) {
        self.description = (error as? ConfigurationError)?.description ?? String(describing: error)
    }

    init(_ message: String) { self.description = message }
}
