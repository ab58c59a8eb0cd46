public import Foundation

/// Runs `Tests/Support/validate_json_schema.py` (python3 + jsonschema) on a document and reports the verdict.
public struct SchemaValidator {
    /// What the validator said: its exit status and everything it printed.
    public struct Outcome {
        public var status: Int32
        public var output: String

        public var isValid: Bool { status == 0 }
        /// The validator ran and found the document invalid (not a setup failure, which exits 2).
        public var isInvalid: Bool { status == 1 }
    }

    /// The Portcullis JSON report schema.
    public static var reportSchema: URL {
        TestPaths.root.appendingPathComponent("Reports/portcullis-report.schema.json")
    }

    /// The OASIS SARIF 2.1.0 schema in the shared folder beside the repository.
    public static var sarifSchema: URL { TestPaths.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json") }

    static var script: URL { TestPaths.root.appendingPathComponent("Tests/Support/validate_json_schema.py") }

    /// Validates `document` against `schema`, waiting at most `timeout` seconds for python.
    public static func validate(_ document: Data, against schema: URL, timeout: TimeInterval = 60) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-reporting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let instance = scratch.appendingPathComponent("instance.json")
        let log = scratch.appendingPathComponent("output.txt")
        try document.write(to: instance)
        try Data().write(to: log)
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, schema.path, instance.path]
        process.standardOutput = logHandle
        process.standardError = logHandle
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = exited.wait(timeout: .now() + 5)
            return Outcome(status: -1, output: "validator timed out after \(timeout) s")
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, output: output)
    }
}
