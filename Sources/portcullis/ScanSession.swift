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

    /// Scans `targets` and returns the exit code the documented contract asks for.
    func run(targets: [Target], caFile: String?, defaultOutput: String? = nil) async throws -> ExitCode {
        let rulesFolder = try global.rulesFolder()
        let catalog = try global.catalog()
        let profile: Profile
        do {
            profile = try Profile.load(options.profile, profilesDirectory: RulesDirectory.profiles(in: rulesFolder))
        } catch {
            throw ConfigurationError(error)
        }
        let plan = ScanPlan(targets: targets, profile: profile, limits: options.limits, caFile: caFile)
        let scanner: ScanRunner
        do {
            scanner = try ScanRunner(plan: plan, catalog: catalog)
        } catch {
            throw ConfigurationError(error)
        }

        let progress = ProgressLine(enabled: Terminal.isInteractive(FileHandle.standardError) && !global.quiet)
        let result = await scanner.run { progress.update($0) }
        progress.finish()

        let failOn = try options.failThreshold()
        var formats = try options.reportFormats()
        let output = options.output ?? defaultOutput
        let summaryToStderr = output == nil && !formats.isEmpty
        if let output {
            if formats.isEmpty { formats = ReportFormat.allCases }
            do {
                let written = try ReportWriter.write(result, formats: formats, to: URL(fileURLWithPath: output))
                for url in written { Logger(label: "portcullis").info("wrote \(url.path)") }
            } catch {
                throw ConfigurationError("cannot write reports to \(output): \(error)")
            }
        } else if let format = formats.first {
            guard formats.count == 1 else {
                throw ValidationError("several formats need --output DIR; stdout takes one format")
            }
            FileHandle.standardOutput.write(try format.render(result))
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        let summaryHandle = summaryToStderr ? FileHandle.standardError : FileHandle.standardOutput
        let color = !options.noColor && Terminal.supportsColor(summaryHandle)
        summaryHandle.write(Data(TerminalSummary.render(result, failOn: failOn, color: color).utf8))
        if let output {
            summaryHandle.write(Data("Reports written to \(output)/\n".utf8))
        }

        if result.nothingScanned { return ExitCodes.nothingScanned }
        if let failOn, result.hasFindings(atOrAbove: failOn) { return ExitCodes.findings }
        return ExitCodes.clean
    }
}
