import ArgumentParser
import DemoProviders
import Foundation
import PortcullisCore

/// `portcullis demo`: start the built-in demo providers on loopback and scan them, so a newcomer sees a real
/// scan, with real findings and reports, within a minute of cloning.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a well-configured and a badly configured demo provider on loopback and scan both.",
        discussion: """
            The providers listen on 127.0.0.1 ephemeral ports with HTTPS certificates from a CA generated at \
            start (its PEM is written next to the reports as demo-ca.pem). Reports go to ./portcullis-demo/.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Folder for the reports.", valueName: "dir")
    )
    var output = "portcullis-demo"

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Severity that makes the demo exit with 1. Without it the demo exits with 0, and its reports still show "
                + "what a gate at high would fail (JUnit failures, verdicts).",
            valueName: "severity"
        )
    )
    var failOn: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the terminal summary.")
    var noColor = false

    func run() async throws {
        global.bootstrapLogging()
        var arguments = ["--output", output, "--fail-on", failOn ?? "high", "--timeout", "20"]
        if noColor { arguments.append("--no-color") }
        let options = try ScanOptions.parse(arguments)

        let zoo = try await DemoProviderZoo.start()
        let exitCode: ExitCode
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let caFile = URL(fileURLWithPath: output).appendingPathComponent("demo-ca.pem")
            try zoo.writeCACertificate(to: caFile)
            var providers: [ProviderPlan] = []
            for provider in zoo.providers {
                let line =
                    "demo provider \(provider.name): \(provider.httpsURL.absoluteString) "
                    + "and \(provider.httpURL.absoluteString)\n"
                FileHandle.standardError.write(Data(line.utf8))
                providers.append(
                    ProviderPlan(
                        name: provider.name,
                        entryURLs: [provider.httpsURL, provider.httpURL],
                        budget: CrawlBudget(maxPages: 300, maxDepth: 10, maxDuration: 60, requestsPerSecond: 0)
                    )
                )
            }
            providers += zoo.sso.providerPlans
            exitCode = try await ScanSession(global: global, options: options).run(
                providers: providers,
                caFile: caFile.path
            )
        } catch {
            try? await zoo.shutdown()
            throw error
        }
        try await zoo.shutdown()
        // The demo providers are broken on purpose: without an explicit gate, failing findings are the point.
        if failOn == nil, exitCode == ExitCodes.findings { throw ExitCodes.clean }
        throw exitCode
    }
}
