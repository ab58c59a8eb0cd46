import Foundation
import ProcessSpawn

/// A Chromium-family browser run headless to print the HTML audit report to PDF (`portcullis report --pdf`).
///
/// The browser runs with a private, throw-away profile, no sandbox (CI containers run as root), no GPU, no
/// extensions and no background networking, on a `file://` URL only, and is killed when it overruns its time.
struct HeadlessChromium {
    /// The program names looked up in `PATH`, in order: Debian's, Ubuntu's and Google's builds.
    static let programNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The path of the browser executable.
    let executable: String

    /// The first of ``programNames`` found in `PATH`.
    ///
    /// - Throws: ``HeadlessChromiumError`` naming the programs looked for and `make deps` when none is installed.
    static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(HeadlessChromiumError) -> HeadlessChromium {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in programNames {
            for folder in folders {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name).path
                if FileManager.default.isExecutableFile(atPath: candidate) {
                    return HeadlessChromium(executable: candidate)
                }
            }
        }
        throw HeadlessChromiumError(
            "--pdf needs Chromium, and none of \(programNames.joined(separator: ", ")) is in PATH; "
                + "install it with `make deps` (Debian: apt-get install chromium)"
        )
    }

    /// Prints the HTML file `html` to the PDF file `pdf` (A4/Letter as the page's print stylesheet says, no
    /// browser header or footer), replacing `pdf` only once the browser has written a complete document.
    ///
    /// - Throws: ``HeadlessChromiumError`` when the browser cannot start, fails, overruns `timeout` seconds (it
    ///   is then killed) or writes no PDF.
    func printToPDF(html: URL, pdf: URL, timeout: Double = 120) throws(HeadlessChromiumError) {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-chromium-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw HeadlessChromiumError("cannot create a browser profile folder: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let partial = pdf.deletingLastPathComponent()
            .appendingPathComponent(".\(pdf.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        let log = scratch.appendingPathComponent("chromium.log")
        let arguments =
            Self.baseArguments(profile: scratch.appendingPathComponent("profile")) + [
                "--no-pdf-header-footer", "--print-to-pdf=\(partial.path)", html.absoluteURL.absoluteString,
            ]
        let browser: SpawnedProcess
        do {
            browser = try SpawnedProcess(executable, arguments, outputPath: log.path, errorPath: log.path)
        } catch {
            throw HeadlessChromiumError("\(error)")
        }
        guard let status = browser.wait(timeout: timeout) else {
            browser.kill()
            throw HeadlessChromiumError("\(executable) did not finish printing within \(Int(timeout)) s; killed it")
        }
        let written = FileHandle(forReadingAtPath: partial.path).flatMap { try? $0.read(upToCount: 5) }
        guard status == 0, written == Data("%PDF-".utf8) else {
            let tail = Self.lastLines(of: log)
            throw HeadlessChromiumError("\(executable) exited with \(status) without writing a PDF\(tail)")
        }
        // rename(2) replaces an earlier PDF atomically, so a reader never sees half a document.
        guard rename(partial.path, pdf.path) == 0 else {
            throw HeadlessChromiumError("cannot write \(pdf.path): \(String(cString: strerror(errno)))")
        }
    }

    /// The flags every run uses: headless, a private profile, nothing that reaches the network on its own.
    static func baseArguments(profile: URL) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--user-data-dir=\(profile.path)",
        ]
    }

    /// The browser's last log lines that are not D-Bus noise, for an error message (empty when there are none).
    private static func lastLines(of log: URL) -> String {
        guard let data = FileManager.default.contents(atPath: log.path) else { return "" }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
            .filter { !$0.contains("dbus") && !$0.contains("D-Bus") }
            .suffix(5)
        return lines.isEmpty ? "" : ":\n" + lines.joined(separator: "\n")
    }
}

/// Why the headless browser could not print the report.
struct HeadlessChromiumError: Error, CustomStringConvertible {
    /// What went wrong, naming the program or file.
    let description: String

    /// An error saying `description`.
    init(_ description: String) { self.description = description }
}
