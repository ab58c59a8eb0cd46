import Foundation
import PortcullisCore
import Reporting
import Testing

@Suite struct ReportWriterTests {
    private func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-writer-\(UUID().uuidString)")
    }

    @Test func formatsNameTheirFiles() {
        #expect(ReportFormat.json.fileName == "portcullis-report.json")
        #expect(ReportFormat.sarif.fileName == "portcullis-report.sarif")
        #expect(ReportFormat.allCases == [.json, .sarif, .md, .csv, .junit, .html])
        #expect(ReportFormat(rawValue: "sarif") == .sarif)
    }

    @Test func writesEachFormatOnceIntoANewDirectory() throws {
        let root = scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = root.appendingPathComponent("nested/reports")
        let result = Fixtures.result()
        let written = try ReportWriter.write(result, formats: [.sarif, .json, .sarif], to: directory)
        #expect(written.map(\.lastPathComponent) == ["portcullis-report.sarif", "portcullis-report.json"])
        #expect(try Data(contentsOf: written[0]) == (try SARIFReporter.render(result)))
        #expect(try Data(contentsOf: written[1]) == (try JSONReporter.render(result)))
        #expect(try ReportFormat.json.render(result) == (try JSONReporter.render(result)))
    }

    @Test func failureToCreateTheDirectoryIsAnError() throws {
        let root = scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("not a folder".utf8).write(to: root)
        #expect(throws: ReportWriteError.self) {
            try ReportWriter.write(Fixtures.result(), formats: [.json], to: root.appendingPathComponent("sub"))
        }
    }
}
