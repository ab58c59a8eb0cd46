import ArgumentParser
import Foundation
import Logging
import PortcullisCore
import Reporting
import Scanning

/// Runs a plan and delivers the result: reports to files or stdout, the summary, and the exit code.
struct ScanSession {
    let global: GlobalOptions
    let options: ScanOptions

    /// Scans `providers` and returns the exit code the documented contract asks for.
    ///
    /// `planProfile` and `planLimits` come from a plan file; the `--profile` flag wins over the plan's profile.
    func run(
        providers: [ProviderPlan],
        caFile: String?,
        planProfile: String? = nil,
        planLimits: FetchLimits? = nil,
        planTLSProfile: String? = nil,
        planSuppressions: [Suppression] = [],
        defaultOutput: String? = nil
    ) async throws -> ExitCode {
        let rulesFolder = try global.rulesFolder()
        let catalog = try global.catalog()
        let profile: Profile
        do {
            profile = try Profile.load(
                options.profile ?? planProfile ?? Profile.default.name,
                profilesDirectory: RulesDirectory.profiles(in: rulesFolder)
            )
        } catch {
            throw ConfigurationError(error)
        }
        var plan = ScanPlan(
            providers: providers,
            profile: profile,
            limits: planLimits ?? options.limits,
            caFile: caFile
        )
        plan.families = try options.families()
        plan.tls = options.tlsOptions(planProfile: planTLSProfile)
        do {
            plan.suppressions = try planSuppressions + (options.suppressions.map(Suppression.load(file:)) ?? [])
        } catch {
            throw ConfigurationError(error)
        }
        if !plan.checksPages {
            // No page family selected (e.g. --only tls): fetch each entry once, for HSTS and redirects; no crawl.
            plan.providers = plan.providers.map { provider in
                var provider = provider
                provider.budget = .entriesOnly(provider.entryURLs.count)
                provider.readsSitemaps = false
                return provider
            }
        }
        let scanner: ScanRunner
        do {
            scanner = try ScanRunner(plan: plan, catalog: catalog)
        } catch {
            throw ConfigurationError(error)
        }

        let progress = ProgressBoard(
            mode: global.quiet ? .off : (Terminal.isInteractive(FileHandle.standardError) ? .live : .plain)
        )
        let result = await scanner.run { progress.update($0) }

        let failOn = try options.failThreshold()
        if options.failOnNew, options.baseline == nil {
            throw ValidationError("--fail-on-new needs --baseline previous.json")
        }
        let comparison = try BaselineFile.comparison(path: options.baseline, current: result)
        var formats = try options.reportFormats()
        let output = options.output ?? defaultOutput
        let summaryToStderr = output == nil && !formats.isEmpty
        if let output {
            if formats.isEmpty { formats = ReportFormat.allCases }
            do {
                let written = try ReportWriter.write(
                    result,
                    formats: formats,
                    to: URL(fileURLWithPath: output),
                    options: ReportOptions(failOn: failOn, baseline: comparison)
                )
                for url in written { Logger(label: "portcullis").info("wrote \(url.path)") }
            } catch {
                throw ConfigurationError("cannot write reports to \(output): \(error)")
            }
        } else if let format = formats.first {
            guard formats.count == 1 else {
                throw ValidationError("several formats need --output DIR; stdout takes one format")
            }
            FileHandle.standardOutput.write(
                try format.render(result, options: ReportOptions(failOn: failOn, baseline: comparison))
            )
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        let summaryHandle = summaryToStderr ? FileHandle.standardError : FileHandle.standardOutput
        let color = !options.noColor && Terminal.supportsColor(summaryHandle)
        summaryHandle.write(Data(TerminalSummary.render(result, failOn: failOn, color: color).utf8))
        if let comparison {
            summaryHandle.write(Data(BaselineDiffReport.text(comparison).utf8))
        }
        if let output {
            summaryHandle.write(Data("Reports written to \(output)/\n".utf8))
        }

        if result.nothingScanned { return ExitCodes.nothingScanned }
        if let failOn, options.failOnNew, let comparison {
            return comparison.newFindings(atOrAbove: failOn).isEmpty ? ExitCodes.clean : ExitCodes.findings
        }
        if let failOn, result.hasFindings(atOrAbove: failOn) { return ExitCodes.findings }
        return ExitCodes.clean
    }
}
